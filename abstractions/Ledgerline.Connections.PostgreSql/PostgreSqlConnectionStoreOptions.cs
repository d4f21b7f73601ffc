namespace Ledgerline.Connections.PostgreSql;

/// <summary>Settings for the PostgreSQL connection store.</summary>
public sealed class PostgreSqlConnectionStoreOptions
{
    /// <summary>
    /// The Npgsql connection string, when the store builds its own data source. Ignored when a data source is given to
    /// <c>AddPostgreSqlConnections(NpgsqlDataSource)</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The PostgreSQL schema holding the store's tables; created if missing. Default <c>ledgerline</c>. Lower-case
    /// letters, digits and underscores only.
    /// </summary>
    public string Schema { get; set; } = "ledgerline";

    /// <summary>
    /// Whether the store creates and migrates its tables when it starts (default). Turn it off when a DBA applies the
    /// migrations: the store then only checks the schema version and refuses to run on an older one.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// The first key of the two-key advisory locks the store takes (refresh leases and migrations), so they cannot
    /// collide with other applications' advisory locks in the same database. Default <c>0x4C64676C</c> ("Ldgl").
    /// </summary>
    public int AdvisoryLockNamespace { get; set; } = 0x4C64676C;
}
