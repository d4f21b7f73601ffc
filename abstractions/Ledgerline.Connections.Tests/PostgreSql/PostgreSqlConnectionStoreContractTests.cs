using Ledgerline.ConformanceTests.Connections;
using Ledgerline.Connections.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Connections.Tests.PostgreSql;

public sealed class PostgreSqlConnectionStoreContractTests : ConnectionStoreContractTests, IAsyncDisposable
{
    private readonly PostgreSqlScratch _scratch = new();
    private readonly List<ServiceProvider> _providers = [];

    protected override ValueTask<IConnectionStore> CreateStoreAsync()
    {
        var provider = new ServiceCollection()
            .AddLedgerlinePostgreSqlConnections(o =>
            {
                o.ConnectionString = PostgreSqlTestServer.ConnectionString;
                o.Schema = _scratch.NewSchema();
            })
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

        await _scratch.DisposeAsync();
    }
}
