using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Ledgerline.Connections.PostgreSql;

/// <summary>
/// Connections in PostgreSQL, shared by any number of app instances on any number of machines. Every write is one
/// compare-and-swap statement (<c>UPDATE … WHERE id = @id AND version = @expected</c>, which PostgreSQL re-checks against
/// the newest row version after waiting for a concurrent writer); the refresh lease is a transaction-scoped advisory lock.
/// </summary>
/// <remarks>
/// <para>
/// Why an advisory lock and not a row lock: the lease holder writes the rotated tokens through the store on another
/// pooled connection, and a <c>SELECT … FOR UPDATE</c> held by the lease would block that very write (and every
/// re-authorization) until the lease ended. An advisory lock guards only the right to call the provider, never the row.
/// It is transaction-scoped (so it works behind PgBouncer's transaction pooling) and the transaction sets
/// <c>idle_in_transaction_session_timeout</c> to the lease's duration: the server frees the lease when its holder dies
/// (the connection drops) or hangs past the duration, the lapse the lease contract promises.
/// </para>
/// <para>
/// Deleting keeps a tombstone row with its version, as the SQLite store does, so a re-created connection continues the
/// numbering and a writer holding a version from before the delete can never match it.
/// </para>
/// </remarks>
internal sealed class PostgreSqlConnectionStore : IConnectionStore, IConnectionLeaseStore, IAsyncDisposable
{
    private const string Columns = "id, provider, version, status, access_token, refresh_token, expires_at_ticks, scopes, properties, updated_at";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlConnectionStoreOptions _options;
    private readonly ConnectionTokenProtector _protector;
    private readonly TimeProvider _timeProvider;
    private readonly PostgreSqlSchema _schema;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public PostgreSqlConnectionStore(
        NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlConnectionStoreOptions options, ConnectionTokenProtector protector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _options = options;
        _protector = protector;
        _timeProvider = timeProvider;
        _schema = new PostgreSqlSchema(options.Schema);
    }

    /// <summary>Whether tokens are encrypted before they are written.</summary>
    public bool IsEncrypting => _protector.IsEncrypting;

    /// <summary>Where the store connects, without the password, for messages.</summary>
    public string Target
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
            return string.Create(
                CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} as {builder.Username}, schema {_options.Schema}");
        }
    }

    public async Task<LedgerConnection?> GetAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        await using var connection = await OpenReadyAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM {_schema.Connections} WHERE id = @id AND NOT deleted;", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("id", connectionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<LedgerConnection> SaveAsync(LedgerConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionIdRule.ThrowIfInvalid(connection.Id, field: "connection.Id");
        var now = Now();
        await using var db = await OpenReadyAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_schema.Connections} AS c
              (id, provider, version, status, access_token, refresh_token, expires_at_ticks, scopes, properties, updated_at, deleted)
            VALUES (@id, @provider, 1, @status, @access_token, @refresh_token, @expires_at_ticks, @scopes, @properties, @updated_at, false)
            ON CONFLICT (id) DO UPDATE SET
              provider = excluded.provider, version = c.version + 1, status = excluded.status,
              access_token = excluded.access_token, refresh_token = excluded.refresh_token, expires_at_ticks = excluded.expires_at_ticks,
              scopes = excluded.scopes, properties = excluded.properties, updated_at = excluded.updated_at, deleted = false
            RETURNING version;
            """,
            db);
        Bind(command, connection, now);
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Stored(connection, version, now);
    }

    public async Task<LedgerConnection?> TryUpdateAsync(LedgerConnection connection, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionIdRule.ThrowIfBlank(connection.Id, "connection.Id");
        var now = Now();
        await using var db = await OpenReadyAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE {_schema.Connections} SET
              provider = @provider, version = version + 1, status = @status, access_token = @access_token,
              refresh_token = @refresh_token, expires_at_ticks = @expires_at_ticks, scopes = @scopes, properties = @properties,
              updated_at = @updated_at
            WHERE id = @id AND version = @expected AND NOT deleted
            RETURNING version;
            """,
            db);
        Bind(command, connection, now);
        command.Parameters.Add(new NpgsqlParameter<long>("expected", expectedVersion));
        var version = await command.ExecuteScalarAsync(cancellationToken);
        return version is long stored ? Stored(connection, stored, now) : null;
    }

    public async Task<bool> DeleteAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        await using var db = await OpenReadyAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE {_schema.Connections} SET
              deleted = true, version = version + 1, access_token = NULL, refresh_token = NULL, expires_at_ticks = NULL, updated_at = @updated_at
            WHERE id = @id AND NOT deleted;
            """,
            db);
        command.Parameters.Add(new NpgsqlParameter<string>("id", connectionId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_at", Now()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IAsyncDisposable> AcquireLeaseAsync(string connectionId, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var connection = await OpenAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                """
                SELECT set_config('idle_in_transaction_session_timeout', @lapse, true);
                SELECT pg_advisory_xact_lock(@namespace, @key);
                """,
                connection,
                transaction);
            var lapse = (long)Math.Clamp(Math.Ceiling(duration.TotalMilliseconds), 1, int.MaxValue);
            command.Parameters.Add(new NpgsqlParameter<string>("lapse", lapse.ToString(CultureInfo.InvariantCulture)));
            command.Parameters.Add(new NpgsqlParameter<int>("namespace", _options.AdvisoryLockNamespace));
            command.Parameters.Add(new NpgsqlParameter<int>("key", LockKey(connectionId)));

            // Waits server-side; cancelling the token makes Npgsql cancel the wait on the server.
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Lease(connection, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates or migrates the schema once per store (serialized across instances by an advisory lock), or checks it when
    /// migration is off. Runs at host start and before the first statement.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var connection = await OpenAsync(cancellationToken);
            await _schema.EnsureAsync(connection, _options, cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _schemaGate.Dispose();
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    // Collisions between two ids' keys only make their refreshes wait for each other; they never let two hold one lease.
    internal static int LockKey(string connectionId) =>
        BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(connectionId)));

    private async Task<NpgsqlConnection> OpenReadyAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await OpenAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new ConnectionStoreException(
                ConnectionStoreFailure.Unavailable,
                $"Could not connect to the PostgreSQL connection store at {Target}: {ex.Message} Check the host, port, database, " +
                "user and password in the connection string, and that the server accepts connections from this machine.",
                ex);
        }
    }

    private DateTimeOffset Now()
    {
        // timestamptz keeps microseconds: return what a later read will see.
        var ticks = _timeProvider.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    private void Bind(NpgsqlCommand command, LedgerConnection connection, DateTimeOffset now)
    {
        var tokens = connection.Tokens;
        command.Parameters.Add(new NpgsqlParameter<string>("id", connection.Id));
        command.Parameters.Add(new NpgsqlParameter<string>("provider", connection.Provider ?? string.Empty));
        command.Parameters.Add(new NpgsqlParameter<string>("status", connection.Status.ToString()));
        command.Parameters.Add(Nullable("access_token", NpgsqlDbType.Text, tokens is null ? null : _protector.Protect(connection.Id, tokens.AccessToken)));
        command.Parameters.Add(Nullable("refresh_token", NpgsqlDbType.Text, tokens is null ? null : _protector.Protect(connection.Id, tokens.RefreshToken)));
        command.Parameters.Add(Nullable("expires_at_ticks", NpgsqlDbType.Bigint, tokens?.ExpiresAt.UtcTicks));
        command.Parameters.Add(new NpgsqlParameter<string[]>("scopes", connection.Scopes?.Order(StringComparer.Ordinal).ToArray() ?? []));
        command.Parameters.Add(new NpgsqlParameter("properties", NpgsqlDbType.Jsonb)
        {
            Value = JsonSerializer.Serialize(
                connection.Properties?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
                ConnectionColumnsJson.Default.DictionaryStringString),
        });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_at", now));
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private static LedgerConnection Stored(LedgerConnection connection, long version, DateTimeOffset now) => connection with
    {
        Version = version,
        Scopes = new HashSet<string>(connection.Scopes ?? new HashSet<string>(), StringComparer.Ordinal),
        Properties = new Dictionary<string, string>(connection.Properties ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        Tokens = connection.Tokens is { } tokens ? tokens with { ExpiresAt = new DateTimeOffset(tokens.ExpiresAt.UtcTicks, TimeSpan.Zero) } : null,
        UpdatedAt = now,
    };

    private LedgerConnection Read(NpgsqlDataReader reader)
    {
        var id = reader.GetString(0);
        ConnectionTokens? tokens = reader.IsDBNull(4) || reader.IsDBNull(5) || reader.IsDBNull(6)
            ? null
            : new ConnectionTokens(
                _protector.Unprotect(id, reader.GetString(4)),
                _protector.Unprotect(id, reader.GetString(5)),
                new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero));
        return new LedgerConnection
        {
            Id = id,
            Provider = reader.GetString(1),
            Version = reader.GetInt64(2),
            Status = Enum.Parse<ConnectionStatus>(reader.GetString(3)),
            Tokens = tokens,
            Scopes = new HashSet<string>(reader.GetFieldValue<string[]>(7), StringComparer.Ordinal),
            Properties = new Dictionary<string, string>(
                JsonSerializer.Deserialize(reader.GetString(8), ConnectionColumnsJson.Default.DictionaryStringString) ?? [], StringComparer.Ordinal),
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(9).ToUniversalTime(),
        };
    }

    private sealed class Lease(NpgsqlConnection connection, NpgsqlTransaction transaction) : IRenewableConnectionLease
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private int _released;

        /// <summary>
        /// The advisory lock lives as long as the transaction; the server ends a transaction idle for longer than the
        /// lease, so renewing is setting a new idle limit, which also proves the session is still alive.
        /// </summary>
        public async Task<bool> RenewAsync(TimeSpan duration, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (Volatile.Read(ref _released) != 0)
                {
                    return false;
                }

                await using var command = new NpgsqlCommand("SELECT set_config('idle_in_transaction_session_timeout', @lapse, true);", connection, transaction);
                var lapse = (long)Math.Clamp(Math.Ceiling(duration.TotalMilliseconds), 1, int.MaxValue);
                command.Parameters.Add(new NpgsqlParameter<string>("lapse", lapse.ToString(CultureInfo.InvariantCulture)));
                await command.ExecuteNonQueryAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The server ended the session: the lease lapsed and the lock went with it.
                return false;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            // A renewal in progress finishes first: one connection runs one command at a time.
            await _gate.WaitAsync(CancellationToken.None);
            try
            {
                // Ending the transaction releases the advisory lock.
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The server already ended the session (the lease lapsed); the lock went with it.
            }
            finally
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                _gate.Release();
            }
        }
    }
}
