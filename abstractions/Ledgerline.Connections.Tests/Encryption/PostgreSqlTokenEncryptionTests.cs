using Ledgerline.Connections.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Connections.Tests.Encryption;

public sealed class PostgreSqlTokenEncryptionTests : TokenEncryptionTests
{
    private readonly PostgreSqlScratch _scratch = new();
    private string? _schema;

    private string Schema => _schema ??= _scratch.NewSchema();

    protected override void AddStore(IServiceCollection services) => services.AddLedgerlinePostgreSqlConnections(o =>
    {
        o.ConnectionString = PostgreSqlTestServer.ConnectionString;
        o.Schema = Schema;
    });

    protected override async Task<IReadOnlyList<string>> ReadRawRowsAsync()
    {
        // A row as text is every column, as pg_dump or a curious DBA would see it.
        await using var command = _scratch.Admin.CreateCommand($"SELECT c::text FROM \"{Schema}\".connections c;");
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _scratch.DisposeAsync();
    }
}
