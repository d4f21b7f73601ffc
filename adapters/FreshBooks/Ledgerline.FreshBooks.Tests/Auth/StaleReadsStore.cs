using Ledgerline.Connections;

namespace Ledgerline.FreshBooks.Tests.Auth;

/// <summary>
/// A store whose next reads return an old snapshot, as a caller that read before a peer process rotated would see it.
/// Writes go to the real store, whose compare-and-swap still fences them.
/// </summary>
internal sealed class StaleReadsStore(InMemoryConnectionStore inner) : IConnectionStore
{
    private LedgerConnection? _stale;
    private int _staleReads;

    public InMemoryConnectionStore Inner { get; } = inner;

    public void ServeStale(LedgerConnection snapshot, int reads)
    {
        _stale = snapshot;
        Volatile.Write(ref _staleReads, reads);
    }

    public Task<LedgerConnection?> GetAsync(string connectionId, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _staleReads) >= 0 && _stale?.Id == connectionId
            ? Task.FromResult<LedgerConnection?>(_stale)
            : Inner.GetAsync(connectionId, cancellationToken);

    public Task<LedgerConnection> SaveAsync(LedgerConnection connection, CancellationToken cancellationToken = default) =>
        Inner.SaveAsync(connection, cancellationToken);

    public Task<LedgerConnection?> TryUpdateAsync(LedgerConnection connection, long expectedVersion, CancellationToken cancellationToken = default) =>
        Inner.TryUpdateAsync(connection, expectedVersion, cancellationToken);

    public Task<bool> DeleteAsync(string connectionId, CancellationToken cancellationToken = default) =>
        Inner.DeleteAsync(connectionId, cancellationToken);
}
