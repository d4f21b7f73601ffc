using Ledgerline.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Tests.Connections;

public sealed class SqliteConnectionStoreTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-sqlite-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryUpdateAsync_TwoStoresOnOneFile_OnlyOneWinsAVersion()
    {
        var path = Path.Combine(_directory, "shared.db");
        var first = Store(path);
        var second = Store(path);
        var saved = await first.SaveAsync(new LedgerConnection { Id = "c1", Provider = "FreshBooks" }, Cancellation);

        var results = await Task.WhenAll(
            first.TryUpdateAsync(saved with { Properties = new Dictionary<string, string> { ["by"] = "first" } }, saved.Version, Cancellation),
            second.TryUpdateAsync(saved with { Properties = new Dictionary<string, string> { ["by"] = "second" } }, saved.Version, Cancellation));

        Assert.Single(results, r => r is not null);
        var read = await second.GetAsync("c1", Cancellation);
        Assert.Equal(results.Single(r => r is not null)!.Properties["by"], read!.Properties["by"]);
    }

    [Fact]
    public async Task SaveAsync_ThenReopenedFile_ReadsTheConnection()
    {
        var path = Path.Combine(_directory, "durable.db");
        await Store(path).SaveAsync(
            new LedgerConnection { Id = "c1", Provider = "FreshBooks", Tokens = new ConnectionTokens("a", "r", DateTimeOffset.UnixEpoch) },
            Cancellation);

        var read = await Store(path).GetAsync("c1", Cancellation);

        Assert.Equal("r", read!.Tokens!.RefreshToken);
    }

    [Fact]
    public async Task AcquireLeaseAsync_HeldByAnotherStore_WaitsUntilReleased()
    {
        var path = Path.Combine(_directory, "lease.db");
        var first = Leases(path);
        var second = Leases(path);
        var held = await first.AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);

        var waiting = second.AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(200, Cancellation);
        var acquiredWhileHeld = waiting.IsCompleted;
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.False(acquiredWhileHeld);
    }

    [Fact]
    public async Task AcquireLeaseAsync_HolderNeverReleases_LapsesAfterItsDuration()
    {
        var path = Path.Combine(_directory, "lapse.db");
        _ = await Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(300), Cancellation);

        await using var taken = await Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.NotNull(taken);
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_KeepsTheLeasePastItsFirstDuration()
    {
        var path = Path.Combine(_directory, "renew.db");
        var held = (IRenewableConnectionLease)await Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(300), Cancellation);

        Assert.True(await held.RenewAsync(TimeSpan.FromMinutes(1), Cancellation));
        var waiting = Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(700, Cancellation);
        var takenWhileRenewed = waiting.IsCompleted;
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.False(takenWhileRenewed);
    }

    [Fact]
    public async Task RenewAsync_AfterTheLeaseLapsedAndWasTaken_ReturnsFalseAndLeavesTheNewHolderAlone()
    {
        var path = Path.Combine(_directory, "renew-lapsed.db");
        var lapsed = (IRenewableConnectionLease)await Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(200), Cancellation);
        await using var taken = await Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        var renewed = await lapsed.RenewAsync(TimeSpan.FromMinutes(1), Cancellation);
        var third = Leases(path).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(300, Cancellation);

        Assert.False(renewed);
        Assert.False(third.IsCompleted);
        await taken.DisposeAsync();
        await using var next = await third.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
    }

    [Fact]
    public async Task AcquireLeaseAsync_DifferentConnections_DoNotBlockEachOther()
    {
        var path = Path.Combine(_directory, "two.db");
        await using var a = await Leases(path).AcquireLeaseAsync("a", TimeSpan.FromMinutes(1), Cancellation);

        await using var b = await Leases(path).AcquireLeaseAsync("b", TimeSpan.FromMinutes(1), Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        Assert.NotNull(b);
    }

    [Fact]
    public void AddLedgerlineSqliteConnections_AfterAnotherStore_Wins()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionStore>(new InMemoryConnectionStore());

        services.AddLedgerlineSqliteConnections(Path.Combine(_directory, "wins.db"));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);

        Assert.NotEqual(typeof(InMemoryConnectionStore), provider.GetRequiredService<IConnectionStore>().GetType());
        Assert.Same(provider.GetRequiredService<IConnectionStore>(), provider.GetRequiredService<IConnectionLeaseStore>());
    }

    private IConnectionStore Store(string path) => Provider(path).GetRequiredService<IConnectionStore>();

    private IConnectionLeaseStore Leases(string path) => Provider(path).GetRequiredService<IConnectionLeaseStore>();

    private ServiceProvider Provider(string path)
    {
        var provider = new ServiceCollection().AddLedgerlineSqliteConnections(path).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }
}
