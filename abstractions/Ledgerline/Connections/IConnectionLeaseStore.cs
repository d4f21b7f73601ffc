namespace Ledgerline.Connections;

/// <summary>
/// An optional companion to <see cref="IConnectionStore"/> for stores shared by several processes: a short exclusive
/// lease on one connection, so only one process at a time renews its tokens (single-use refresh tokens must never be
/// spent twice). The store's compare-and-swap write stays the fence; the lease only keeps the others from calling the
/// provider at all. Register it as a service next to the store; in-process stores need none.
/// </summary>
public interface IConnectionLeaseStore
{
    /// <summary>
    /// Waits until this caller holds the lease on <paramref name="connectionId"/>, then returns it; dispose it to release.
    /// A lease not released (the holder crashed) lapses after <paramref name="duration"/>.
    /// </summary>
    /// <param name="connectionId">The connection to lease.</param>
    /// <param name="duration">How long the lease lasts unless released; longer than the work it guards.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    Task<IAsyncDisposable> AcquireLeaseAsync(string connectionId, TimeSpan duration, CancellationToken cancellationToken = default);
}
