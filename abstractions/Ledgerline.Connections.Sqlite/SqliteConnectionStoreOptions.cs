namespace Ledgerline.Connections.Sqlite;

/// <summary>Settings for the SQLite connection store.</summary>
public sealed class SqliteConnectionStoreOptions
{
    /// <summary>The database file. Several processes on one machine may share it.</summary>
    public string DatabasePath { get; set; } = "ledgerline-connections.db";

    /// <summary>How long a write waits for another process's lock on the file before failing. Default 10 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a process waiting for another's refresh lease checks again. Default 50 ms.</summary>
    public TimeSpan LeasePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}
