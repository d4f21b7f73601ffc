namespace Ledgerline.Connections;

/// <summary>
/// A thread-safe <see cref="IConnectionStore"/> held in memory: for tests, samples and single-process apps that keep
/// connections elsewhere between runs. Nothing survives the process; use a durable store (e.g.
/// <c>Ledgerline.Connections.Sqlite</c>) in production, or tokens are lost at restart.
/// </summary>
public sealed class InMemoryConnectionStore : IConnectionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LedgerConnection> _connections = new(StringComparer.Ordinal);

    // A deleted id keeps its last version so a later save continues from it: a stale writer holding an old version can
    // then never match a new record that happens to restart the numbering.
    private readonly Dictionary<string, long> _deletedVersions = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty store that stamps writes with the system clock.</summary>
    public InMemoryConnectionStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty store that stamps writes with <paramref name="timeProvider"/>.</summary>
    public InMemoryConnectionStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public Task<LedgerConnection?> GetAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_connections.GetValueOrDefault(connectionId));
        }
    }

    /// <inheritdoc />
    public Task<LedgerConnection> SaveAsync(LedgerConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionIdRule.ThrowIfInvalid(connection.Id, field: "connection.Id");
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var previous = _connections.TryGetValue(connection.Id, out var existing)
                ? existing.Version
                : _deletedVersions.GetValueOrDefault(connection.Id);
            var stored = Snapshot(connection, previous + 1);
            _connections[connection.Id] = stored;
            _deletedVersions.Remove(connection.Id);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<LedgerConnection?> TryUpdateAsync(LedgerConnection connection, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ConnectionIdRule.ThrowIfBlank(connection.Id, "connection.Id");
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_connections.TryGetValue(connection.Id, out var existing) || existing.Version != expectedVersion)
            {
                return Task.FromResult<LedgerConnection?>(null);
            }

            var stored = Snapshot(connection, expectedVersion + 1);
            _connections[connection.Id] = stored;
            return Task.FromResult<LedgerConnection?>(stored);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        ConnectionIdRule.ThrowIfBlank(connectionId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var removed))
            {
                return Task.FromResult(false);
            }

            _deletedVersions[connectionId] = removed.Version;
            return Task.FromResult(true);
        }
    }

    // Copies the caller's collections so a later change to them cannot alter what is stored.
    private LedgerConnection Snapshot(LedgerConnection connection, long version) => connection with
    {
        Version = version,
        Scopes = new HashSet<string>(connection.Scopes ?? new HashSet<string>(), StringComparer.Ordinal),
        Properties = new Dictionary<string, string>(connection.Properties ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        UpdatedAt = _timeProvider.GetUtcNow(),
    };
}
