using Ledgerline.ConformanceTests.Connections;
using Ledgerline.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Tests.Connections;

public sealed class SqliteConnectionStoreContractTests : ConnectionStoreContractTests, IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ledgerline-sqlite-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    protected override ValueTask<IConnectionStore> CreateStoreAsync()
    {
        var provider = new ServiceCollection()
            .AddLedgerlineSqliteConnections(Path.Combine(_directory, $"{Guid.NewGuid():N}.db"))
            .BuildServiceProvider();
        _providers.Add(provider);
        return ValueTask.FromResult(provider.GetRequiredService<IConnectionStore>());
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
            // A file still held open by the pool is left for the OS to clean up.
        }
    }
}
