using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ledgerline.Connections.Sqlite;

/// <summary>
/// Connections in one SQLite file, safe for several processes on one machine: WAL journaling, a busy timeout, and every
/// write a single compare-and-swap statement (<c>UPDATE … WHERE id = @id AND version = @expected</c>). Refresh leases
/// live in a second table so only one process at a time renews a connection's tokens.
/// </summary>
/// <remarks>
/// Deleting keeps a tombstone row with its version, so a re-created connection continues the numbering and a writer
/// holding a version from before the delete can never match it. Tokens are encrypted with Data Protection when
/// <see cref="ConnectionTokenProtector"/> is registered; otherwise they are stored as given, so protect the file
/// (permissions, disk encryption) as you would any secret store.
/// </remarks>
internal sealed class SqliteConnectionStore : IConnectionStore, IConnectionLeaseStore, IDisposable
{
    private const string Columns = "id, provider, version, status, access_token, refresh_token, expires_at, scopes, properties, updated_at";

    private readonly string _connectionString;
    private readonly SqliteConnectionStoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ConnectionTokenProtector _protector;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteConnectionStore(IOptions<SqliteConnectionStoreOptions> options, TimeProvider timeProvider, ConnectionTokenProtector? protector = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _protector = protector ?? ConnectionTokenProtector.None;
        _options = options.Value;
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.DatabasePath);
        _timeProvider = timeProvider;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public async Task<LedgerConnection?> GetAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM ledgerline_connections WHERE id = @id AND deleted = 0;";
        command.Parameters.AddWithValue("@id", connectionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<LedgerConnection> SaveAsync(LedgerConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionIdRule.ThrowIfInvalid(connection.Id, field: "connection.Id");
        var now = _timeProvider.GetUtcNow();
        await using var db = await OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO ledgerline_connections (id, provider, version, status, access_token, refresh_token, expires_at, scopes, properties, updated_at, deleted)
            VALUES (@id, @provider, 1, @status, @access_token, @refresh_token, @expires_at, @scopes, @properties, @updated_at, 0)
            ON CONFLICT(id) DO UPDATE SET
              provider = excluded.provider, version = ledgerline_connections.version + 1, status = excluded.status,
              access_token = excluded.access_token, refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
              scopes = excluded.scopes, properties = excluded.properties, updated_at = excluded.updated_at, deleted = 0
            RETURNING version;
            """;
        Bind(command, connection, now);
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Stored(connection, version, now);
    }

    public async Task<LedgerConnection?> TryUpdateAsync(LedgerConnection connection, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionIdRule.ThrowIfBlank(connection.Id, "connection.Id");
        var now = _timeProvider.GetUtcNow();
        await using var db = await OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            UPDATE ledgerline_connections SET
              provider = @provider, version = version + 1, status = @status, access_token = @access_token,
              refresh_token = @refresh_token, expires_at = @expires_at, scopes = @scopes, properties = @properties,
              updated_at = @updated_at
            WHERE id = @id AND version = @expected AND deleted = 0
            RETURNING version;
            """;
        Bind(command, connection, now);
        command.Parameters.AddWithValue("@expected", expectedVersion);
        var version = await command.ExecuteScalarAsync(cancellationToken);
        return version is long stored ? Stored(connection, stored, now) : null;
    }

    public async Task<bool> DeleteAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        await using var db = await OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            UPDATE ledgerline_connections SET
              deleted = 1, version = version + 1, access_token = NULL, refresh_token = NULL, expires_at = NULL, updated_at = @updated_at
            WHERE id = @id AND deleted = 0;
            """;
        command.Parameters.AddWithValue("@id", connectionId);
        command.Parameters.AddWithValue("@updated_at", _timeProvider.GetUtcNow().UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IAsyncDisposable> AcquireLeaseAsync(string connectionId, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var holder = Guid.NewGuid().ToString("N");
        while (true)
        {
            var now = _timeProvider.GetUtcNow();
            await using (var db = await OpenAsync(cancellationToken))
            await using (var command = db.CreateCommand())
            {
                // Takes the lease if nobody holds it or the holder's lease lapsed (it crashed); otherwise changes nothing.
                command.CommandText = """
                    INSERT INTO ledgerline_connection_leases (id, holder, expires_at) VALUES (@id, @holder, @expires_at)
                    ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                    WHERE ledgerline_connection_leases.expires_at <= @now;
                    """;
                command.Parameters.AddWithValue("@id", connectionId);
                command.Parameters.AddWithValue("@holder", holder);
                command.Parameters.AddWithValue("@expires_at", (now + duration).UtcTicks);
                command.Parameters.AddWithValue("@now", now.UtcTicks);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return new Lease(this, connectionId, holder);
                }
            }

            // Waiting on another process, not on modelled time, so the delay is real time even under a fake clock.
            await Task.Delay(_options.LeasePollInterval, cancellationToken);
        }
    }

    public void Dispose() => _schemaGate.Dispose();

    private async Task ReleaseAsync(string connectionId, string holder)
    {
        await using var db = await OpenAsync(CancellationToken.None);
        await using var command = db.CreateCommand();
        command.CommandText = "DELETE FROM ledgerline_connection_leases WHERE id = @id AND holder = @holder;";
        command.Parameters.AddWithValue("@id", connectionId);
        command.Parameters.AddWithValue("@holder", holder);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = string.Create(
                    CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds};");
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS ledgerline_connections (
                  id TEXT NOT NULL PRIMARY KEY,
                  provider TEXT NOT NULL,
                  version INTEGER NOT NULL,
                  status TEXT NOT NULL,
                  access_token TEXT NULL,
                  refresh_token TEXT NULL,
                  expires_at INTEGER NULL,
                  scopes TEXT NOT NULL,
                  properties TEXT NOT NULL,
                  updated_at INTEGER NOT NULL,
                  deleted INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE IF NOT EXISTS ledgerline_connection_leases (
                  id TEXT NOT NULL PRIMARY KEY,
                  holder TEXT NOT NULL,
                  expires_at INTEGER NOT NULL
                );
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private void Bind(SqliteCommand command, LedgerConnection connection, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("@id", connection.Id);
        command.Parameters.AddWithValue("@provider", connection.Provider ?? string.Empty);
        command.Parameters.AddWithValue("@status", connection.Status.ToString());
        command.Parameters.AddWithValue(
            "@access_token", connection.Tokens is { } access ? _protector.Protect(connection.Id, access.AccessToken) : DBNull.Value);
        command.Parameters.AddWithValue(
            "@refresh_token", connection.Tokens is { } refresh ? _protector.Protect(connection.Id, refresh.RefreshToken) : DBNull.Value);
        command.Parameters.AddWithValue("@expires_at", connection.Tokens is { } tokens ? tokens.ExpiresAt.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("@scopes", JsonSerializer.Serialize(connection.Scopes?.Order(StringComparer.Ordinal).ToArray() ?? [], ConnectionColumnsJson.Default.StringArray));
        command.Parameters.AddWithValue(
            "@properties",
            JsonSerializer.Serialize(
                connection.Properties?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
                ConnectionColumnsJson.Default.DictionaryStringString));
        command.Parameters.AddWithValue("@updated_at", now.UtcTicks);
    }

    private static LedgerConnection Stored(LedgerConnection connection, long version, DateTimeOffset now) => connection with
    {
        Version = version,
        Scopes = new HashSet<string>(connection.Scopes ?? new HashSet<string>(), StringComparer.Ordinal),
        Properties = new Dictionary<string, string>(connection.Properties ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        Tokens = connection.Tokens is { } tokens ? tokens with { ExpiresAt = ToUtc(tokens.ExpiresAt.UtcTicks) } : null,
        UpdatedAt = ToUtc(now.UtcTicks),
    };

    private LedgerConnection Read(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        ConnectionTokens? tokens = reader.IsDBNull(4) || reader.IsDBNull(5) || reader.IsDBNull(6)
            ? null
            : new ConnectionTokens(
                _protector.Unprotect(id, reader.GetString(4)), _protector.Unprotect(id, reader.GetString(5)), ToUtc(reader.GetInt64(6)));
        return new LedgerConnection
        {
            Id = id,
            Provider = reader.GetString(1),
            Version = reader.GetInt64(2),
            Status = Enum.Parse<ConnectionStatus>(reader.GetString(3)),
            Tokens = tokens,
            Scopes = new HashSet<string>(JsonSerializer.Deserialize(reader.GetString(7), ConnectionColumnsJson.Default.StringArray) ?? [], StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(
                JsonSerializer.Deserialize(reader.GetString(8), ConnectionColumnsJson.Default.DictionaryStringString) ?? [], StringComparer.Ordinal),
            UpdatedAt = ToUtc(reader.GetInt64(9)),
        };
    }

    private static DateTimeOffset ToUtc(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private async Task<bool> RenewAsync(string connectionId, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = _timeProvider.GetUtcNow();
        await using var db = await OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();

        // Only while this holder still has it: a lapsed lease may belong to someone else now.
        command.CommandText = """
            UPDATE ledgerline_connection_leases SET expires_at = @expires_at
            WHERE id = @id AND holder = @holder AND expires_at > @now;
            """;
        command.Parameters.AddWithValue("@id", connectionId);
        command.Parameters.AddWithValue("@holder", holder);
        command.Parameters.AddWithValue("@expires_at", (now + duration).UtcTicks);
        command.Parameters.AddWithValue("@now", now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private sealed class Lease(SqliteConnectionStore store, string connectionId, string holder) : IRenewableConnectionLease
    {
        private int _released;

        public Task<bool> RenewAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
            Volatile.Read(ref _released) != 0
                ? Task.FromResult(false)
                : store.RenewAsync(connectionId, holder, duration, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await store.ReleaseAsync(connectionId, holder);
            }
        }
    }
}
