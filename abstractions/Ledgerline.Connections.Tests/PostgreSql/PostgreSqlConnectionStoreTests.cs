using System.Net;
using System.Net.Sockets;
using Ledgerline.Connections.PostgreSql;
using Ledgerline.Connections.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ledgerline.Connections.Tests.PostgreSql;

public sealed class PostgreSqlConnectionStoreTests : IAsyncDisposable
{
    private readonly PostgreSqlScratch _scratch = new();
    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryUpdateAsync_TwoInstancesOnOneSchema_OnlyOneWinsAVersion()
    {
        var schema = _scratch.NewSchema();
        var first = Store(schema);
        var second = Store(schema);
        var saved = await first.SaveAsync(new LedgerConnection { Id = "c1", Provider = "FreshBooks" }, Cancellation);

        var results = await Task.WhenAll(
            first.TryUpdateAsync(saved with { Properties = new Dictionary<string, string> { ["by"] = "first" } }, saved.Version, Cancellation),
            second.TryUpdateAsync(saved with { Properties = new Dictionary<string, string> { ["by"] = "second" } }, saved.Version, Cancellation));

        Assert.Single(results, r => r is not null);
        var read = await second.GetAsync("c1", Cancellation);
        Assert.Equal(results.Single(r => r is not null)!.Properties["by"], read!.Properties["by"]);
    }

    [Fact]
    public async Task AcquireLeaseAsync_HeldByAnotherInstance_WaitsUntilReleased()
    {
        var schema = _scratch.NewSchema();
        var held = await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);

        var waiting = Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(300, Cancellation);
        var acquiredWhileHeld = waiting.IsCompleted;
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.False(acquiredWhileHeld);
    }

    [Fact]
    public async Task AcquireLeaseAsync_HolderHangsPastTheDuration_ServerEndsItsLease()
    {
        var schema = _scratch.NewSchema();
        _ = await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(500), Cancellation);

        await using var taken = await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(15), Cancellation);

        Assert.NotNull(taken);
    }

    [Fact]
    public async Task AcquireLeaseAsync_HolderLeaseLapsed_ReleasingItLaterThrowsNothing()
    {
        var schema = _scratch.NewSchema();
        var lapsed = await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(200), Cancellation);
        await using var taken = await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(15), Cancellation);

        var release = await Record.ExceptionAsync(async () => await lapsed.DisposeAsync());

        Assert.Null(release);
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_KeepsTheLeasePastItsFirstDuration()
    {
        var schema = _scratch.NewSchema();
        var held = (IRenewableConnectionLease)await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(500), Cancellation);

        Assert.True(await held.RenewAsync(TimeSpan.FromMinutes(1), Cancellation));
        var waiting = Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(1500, Cancellation);
        var takenWhileRenewed = waiting.IsCompleted;
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.False(takenWhileRenewed);
    }

    [Fact]
    public async Task RenewAsync_AfterTheServerEndedTheLease_ReturnsFalse()
    {
        var schema = _scratch.NewSchema();
        var lapsed = (IRenewableConnectionLease)await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMilliseconds(200), Cancellation);
        await using var taken = await Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(15), Cancellation);

        Assert.False(await lapsed.RenewAsync(TimeSpan.FromMinutes(1), Cancellation));
    }

    [Fact]
    public async Task AcquireLeaseAsync_DifferentConnections_DoNotBlockEachOther()
    {
        var schema = _scratch.NewSchema();
        await using var a = await Leases(schema).AcquireLeaseAsync("a", TimeSpan.FromMinutes(1), Cancellation);

        await using var b = await Leases(schema).AcquireLeaseAsync("b", TimeSpan.FromMinutes(1), Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(5), Cancellation);

        Assert.NotNull(b);
    }

    [Fact]
    public async Task AcquireLeaseAsync_WaiterCancelled_ThrowsCancellationAndTheHolderKeepsIt()
    {
        var schema = _scratch.NewSchema();
        var leases = Leases(schema);
        await using var held = await leases.AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), giveUp.Token));
        var third = Leases(schema).AcquireLeaseAsync("c1", TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(300, Cancellation);

        Assert.False(third.IsCompleted);
        await held.DisposeAsync();
        await using var next = await third.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
    }

    [Fact]
    public async Task StartAsync_TwiceAndFromSeveralInstancesAtOnce_MigratesOnceToTheCurrentVersion()
    {
        var schema = _scratch.NewSchema();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StartAsync(Provider(schema))));
        var store = Store(schema);
        await store.SaveAsync(new LedgerConnection { Id = "c1", Provider = "FreshBooks" }, Cancellation);

        await StartAsync(Provider(schema));

        Assert.Equal(PostgreSqlSchema.CurrentVersion, await _scratch.ScalarAsync($"SELECT version FROM \"{schema}\".schema_versions WHERE component = 'connections';"));
        Assert.NotNull(await Store(schema).GetAsync("c1", Cancellation));
    }

    [Fact]
    public async Task GetAsync_SchemaFromANewerVersion_ThrowsSchemaTooNewAndLeavesTheRows()
    {
        var schema = _scratch.NewSchema();
        await Store(schema).SaveAsync(new LedgerConnection { Id = "c1", Provider = "FreshBooks" }, Cancellation);
        await _scratch.ExecuteAsync($"UPDATE \"{schema}\".schema_versions SET version = 99;");

        var refused = await Assert.ThrowsAsync<ConnectionStoreException>(() => Store(schema).GetAsync("c1", Cancellation));
        var atStart = await Assert.ThrowsAsync<ConnectionStoreException>(() => StartAsync(Provider(schema)));

        Assert.Equal(ConnectionStoreFailure.SchemaTooNew, refused.Failure);
        Assert.Equal(ConnectionStoreFailure.SchemaTooNew, atStart.Failure);
        Assert.Contains("version 99", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await _scratch.ScalarAsync($"SELECT count(*) FROM \"{schema}\".connections;"));
    }

    [Fact]
    public async Task StartAsync_MigrationOffAndNoSchema_ThrowsSchemaNotMigratedAndCreatesNothing()
    {
        var schema = _scratch.NewSchema();
        var provider = Provider(schema, o => o.MigrateOnStart = false);

        var refused = await Assert.ThrowsAsync<ConnectionStoreException>(() => StartAsync(provider));

        Assert.Equal(ConnectionStoreFailure.SchemaNotMigrated, refused.Failure);
        Assert.Equal(false, await _scratch.ScalarAsync($"SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '{schema}');"));
    }

    [Fact]
    public async Task StartAsync_MigrationOffOnACurrentSchema_Works()
    {
        var schema = _scratch.NewSchema();
        await StartAsync(Provider(schema));

        var provider = Provider(schema, o => o.MigrateOnStart = false);
        await StartAsync(provider);
        await provider.GetRequiredService<IConnectionStore>().SaveAsync(new LedgerConnection { Id = "c1", Provider = "FreshBooks" }, Cancellation);

        Assert.NotNull(await Store(schema).GetAsync("c1", Cancellation));
    }

    [Fact]
    public async Task StartAsync_ServerNotListening_ThrowsUnavailableNamingTheTargetButNotThePassword()
    {
        var port = UnusedPort();
        var provider = Track(new ServiceCollection()
            .AddLedgerlinePostgreSqlConnections($"Host=127.0.0.1;Port={port};Username=ledger;Password=hunter2-secret;Database=app;Timeout=3")
            .BuildServiceProvider());

        var atStart = await Assert.ThrowsAsync<ConnectionStoreException>(() => StartAsync(provider));
        var onUse = await Assert.ThrowsAsync<ConnectionStoreException>(() => provider.GetRequiredService<IConnectionStore>().GetAsync("c1", Cancellation));

        Assert.Equal(ConnectionStoreFailure.Unavailable, atStart.Failure);
        Assert.Equal(ConnectionStoreFailure.Unavailable, onUse.Failure);
        Assert.Contains($"127.0.0.1:{port}/app as ledger", atStart.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", atStart.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WrongDatabaseName_ThrowsUnavailable()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgreSqlTestServer.ConnectionString) { Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..8] };
        var provider = Track(new ServiceCollection().AddLedgerlinePostgreSqlConnections(builder.ConnectionString).BuildServiceProvider());

        var refused = await Assert.ThrowsAsync<ConnectionStoreException>(() => StartAsync(provider));

        Assert.Equal(ConnectionStoreFailure.Unavailable, refused.Failure);
        Assert.IsType<PostgresException>(refused.InnerException);
    }

    [Fact]
    public void AddLedgerlinePostgreSqlConnections_InvalidSchemaName_IsRefusedWhenTheStoreIsBuilt()
    {
        var provider = Track(new ServiceCollection()
            .AddLedgerlinePostgreSqlConnections(o =>
            {
                o.ConnectionString = "Host=127.0.0.1";
                o.Schema = "bad\"; DROP TABLE x; --";
            })
            .BuildServiceProvider());

        Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IConnectionStore>());
    }

    [Fact]
    public void AddLedgerlinePostgreSqlConnections_AfterAnotherStore_WinsAndServesTheLeaseToo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionStore>(new InMemoryConnectionStore());

        services.AddLedgerlinePostgreSqlConnections("Host=127.0.0.1;Username=x");
        var provider = Track(services.BuildServiceProvider());

        Assert.NotEqual(typeof(InMemoryConnectionStore), provider.GetRequiredService<IConnectionStore>().GetType());
        Assert.Same(provider.GetRequiredService<IConnectionStore>(), provider.GetRequiredService<IConnectionLeaseStore>());
    }

    [Fact]
    public async Task AddLedgerlinePostgreSqlConnections_GivenDataSource_UsesItAndLeavesItOpen()
    {
        var schema = _scratch.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(PostgreSqlTestServer.ConnectionString);
        var provider = new ServiceCollection().AddLedgerlinePostgreSqlConnections(dataSource, o => o.Schema = schema).BuildServiceProvider();

        await provider.GetRequiredService<IConnectionStore>().SaveAsync(new LedgerConnection { Id = "c1", Provider = "FreshBooks" }, Cancellation);
        await provider.DisposeAsync();
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM \"{schema}\".connections;");

        Assert.Equal(1L, await command.ExecuteScalarAsync(Cancellation));
    }

    private static async Task StartAsync(IServiceProvider provider)
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(Cancellation);
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private IConnectionStore Store(string schema) => Provider(schema).GetRequiredService<IConnectionStore>();

    private IConnectionLeaseStore Leases(string schema) => Provider(schema).GetRequiredService<IConnectionLeaseStore>();

    private ServiceProvider Provider(string schema, Action<PostgreSqlConnectionStoreOptions>? configure = null) => Track(new ServiceCollection()
        .AddLedgerlinePostgreSqlConnections(o =>
        {
            o.ConnectionString = PostgreSqlTestServer.ConnectionString;
            o.Schema = schema;
            configure?.Invoke(o);
        })
        .BuildServiceProvider());

    private ServiceProvider Track(ServiceProvider provider)
    {
        _providers.Add(provider);
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _scratch.DisposeAsync();
    }
}
