using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Ledgerline.Connections.PostgreSql;

/// <summary>
/// The store's tables and their versioned migrations. The version lives in <c>&lt;schema&gt;.schema_versions</c> (one row
/// per component; this store's is <c>connections</c>). Migrations run in one transaction under an advisory lock, so
/// instances starting together migrate once; each step is applied exactly once, in order, and never edited after it ships:
/// a change is a new step.
/// </summary>
internal sealed partial class PostgreSqlSchema
{
    public const string Component = "connections";

    private static readonly string[] Migrations =
    [
        // 1: the connections table. Tokens are text (clear, or "ll-dp1:" + a Data Protection payload); expiry is .NET UTC
        // ticks (exact to 100 ns, as tokens were issued); a deleted connection keeps a tombstone row and its version.
        """
        CREATE TABLE {schema}.connections (
          id text PRIMARY KEY,
          provider text NOT NULL,
          version bigint NOT NULL,
          status text NOT NULL,
          access_token text NULL,
          refresh_token text NULL,
          expires_at_ticks bigint NULL,
          scopes text[] NOT NULL,
          properties jsonb NOT NULL,
          updated_at timestamptz NOT NULL,
          deleted boolean NOT NULL DEFAULT false
        );
        """,
    ];

    private readonly string _name;
    private readonly string _quoted;

    public PostgreSqlSchema(string name)
    {
        if (string.IsNullOrEmpty(name) || !ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"The PostgreSQL schema name '{name}' is not allowed: use lower-case letters, digits and underscores, starting with a letter or underscore.",
                nameof(name));
        }

        _name = name;
        _quoted = "\"" + name + "\"";
    }

    public static int CurrentVersion => Migrations.Length;

    public string Connections => _quoted + ".connections";

    private string Versions => _quoted + ".schema_versions";

    /// <summary>The SQL of every step, in order, for a DBA who applies migrations by hand.</summary>
    public IEnumerable<(int Version, string Sql)> Steps() =>
        Migrations.Select((sql, i) => (i + 1, sql.Replace("{schema}", _quoted, StringComparison.Ordinal)));

    public async Task EnsureAsync(NpgsqlConnection connection, PostgreSqlConnectionStoreOptions options, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(
                connection,
                transaction,
                "SELECT pg_advisory_xact_lock(@namespace, @key);",
                cancellationToken,
                new NpgsqlParameter<int>("namespace", options.AdvisoryLockNamespace),
                new NpgsqlParameter<int>("key", PostgreSqlConnectionStore.LockKey("ledgerline.schema." + _name)));

            if (options.MigrateOnStart)
            {
                // CREATE SCHEMA needs CREATE on the database even with IF NOT EXISTS: skip it when a DBA made the schema.
                if (!await SchemaExistsAsync(connection, transaction, cancellationToken))
                {
                    await ExecuteAsync(connection, transaction, $"CREATE SCHEMA {_quoted};", cancellationToken);
                }

                await ExecuteAsync(
                    connection,
                    transaction,
                    $"""
                    CREATE TABLE IF NOT EXISTS {Versions} (
                      component text PRIMARY KEY,
                      version integer NOT NULL,
                      applied_at timestamptz NOT NULL DEFAULT now()
                    );
                    """,
                    cancellationToken);
            }

            var version = await ReadVersionAsync(connection, transaction, cancellationToken);
            if (version > CurrentVersion)
            {
                throw new ConnectionStoreException(
                    ConnectionStoreFailure.SchemaTooNew,
                    $"The PostgreSQL connection store in schema '{_name}' is at version {version}, written by a newer Ledgerline; " +
                    $"this one understands up to version {CurrentVersion}. Upgrade Ledgerline.Connections.PostgreSql in this " +
                    "application (migrations are never rolled back, so older builds must not write to it).");
            }

            if (version < CurrentVersion)
            {
                if (!options.MigrateOnStart)
                {
                    throw new ConnectionStoreException(
                        ConnectionStoreFailure.SchemaNotMigrated,
                        $"The PostgreSQL connection store in schema '{_name}' is at version {version}; this build needs version " +
                        $"{CurrentVersion} and MigrateOnStart is off. Apply the migrations listed in the package README, or turn MigrateOnStart on.");
                }

                foreach (var (step, sql) in Steps().Where(s => s.Version > version))
                {
                    await ExecuteAsync(connection, transaction, sql, cancellationToken);
                    await ExecuteAsync(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO {Versions} (component, version, applied_at) VALUES (@component, @version, now())
                        ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at;
                        """,
                        cancellationToken,
                        new NpgsqlParameter<string>("component", Component),
                        new NpgsqlParameter<int>("version", step));
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new ConnectionStoreException(
                ConnectionStoreFailure.SchemaNotMigrated,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The PostgreSQL connection store could not create or migrate schema '{_name}' ({ex.SqlState}: {ex.MessageText}). ") +
                "The database user needs CREATE on the database (or a schema a DBA created and granted), or apply the migrations " +
                "from the package README by hand and set MigrateOnStart to false.",
                ex);
        }
    }

    private async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @name);", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("name", _name));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT CASE WHEN to_regclass(@versions) IS NULL THEN NULL ELSE 1 END;", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("versions", Versions));
        if (await command.ExecuteScalarAsync(cancellationToken) is not int)
        {
            return 0;
        }

        await using var read = new NpgsqlCommand($"SELECT version FROM {Versions} WHERE component = @component;", connection, transaction);
        read.Parameters.Add(new NpgsqlParameter<string>("component", Component));
        return await read.ExecuteScalarAsync(cancellationToken) is int version ? version : 0;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
