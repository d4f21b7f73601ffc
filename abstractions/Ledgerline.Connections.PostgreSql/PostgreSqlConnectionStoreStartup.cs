using Microsoft.Extensions.Hosting;

namespace Ledgerline.Connections.PostgreSql;

/// <summary>
/// Migrates (or checks) the schema when the host starts, so an unreachable database or a schema from a newer version stops
/// the app at startup with a <see cref="ConnectionStoreException"/> instead of at the first token refresh.
/// </summary>
internal sealed class PostgreSqlConnectionStoreStartup(PostgreSqlConnectionStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureSchemaAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
