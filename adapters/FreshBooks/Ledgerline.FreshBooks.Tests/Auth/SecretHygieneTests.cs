using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ledgerline.FreshBooks.Tests.Auth;

public sealed class SecretHygieneTests : IAsyncLifetime
{
    private FreshBooksSandbox _sandbox = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Logs_ConnectRefreshAndDeadGrantAtTrace_ContainNoSecret()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var secrets = new List<string> { _sandbox.Options.ClientSecret };
        var errors = new List<Exception>();

        // Connect through OAuth.
        var grant = await FreshBooksConnectorTests.GrantAsync(stack);
        var connected = await stack.Connector.ConnectAsync("tenant-a", grant, grant.Businesses[0], Cancellation);
        secrets.Add(connected.Tokens!.AccessToken);
        secrets.Add(connected.Tokens.RefreshToken);

        // Force a refresh, then a failed token call, then a dead grant.
        await stack.Store.TryUpdateAsync(connected with { Tokens = connected.Tokens with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) } }, connected.Version, Cancellation);
        using (await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation))
        {
        }

        var rotated = (await stack.Store.GetAsync("tenant-a", Cancellation))!;
        secrets.Add(rotated.Tokens!.AccessToken);
        secrets.Add(rotated.Tokens.RefreshToken);
        var expired = (await stack.Store.TryUpdateAsync(rotated with { Tokens = rotated.Tokens with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) } }, rotated.Version, Cancellation))!;
        _sandbox.Faults.Add(FaultRule.ServerError(500, "/auth/oauth/token", times: 1));
        errors.Add(await Assert.ThrowsAsync<ProviderUnavailableException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation)));
        _sandbox.RevokeToken(expired.Tokens!.RefreshToken);
        errors.Add(await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation)));
        errors.Add(await Assert.ThrowsAsync<AuthorizationCodeRefusedException>(() => stack.Connector.ExchangeCodeAsync("bad-code", Cancellation)));

        var records = stack.Logs.GetSnapshot();
        var text = string.Join('\n', records.Select(Describe)) + "\n" + string.Join('\n', errors.Select(e => e.ToString()));

        Assert.Contains(records, r => r.Category == "Ledgerline.FreshBooks.Http" && r.Message.Contains("/auth/api/v1/users/me", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Category != null && r.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category != null && r.Category == "Ledgerline.Connections.ConnectionTokenManager" && r.Level == LogLevel.Warning);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.DoesNotContain("refresh_token=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", text, StringComparison.Ordinal);
    }

    private static string Describe(FakeLogRecord record) =>
        $"{record.Level} {record.Category} {record.Message} {record.Exception} " +
        string.Join(' ', record.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? []);
}
