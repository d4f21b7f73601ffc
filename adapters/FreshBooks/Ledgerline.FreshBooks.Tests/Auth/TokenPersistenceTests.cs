using System.Net;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Sandbox;
using Ledgerline.FreshBooks.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Tests.Auth;

public sealed class TokenPersistenceTests : IAsyncLifetime
{
    private const string TokenPath = "/auth/oauth/token";
    private FreshBooksSandbox _sandbox = null!;
    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-fb-persist-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static DateTimeOffset Expired => DateTimeOffset.UtcNow.AddMinutes(-1);

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
    public async Task Send_RotatedPairCannotBeSaved_ReauthorizationRequiredAndTheNewTokenIsNeverUsed()
    {
        var store = new HookedStore(new InMemoryConnectionStore());
        await using var stack = new ConnectionsStack(_sandbox, services: s => s.AddSingleton<IConnectionStore>(store));
        await ConnectionsStack.SeedAsync(store, _sandbox, "tenant-a", Expired);
        string? rotatedAccessToken = null;
        store.BeforeTryUpdate = (connection, _) =>
        {
            rotatedAccessToken ??= connection.Tokens?.AccessToken;
            throw new IOException("disk full");
        };

        var error = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => stack.GetMeAsync("tenant-a", cancellationToken: Cancellation));

        Assert.IsType<IOException>(error.InnerException);
        Assert.NotNull(rotatedAccessToken);
        Assert.Equal(1, _sandbox.TokenRequestCount);
        Assert.DoesNotContain(_sandbox.Requests, r => r.BearerToken == rotatedAccessToken);
        Assert.DoesNotContain(_sandbox.Requests, r => r.Path != TokenPath);
    }

    [Fact]
    public async Task Send_AnotherWriterMovesTheVersionDuringTheRefresh_TheStoredRecordWins()
    {
        var store = new HookedStore(new InMemoryConnectionStore());
        await using var stack = new ConnectionsStack(_sandbox, services: s => s.AddSingleton<IConnectionStore>(store));
        var seeded = await ConnectionsStack.SeedAsync(store, _sandbox, "tenant-a", Expired);
        var reauthorized = _sandbox.IssueTokens();
        store.BeforeTryUpdate = async (_, expected) =>
        {
            store.BeforeTryUpdate = null;

            // A fresh authorization lands between our token request and our write.
            await store.Inner.SaveAsync(seeded with
            {
                Tokens = new ConnectionTokens(reauthorized.AccessToken, reauthorized.RefreshToken, DateTimeOffset.UtcNow.AddHours(6)),
            });
        };

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(reauthorized.AccessToken, _sandbox.Requests[^1].BearerToken);
        Assert.Equal(reauthorized.RefreshToken, (await store.GetAsync("tenant-a", Cancellation))!.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task Send_SqliteStoreRefreshingTwiceInARow_ReleasesTheLeaseEachTime()
    {
        await using var stack = new ConnectionsStack(_sandbox, sqlitePath: Path.Combine(_directory, "twice.db"));
        await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        using (var first = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var current = (await stack.Store.GetAsync("tenant-a", Cancellation))!;
        await stack.Store.TryUpdateAsync(current with { Tokens = current.Tokens! with { ExpiresAt = Expired } }, current.Version, Cancellation);

        using var second = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task Send_StoredScopesChangeOnRefresh_ConnectionKnowsTheGrantedScopes()
    {
        await using var stack = new ConnectionsStack(_sandbox);
        var seeded = await ConnectionsStack.SeedAsync(stack.Store, _sandbox, "tenant-a", Expired);
        await stack.Store.TryUpdateAsync(seeded with { Scopes = new HashSet<string>() }, seeded.Version, Cancellation);

        using var response = await stack.GetMeAsync("tenant-a", cancellationToken: Cancellation);

        var stored = await stack.Store.GetAsync("tenant-a", Cancellation);
        Assert.Contains("user:profile:read", stored!.Scopes);
    }
}
