namespace Ledgerline.Connections;

/// <summary>
/// A durable connection store cannot be used as configured: the database is unreachable, its schema is from a newer
/// Ledgerline or was not migrated, or stored tokens cannot be decrypted with this application's key ring. Raised at
/// startup or on first use, never by dropping a record: the stored tokens stay where they are until the cause is fixed.
/// </summary>
public sealed class ConnectionStoreException(ConnectionStoreFailure failure, string message, Exception? innerException = null)
    : LedgerlineException(message, innerException)
{
    /// <summary>What went wrong, so an app can tell a configuration error from an outage.</summary>
    public ConnectionStoreFailure Failure { get; } = failure;
}

/// <summary>Why a connection store refused to work.</summary>
public enum ConnectionStoreFailure
{
    /// <summary>The database could not be reached or refused the login (host, port, credentials, network).</summary>
    Unavailable,

    /// <summary>The database holds a schema written by a newer version of the store; upgrade this application.</summary>
    SchemaTooNew,

    /// <summary>The schema is older than this store needs and automatic migration is off, or the migration failed.</summary>
    SchemaNotMigrated,

    /// <summary>
    /// A stored token was encrypted with keys this application does not have (another key ring, a missing or revoked
    /// key), or encrypted tokens are read by a store that has no encryption configured.
    /// </summary>
    SecretsUnreadable,
}
