namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>
/// The app's connections per user. A consent adds the chosen tenants (a tenant already connected is refreshed with the
/// new <c>authEventId</c>), so one token reaches every tenant the user has connected to the app.
/// </summary>
internal sealed class ConnectionStore(SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly List<Connection> _connections = [];

    public void Connect(Grant grant, IEnumerable<SandboxTenant> tenants)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var tenant in tenants)
            {
                var i = _connections.FindIndex(c => c.ClientId == grant.ClientId && c.UserId == grant.User.XeroUserId && c.Tenant.TenantId == tenant.TenantId);
                if (i >= 0)
                {
                    _connections[i] = _connections[i] with { AuthEventId = grant.AuthEventId, UpdatedDateUtc = now };
                }
                else
                {
                    _connections.Add(new Connection(Guid.NewGuid(), grant.AuthEventId, tenant, grant.ClientId, grant.User.XeroUserId, now, now));
                }
            }
        }
    }

    public IReadOnlyList<Connection> For(Grant grant)
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => c.ClientId == grant.ClientId && c.UserId == grant.User.XeroUserId)];
        }
    }

    public bool IsConnected(Grant grant, Guid tenantId)
    {
        lock (_gate)
        {
            return _connections.Exists(c => c.ClientId == grant.ClientId && c.UserId == grant.User.XeroUserId && c.Tenant.TenantId == tenantId);
        }
    }

    /// <summary>Removes one of the grant's connections by connection id; false when it has no such connection.</summary>
    public bool Remove(Grant grant, Guid connectionId)
    {
        lock (_gate)
        {
            return _connections.RemoveAll(c => c.Id == connectionId && c.ClientId == grant.ClientId && c.UserId == grant.User.XeroUserId) > 0;
        }
    }

    /// <summary>Revocation disconnects the app from every tenant of the user.</summary>
    public void RemoveAll(Grant grant)
    {
        lock (_gate)
        {
            _connections.RemoveAll(c => c.ClientId == grant.ClientId && c.UserId == grant.User.XeroUserId);
        }
    }
}
