using System.Net;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.FreshBooks.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Auth;

public sealed class TokenRefreshTests : IAsyncLifetime
{
    private const string TokenPath = "/auth/oauth/token";
    private FreshBooksSandbox _sandbox = null!;
    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-fb-auth-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateTimeOffset Expired => DateTimeOffset.UtcNow.AddMinutes(-1);

    private static DateTimeOffset Fresh => DateTimeOffset.UtcNow.AddHours(6);

    public async ValueTask InitializeAsync() => _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Cancellation);

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS.
        }
    }

    [Fact]
    public async Task Send_100ConcurrentCallsWithExpiredToken_OneTokenRequestAndAllSucceed()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path == TokenPath && r.StatusCode != 200);
        var stored = await stack.Store.GetAsync("tenant-a", Cancellation);
        Assert.NotEqual(seeded.Tokens!.RefreshToken, stored!.Tokens!.RefreshToken);
        Assert.All(_sandbox.Requests.Where(r => r.Path != TokenPath), r => Assert.Equal(stored.Tokens.AccessToken, r.BearerToken));
    }

    [Fact]
    public async Task Send_TwoStacksOverOneSqliteFileWithExpiredToken_OneRefreshInTotal()
    {
        var path = Path.Combine(_directory, "shared.db");
        await using var first = new ConnectionsStack(_sandbox, sqlitePath: path);
        await using var second = new ConnectionsStack(_sandbox, sqlitePath: path);
        await ConnectionsStack.SeedAsync(first.Store, _sandbox, "tenant-a", Expired);

        var calls = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? first : second).GetMeAsync("tenant-a", cancellationToken: Cancellation));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, _sandbox.TokenRequestCount);
        var stored = await second.Store.GetAsync("tenant-a", Cancellation);
        Assert.All(_sandbox.Requests.Where(r => r.Path != TokenPath), r => Assert.Equal(stored!.Tokens!.AccessToken, r.BearerToken));
    }

    [Fact]
    public async Task Send_PeerRotatedAfterTheCallerRead_WaiterUsesThePeersPairAndSendsNoSpentToken()
    {
        var store = new StaleReadsStore(new InMemoryConnectionStore());
        await using var stack = new ConnectionsStack(_sandbox, services: s => s.AddSingleton<IConnectionStore>(store));
        var seeded = await ConnectionsStack.SeedAsync(store, _sandbox, "tenant-a", Expired);

        // A peer process rotates RT1 → RT2 and persists it; our caller's first read still sees RT1.
        store.ServeStale(seeded, reads: 1);
        var rotated = await RotateAtSandboxAsync(seeded.Tokens!.RefreshToken);
        await store.Inner.TryUpdateAsync(seeded with { Tokens = rotated }, seeded.Version, Cancellation);

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.Equal(rotated.AccessToken, _sandbox.Requests[^1].BearerToken);
    }

    [Fact]
    public async Task Send_StoreStillShowsSpentTokenThenInvalidGrant_RereadsOnceAndUsesThePeersPair()
    {
        var store = new StaleReadsStore(new InMemoryConnectionStore());
        await using var stack = new ConnectionsStack(_sandbox, services: s => s.AddSingleton<IConnectionStore>(store));
        var seeded = await ConnectionsStack.SeedAsync(store, _sandbox, "tenant-a", Expired);
        store.ServeStale(seeded, reads: 2);
        var rotated = await RotateAtSandboxAsync(seeded.Tokens!.RefreshToken);
        await store.Inner.TryUpdateAsync(seeded with { Tokens = rotated }, seeded.Version, Cancellation);

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sandbox.TokenRequestCount);
        Assert.Equal(rotated.AccessToken, _sandbox.Requests[^1].BearerToken);
        Assert.Equal(ConnectionStatus.Active, (await store.Inner.GetAsync("tenant-a", Cancellation))!.Status);
    }

    [Fact]
    public async Task Send_CallerCancelsMidRefresh_RefreshCompletesAndIsPersisted()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.Faults.Add(FaultRule.Delay(TimeSpan.FromMilliseconds(500), TokenPath));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stack.GetMeAsync("tenant-a", cancellationToken: cancel.Token));
        var stored = await WaitForAsync(
            async () => await stack.Store.GetAsync("tenant-a", Cancellation) is { } c && c.Version != seeded.Version ? c : null);
        using var next = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.NotEqual(seeded.Tokens!.RefreshToken, stored.Tokens!.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.Equal(stored.Tokens.AccessToken, _sandbox.Requests[^1].BearerToken);
    }

    [Fact]
    public async Task Send_DeadGrant_MarksReauthorizationRequiredAndThenSendsNothing()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.RevokeToken(seeded.Tokens!.RefreshToken);

        var first = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));
        var requestsAfterFirst = _sandbox.Requests.Count;
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));
        }

        Assert.Equal("tenant-a", first.ConnectionId);
        Assert.Equal("invalid_grant", first.ProviderCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.Equal(requestsAfterFirst, _sandbox.Requests.Count);
        Assert.Equal(ConnectionStatus.ReauthorizationRequired, (await stack.Store.GetAsync("tenant-a", Cancellation))!.Status);
    }

    [Fact]
    public async Task Send_ConnectionAlreadyNeedsReauthorization_FailsFastWithNoRequest()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        await stack.Store.TryUpdateAsync(seeded with { Status = ConnectionStatus.ReauthorizationRequired }, seeded.Version, Cancellation);

        await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));

        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public async Task Send_UnknownConnection_FailsWithReauthorizationRequiredAndNoRequest()
    {
        await using var stack = new ConnectionsStack(_sandbox);

        var error = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.GetMeAsync("nobody", cancellationToken: Cancellation));

        Assert.Equal("nobody", error.ConnectionId);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public async Task Send_ApiAnswers401_RefreshesOnceAndResends()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        await stack.Store.TryUpdateAsync(seeded with { Tokens = seeded.Tokens! with { AccessToken = "not-a-token-the-server-knows" } }, seeded.Version, Cancellation);

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        var api = _sandbox.Requests.Where(r => r.Path != TokenPath).ToArray();
        Assert.Equal([401, 200], api.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Send_50ConcurrentCallsAllAnswered401_OneForcedRefreshInTotal()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);
        await stack.Store.TryUpdateAsync(seeded with { Tokens = seeded.Tokens! with { AccessToken = "revoked-elsewhere" } }, seeded.Version, Cancellation);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task Send_401EvenAfterTheForcedRefresh_Returns401WithoutASecondRefresh()
    {
        var wire = new AlwaysUnauthorizedHandler();
        await using var stack = new ConnectionsStack(_sandbox, client: c => c.AddHttpMessageHandler(() => wire));
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.Equal(2, wire.Calls);
    }

    [Fact]
    public async Task Send_InterleavedCallsForTwoTenants_EachCarriesItsOwnBearer()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-b", Fresh);

        var calls = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? stack.GetMeAsync("tenant-a", "a", Cancellation)
            : stack.GetMeAsync("tenant-b", "b", Cancellation));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var a = (await stack.Store.GetAsync("tenant-a", Cancellation))!.Tokens!.AccessToken;
        var b = (await stack.Store.GetAsync("tenant-b", Cancellation))!.Tokens!.AccessToken;
        Assert.NotEqual(a, b);
        Assert.All(_sandbox.Requests.Where(r => r.Query == "?marker=a"), r => Assert.Equal(a, r.BearerToken));
        Assert.All(_sandbox.Requests.Where(r => r.Query == "?marker=b"), r => Assert.Equal(b, r.BearerToken));
        Assert.Equal(200, _sandbox.Requests.Count(r => r.Query is "?marker=a" or "?marker=b"));
    }

    [Fact]
    public async Task Send_TokenExpiresWithinRefreshBeforeExpiry_RefreshesEarly()
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.RefreshBeforeExpiry = TimeSpan.FromMinutes(10));
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", DateTimeOffset.UtcNow.AddMinutes(5));

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task Send_TokenValidBeyondRefreshBeforeExpiry_SendsNoTokenRequest()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Fresh);

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task Send_TokenEndpointSlowerThanTokenRequestTimeout_FailsUnavailableAndDoesNotRetry()
    {
        await using var stack = new ConnectionsStack(_sandbox, configure: o => o.TokenRequestTimeout = TimeSpan.FromMilliseconds(200));
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(2), TokenPath));

        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));

        Assert.Equal("FreshBooks", error.Provider);
        await Task.Delay(2500, Cancellation);
        Assert.Equal(1, _sandbox.Requests.Count(r => r.Path == TokenPath));
    }

    [Fact]
    public async Task Send_TokenEndpointFails500_SurfacesUnavailableAfterOneTokenRequest()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        _sandbox.Faults.Add(FaultRule.ServerError(500, TokenPath, times: 1));

        await Assert.ThrowsAsync<ProviderUnavailableException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));

        Assert.Equal(1, _sandbox.Requests.Count(r => r.Path == TokenPath));
        Assert.Equal(ConnectionStatus.Active, (await stack.Store.GetAsync("tenant-a", Cancellation))!.Status);
    }

    private async Task<ConnectionTokens> RotateAtSandboxAsync(string refreshToken)
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = _sandbox.Options.ClientId,
            ["client_secret"] = _sandbox.Options.ClientSecret,
        });
        using var response = await http.PostAsync("auth/oauth/token", form, Cancellation);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        return new ConnectionTokens(
            json.RootElement.GetProperty("access_token").GetString()!,
            json.RootElement.GetProperty("refresh_token").GetString()!,
            Fresh);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25, Cancellation);
        }

        throw new TimeoutException("The condition was not met within 10 s.");
    }
}
