using System.Net;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Connections;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Connections;

namespace Ledgerline.FreshBooks.Tests.Auth;

/// <summary>
/// A token answer that holds both tokens but an <c>expires_in</c> that cannot be taken (the sandbox's
/// <see cref="FaultKind.TokenLifetime"/> fault) never loses the tokens: a refreshed pair is saved as due for refresh before
/// the call fails typed, and the tokens of a code exchange travel in the typed error. Over loopback HTTP.
/// </summary>
public sealed class UnreadableTokenLifetimeTests : IAsyncLifetime
{
    private const string TokenPath = "/auth/oauth/token";
    private FreshBooksSandbox _sandbox = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateTimeOffset Expired => DateTimeOffset.UtcNow.AddMinutes(-1);

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    /// <summary>What the answer's <c>expires_in</c> is; <c>none</c> leaves it out (as the sandbox's <c>expires-in:none</c> does).</summary>
    public static TheoryData<string> UnreadableLifetimes => new()
    {
        "none",
        "soon",                     // not a number
        "99999999999999999999",     // beyond a 64-bit number, sent as a string
        "0",
        "-43200",
        "31622401",                 // 366 days and one second
    };

    [Theory]
    [MemberData(nameof(UnreadableLifetimes))]
    public async Task Send_RefreshAnswerWithoutReadableLifetime_SavesTheNewPairThenFailsTyped_AndTheNextCallRefreshesWithIt(string expiresIn)
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.Faults.Add(FaultRule.Parse($"expires-in:{expiresIn}@{TokenPath}#1"));
        var before = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));
        var kept = (await stack.Store.GetAsync("tenant-a", Cancellation))!;
        var apiCallsAfterFirst = _sandbox.Requests.Count(r => r.Path != TokenPath);
        using var next = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);
        var renewed = (await stack.Store.GetAsync("tenant-a", Cancellation))!;

        // The failed call: typed, saying the tokens were kept, quoting neither token nor body, and nothing sent to the API.
        Assert.Equal(("FreshBooks", 200), (error.Provider, error.StatusCode));
        Assert.Null(error.BodyExcerpt);
        Assert.IsType<InvalidProviderResponseException>(error.InnerException);
        Assert.Contains("expires_in", error.Message, StringComparison.Ordinal);
        Assert.Contains("kept", error.Message, StringComparison.Ordinal);
        Assert.Contains("refreshed at their next use", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(kept.Tokens!.AccessToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(kept.Tokens.RefreshToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, apiCallsAfterFirst);

        // The stored pair is the new one, due at once: its expiry is the time the refresh was sent, no made-up lifetime.
        Assert.Equal(ConnectionStatus.Active, kept.Status);
        Assert.NotEqual(seeded.Tokens!.RefreshToken, kept.Tokens.RefreshToken);
        Assert.InRange(kept.Tokens.ExpiresAt, before, DateTimeOffset.UtcNow);

        // The next call refreshes with the kept (single-use) refresh token, which FreshBooks accepts, and goes through.
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal([200, 200], _sandbox.Requests.Where(r => r.Path == TokenPath).Select(r => r.StatusCode));
        Assert.NotEqual(kept.Tokens.RefreshToken, renewed.Tokens!.RefreshToken);
        Assert.True(renewed.Tokens.ExpiresAt > DateTimeOffset.UtcNow.AddHours(11));
        Assert.Equal(renewed.Tokens.AccessToken, _sandbox.Requests[^1].BearerToken);
    }

    [Fact]
    public async Task Send_ConcurrentCallersAndAnUnreadableLifetime_OneRefreshAllFailTypedAndThePairIsKept()
    {
        // Every caller in flight at once (the per-connection limit would otherwise queue some behind the failed refresh).
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.MaxConcurrentRequestsPerConnection = 20);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.Faults.Add(FaultRule.Delay(TimeSpan.FromMilliseconds(200), TokenPath));
        _sandbox.Faults.Add(FaultRule.BadTokenLifetime(null, TokenPath, times: 1));

        var calls = Enumerable.Range(0, 20).Select(_ => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation)).ToArray();
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<InvalidProviderResponseException>(() => call);
        }

        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path != TokenPath);
        Assert.NotEqual(seeded.Tokens!.RefreshToken, (await stack.Store.GetAsync("tenant-a", Cancellation))!.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task Send_EveryRefreshAnswerUnreadable_OneRefreshPerCallNeverALoop_EachWithTheLatestRefreshToken()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.Faults.Add(FaultRule.BadTokenLifetime("forever", TokenPath));

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<InvalidProviderResponseException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));
        }

        // Three calls, three refreshes, each accepted: each sent the refresh token the one before had saved (FreshBooks'
        // are single-use, so a spent one would be invalid_grant). The connection still works once FreshBooks answers well.
        Assert.Equal([200, 200, 200], _sandbox.Requests.Where(r => r.Path == TokenPath).Select(r => r.StatusCode));
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path != TokenPath);
        _sandbox.Faults.Clear();
        using var recovered = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task ExchangeCodeAsync_AnswerWithoutExpiresIn_KeepsTheTokensInTheTypedError_AndTheyConnectAndRefresh()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var request = stack.Connector.CreateAuthorizationRequest();
        var code = FreshBooksConnectorTests.ParseQuery(await FreshBooksConnectorTests.ConsentAsync(request.AuthorizationUrl))["code"];
        _sandbox.Faults.Add(FaultRule.BadTokenLifetime(null, TokenPath, times: 1));
        var before = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<FreshBooksIdentityUnavailableException>(() => stack.Connector.ExchangeCodeAsync(code, Cancellation));
        var lookups = _sandbox.Requests.Count(r => r.Path == "/auth/api/v1/users/me");
        var grant = await stack.Connector.ListBusinessesAsync(error.Grant, Cancellation);
        await stack.Connector.ConnectAsync("tenant-x", grant, grant.Businesses[0], Cancellation);
        using var me = await stack.GetMeAsync("tenant-x", cancellationToken: Cancellation);

        var unreadable = Assert.IsType<InvalidProviderResponseException>(error.InnerException);
        Assert.Equal(("FreshBooks", 200), (error.Provider, error.StatusCode));
        Assert.Null(unreadable.BodyExcerpt);
        Assert.Contains("expires_in", error.Message, StringComparison.Ordinal);
        Assert.Contains("kept", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Grant.Tokens.AccessToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(error.Grant.Tokens.RefreshToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, lookups);
        Assert.InRange(error.Grant.ExpiresAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(_sandbox.Data.Businesses.Count, grant.Businesses.Count);

        // Connected with the kept tokens; being due, they are refreshed before the first call, which goes through.
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal([200, 200], _sandbox.Requests.Where(r => r.Path == TokenPath).Select(r => r.StatusCode));
        var stored = (await stack.Store.GetAsync("tenant-x", Cancellation))!;
        Assert.NotEqual(error.Grant.Tokens.RefreshToken, stored.Tokens!.RefreshToken);
        Assert.True(stored.Tokens.ExpiresAt > DateTimeOffset.UtcNow.AddHours(11));
    }
}
