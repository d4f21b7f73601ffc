using Ledgerline.Connections;

namespace Ledgerline.FreshBooks.Tests.Auth;

/// <summary>An in-memory store that runs a hook before each compare-and-swap write (to fail it, or let a peer write first).</summary>
internal sealed class HookedStore(InMemoryConnectionStore inner) : IConnectionStore
{
    public InMemoryConnectionStore Inner { get; } = inner;

    public Func<LedgerConnection, long, Task>? BeforeTryUpdate { get; set; }

    public Task<LedgerConnection?> GetAsync(string connectionId, CancellationToken cancellationToken = default) => Inner.GetAsync(connectionId, cancellationToken);

    public Task<LedgerConnection> SaveAsync(LedgerConnection connection, CancellationToken cancellationToken = default) => Inner.SaveAsync(connection, cancellationToken);

    public async Task<LedgerConnection?> TryUpdateAsync(LedgerConnection connection, long expectedVersion, CancellationToken cancellationToken = default)
    {
        if (BeforeTryUpdate is { } hook)
        {
            await hook(connection, expectedVersion);
        }

        return await Inner.TryUpdateAsync(connection, expectedVersion, cancellationToken);
    }

    public Task<bool> DeleteAsync(string connectionId, CancellationToken cancellationToken = default) => Inner.DeleteAsync(connectionId, cancellationToken);
}
