using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Connections.Tests.Encryption;

public sealed class SqliteTokenEncryptionTests : TokenEncryptionTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ledgerline-enc-{Guid.NewGuid():N}.db");

    protected override void AddStore(IServiceCollection services) => services.AddLedgerlineSqliteConnections(_path);

    protected override async Task<IReadOnlyList<string>> ReadRawRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM ledgerline_connections;";
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
