using Ledgerline.Connections;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// What one ledger needs from its stored connection: the pinned tenant id and the granted scopes, checked before any
/// request. Read from <see cref="IConnectionStore"/> and cached per ledger for <see cref="CacheDuration"/>, so a long
/// listing reads the store once and a reconnection with new scopes is seen within seconds.
/// </summary>
internal sealed class XeroConnectionContext(string connectionId, IConnectionStore store, TimeProvider timeProvider)
{
    /// <summary>How long a read of the connection is reused.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private Snapshot? _snapshot;

    /// <summary>The connection id.</summary>
    public string ConnectionId { get; } = connectionId;

    /// <summary>
    /// The tenant id <paramref name="call"/> is made for, after checking the connection was granted the scope it needs
    /// (<see cref="XeroCall.Scope"/>). A connection that records no scopes is not checked: Xero then decides.
    /// </summary>
    /// <exception cref="ReauthorizationRequiredException">No such connection, or it is not pinned to an organisation.</exception>
    /// <exception cref="PermissionDeniedException">The stored scopes lack the one the call needs.</exception>
    public async ValueTask<string> TenantIdAsync(XeroCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var snapshot = await GetAsync(cancellationToken);
        if (snapshot.Scopes.Count > 0 && !call.Scope.IsGranted(snapshot.Scopes, call.IsWrite))
        {
            throw MissingScope(call);
        }

        return snapshot.TenantId;
    }

    /// <summary>The refusal for a call whose scope the connection was not granted, naming the scope and how to get it.</summary>
    public PermissionDeniedException MissingScope(XeroCall call, Exception? innerException = null)
    {
        var scope = call.Scope;
        var alternatives = scope.Granular is null ? $"'{scope.Broad}'" : $"'{scope.Broad}' (or granular '{scope.Granular}')";
        return new PermissionDeniedException(
            $"Xero connection '{ConnectionId}' was not granted the scope {alternatives}, which {call.Operation} {call.Entity} needs; " +
            $"add '{scope.Broad}' to {nameof(XeroOptions)}.{nameof(XeroOptions.Scopes)} and connect again (the user consents to the new scope).",
            scope.Broad, innerException)
        {
            Provider = XeroRequest.ProviderName,
        };
    }

    private async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } cached && now >= cached.ReadAt && now - cached.ReadAt < CacheDuration)
        {
            return cached;
        }

        var connection = await store.GetAsync(ConnectionId, cancellationToken)
            ?? throw new ReauthorizationRequiredException(ConnectionId, $"No Xero connection '{ConnectionId}' is stored; connect the organisation first.")
            {
                Provider = XeroRequest.ProviderName,
            };
        if (!connection.Properties.TryGetValue(XeroConnectionProperties.TenantId, out var tenantId) || !Guid.TryParse(tenantId, out _))
        {
            throw new ReauthorizationRequiredException(ConnectionId,
                $"Xero connection '{ConnectionId}' is not pinned to an organisation (no '{XeroConnectionProperties.TenantId}'); connect it again.")
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        var snapshot = new Snapshot(tenantId, connection.Scopes, now);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private sealed record Snapshot(string TenantId, IReadOnlySet<string> Scopes, DateTimeOffset ReadAt);
}
