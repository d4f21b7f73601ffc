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

/// <summary>
/// A lease from <see cref="IConnectionLeaseStore.AcquireLeaseAsync"/> that can be extended while its holder is still
/// working, so leases can stay short (a crashed holder lapses quickly) while a slow provider answer is still awaited.
/// </summary>
public interface IRenewableConnectionLease : IAsyncDisposable
{
    /// <summary>Extends the lease to last <paramref name="duration"/> from now.</summary>
    /// <param name="duration">The new remaining length.</param>
    /// <param name="cancellationToken">Stops the renewal.</param>
    /// <returns><see langword="false"/> when the lease had already lapsed and another holder may have taken it.</returns>
    Task<bool> RenewAsync(TimeSpan duration, CancellationToken cancellationToken = default);
}
