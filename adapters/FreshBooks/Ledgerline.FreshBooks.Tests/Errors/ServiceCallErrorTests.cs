using Ledgerline.Connections;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Support;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Errors;

/// <summary>
/// Calls about no record — <c>/users/me</c>, the token endpoint, webhook callbacks — go through the same error table as
/// every other call, over loopback against the sandbox (retries off, so each fault arrives as it is).
/// </summary>
public sealed class ServiceCallErrorTests : IAsyncLifetime
{
    private static readonly Uri Unused = new("http://127.0.0.1:9/unused");

    private SandboxLedgerFixture _fixture = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fixture = await SandboxLedgerFixture.StartAsync(o => o.MaxRetries = 0);

    public async ValueTask DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Identity_429WithRetryAfter_RateLimitedKeepingTheWait()
    {
        var identity = _fixture.Services.GetRequiredService<FreshBooksIdentityClient>();
        _fixture.Sandbox.Faults.AddTooManyRequests(TimeSpan.FromSeconds(7), "/auth/api/v1/users/me", times: 1);

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => identity.GetMeAsync(_fixture.Sandbox.IssueTokens().AccessToken, Ct));

        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.Equal((429, "FreshBooks"), (limited.StatusCode, limited.Provider));
    }

    [Fact]
    public async Task Identity_401_ReauthorizationRequiredKeepingFreshBooksCodeAndMessage()
    {
        var identity = _fixture.Services.GetRequiredService<FreshBooksIdentityClient>();

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => identity.GetMeAsync("not-a-token", Ct));

        Assert.Equal((401, "invalid_token", "The access token is invalid"), (refused.StatusCode, refused.ProviderCode, refused.ProviderMessage));
        Assert.Equal((string.Empty, "FreshBooks"), (refused.ConnectionId, refused.Provider));
        Assert.Contains("connect (authorize) again", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_InvalidClient_PublicExceptionWithTheOAuthErrorNotAnInternalType()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(o =>
        {
            o.MaxRetries = 0;
            o.ClientSecret = "not-the-secret";
            o.RefreshBeforeExpiry = TimeSpan.FromDays(1);
        });
        var ledger = await fixture.OpenAsync();

        var refused = await Assert.ThrowsAnyAsync<LedgerlineException>(() => ledger.Contacts.ListPageAsync(null, null, Ct));

        Assert.True(refused.GetType().IsPublic, refused.GetType().FullName);
        Assert.Equal((401, "invalid_client"), (refused.StatusCode, refused.ProviderCode));
        Assert.NotNull(refused.ProviderMessage);
        Assert.DoesNotContain("not-the-secret", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_429WithRetryAfter_RateLimitedKeepingTheWait()
    {
        await using var fixture = await SandboxLedgerFixture.StartAsync(o =>
        {
            o.MaxRetries = 0;
            o.RefreshBeforeExpiry = TimeSpan.FromDays(1);
        });
        var ledger = await fixture.OpenAsync();

        // Expired, so the call cannot fall back on the current access token while the token endpoint is busy.
        var store = fixture.Services.GetRequiredService<IConnectionStore>();
        var connection = (await store.GetAsync(ledger.ConnectionId, Ct))!;
        await store.TryUpdateAsync(
            connection with { Tokens = connection.Tokens! with { ExpiresAt = fixture.Sandbox.Clock.GetUtcNow().AddMinutes(-1) } }, connection.Version, Ct);
        fixture.Sandbox.Faults.AddTooManyRequests(TimeSpan.FromSeconds(9), "/auth/oauth/token", times: 1);

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => ledger.Contacts.ListPageAsync(null, null, Ct));

        Assert.Equal(TimeSpan.FromSeconds(9), limited.RetryAfter);
    }

    [Fact]
    public async Task Callbacks_ListWithPagesTheTotalCannotJustify_FailsTypedInsteadOfReadingPastTheEnd()
    {
        var connection = await _fixture.ConnectAsync();
        var subscriptions = _fixture.Services.GetRequiredService<IFreshBooksWebhookSubscriptions>();
        await subscriptions.SubscribeAsync(connection, new LedgerChangeTopic(EntityKind.Invoice), Unused, Ct);
        _fixture.Sandbox.Faults.Add(FaultRule.FalseCounters(pages: 2, pathPrefix: "/events"));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => subscriptions.ListAsync(connection, Ct));

        Assert.Contains("with 2 pages, but 1 records at 100 a page make 1", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("list callback", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callbacks_AnswerCutShort_InvalidResponseNotARawTransportException()
    {
        var connection = await _fixture.ConnectAsync();
        var subscriptions = _fixture.Services.GetRequiredService<IFreshBooksWebhookSubscriptions>();
        await subscriptions.SubscribeAsync(connection, new LedgerChangeTopic(EntityKind.Invoice), Unused, Ct);
        _fixture.Sandbox.Faults.Add(FaultRule.Truncate("/events", times: 1));

        // The sandbox sends half the body, then resets the connection. Whether the reset overtakes the headers is a race of
        // the loopback socket: either the answer was cut short (invalid response, status kept) or no answer was read at all
        // (unavailable). Both are typed; never a raw transport exception.
        var failure = await Assert.ThrowsAnyAsync<LedgerlineException>(() => subscriptions.ListAsync(connection, Ct));

        if (failure is InvalidProviderResponseException invalid)
        {
            Assert.Contains("cut short", invalid.Message, StringComparison.Ordinal);
            Assert.Equal(200, invalid.StatusCode);
        }
        else
        {
            Assert.IsType<ProviderUnavailableException>(failure);
        }
    }

    [Fact]
    public async Task Callbacks_429_RateLimitedWithTheWait()
    {
        var connection = await _fixture.ConnectAsync();
        var subscriptions = _fixture.Services.GetRequiredService<IFreshBooksWebhookSubscriptions>();
        _fixture.Sandbox.Faults.AddTooManyRequests(TimeSpan.FromSeconds(5), "/events", times: 1);

        var limited = await Assert.ThrowsAsync<RateLimitedException>(() => subscriptions.ListAsync(connection, Ct));

        Assert.Equal(TimeSpan.FromSeconds(5), limited.RetryAfter);
    }
}
