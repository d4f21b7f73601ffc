using Ledgerline.Connections;
using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// What one ledger needs from its stored connection: the pinned tenant id. Read from <see cref="IConnectionStore"/> and
/// cached per ledger for <see cref="CacheDuration"/>, so a long listing reads the store once.
/// </summary>
internal sealed class XeroConnectionContext(string connectionId, IConnectionStore store, TimeProvider timeProvider)
{
    /// <summary>How long a read of the connection is reused.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private (string TenantId, DateTimeOffset ReadAt)? _cached;

    /// <summary>The connection id.</summary>
    public string ConnectionId { get; } = connectionId;

    /// <summary>The tenant id every Accounting call is made for.</summary>
    /// <exception cref="ReauthorizationRequiredException">No such connection, or it is not pinned to an organisation.</exception>
    public async ValueTask<string> TenantIdAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cached is { } cached && now >= cached.ReadAt && now - cached.ReadAt < CacheDuration)
        {
            return cached.TenantId;
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

        _cached = (tenantId, now);
        return tenantId;
    }
}
