using Ledgerline.Connections;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// What one ledger needs from its stored connection: the pinned account id (accounting) and business id (time tracking),
/// and the granted scopes, checked before any request. Read from <see cref="IConnectionStore"/> and cached per ledger for
/// <see cref="CacheDuration"/>, so a long listing reads the store once and a re-authorization with new scopes is seen
/// within seconds.
/// </summary>
internal sealed class FreshBooksConnectionContext(string connectionId, IConnectionStore store, TimeProvider timeProvider)
{
    /// <summary>How long a read of the connection is reused.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;

    /// <summary>The connection id.</summary>
    public string ConnectionId { get; } = connectionId;

    /// <summary>The account id for an accounting call, after checking the scope it needs.</summary>
    public async ValueTask<string> AccountIdAsync(FreshBooksCall call, string scope, CancellationToken cancellationToken)
    {
        var snapshot = await AuthorizeAsync(call, scope, cancellationToken);
        return snapshot.AccountId ?? throw Unpinned(FreshBooksRequest.AccountIdProperty);
    }

    /// <summary>The business id for a time tracking call, after checking the scope it needs.</summary>
    public async ValueTask<string> BusinessIdAsync(FreshBooksCall call, string scope, CancellationToken cancellationToken)
    {
        var snapshot = await AuthorizeAsync(call, scope, cancellationToken);
        return snapshot.BusinessId ?? throw Unpinned(FreshBooksRequest.BusinessIdProperty);
    }

    /// <summary>Forgets the cached read (after FreshBooks itself refused a scope).</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    private async ValueTask<Snapshot> AuthorizeAsync(FreshBooksCall call, string scope, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken);
        if (snapshot.Scopes.Count > 0 && !snapshot.Scopes.Contains(scope))
        {
            throw new PermissionDeniedException(
                $"Connection '{ConnectionId}' was not granted the scope '{scope}', which {call.Operation} {call.Target} needs; " +
                "connect again requesting it.", scope)
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        return snapshot;
    }

    private async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } cached && now - cached.ReadAt < CacheDuration && now >= cached.ReadAt)
        {
            return cached;
        }

        var connection = await store.GetAsync(ConnectionId, cancellationToken)
            ?? throw new ReauthorizationRequiredException(ConnectionId,
                $"No FreshBooks connection '{ConnectionId}' is stored. The id is the one passed to ILedgerFactory.Open, or, for the " +
                $"injected ILedger and stores (IInvoiceStore, …), LedgerlineOptions.DefaultConnectionId (\"default\" unless set with " +
                $"AddLedgerline(o => o.DefaultConnectionId = …)). Connect the account under that id first: " +
                $"FreshBooksConnector.ConnectAsync(\"{ConnectionId}\", grant, business).")
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        var snapshot = new Snapshot(
            Property(connection, FreshBooksRequest.AccountIdProperty),
            Property(connection, FreshBooksRequest.BusinessIdProperty),
            connection.Scopes,
            now);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private static string? Property(LedgerConnection connection, string name) =>
        connection.Properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private ReauthorizationRequiredException Unpinned(string property) =>
        new(ConnectionId, $"FreshBooks connection '{ConnectionId}' is not pinned to a business (no '{property}'); connect it again.")
        {
            Provider = FreshBooksRequest.ProviderName,
        };

    private sealed record Snapshot(string? AccountId, string? BusinessId, IReadOnlySet<string> Scopes, DateTimeOffset ReadAt);
}
