namespace Ledgerline.Xero;

/// <summary>
/// The keys of the Xero facts kept in <see cref="Ledgerline.Connections.LedgerConnection.Properties"/>. The connector writes
/// them when a user connects an organisation; an app that stores a connection itself (a migration, a test) sets at least
/// <see cref="TenantId"/>.
/// </summary>
public static class XeroConnectionProperties
{
    /// <summary>
    /// The organisation's <c>tenantId</c> (a GUID) the connection is pinned to; every Accounting call carries it as
    /// <c>xero-tenant-id</c>. One Xero grant can reach several organisations; a Ledgerline connection reaches one.
    /// </summary>
    public const string TenantId = "xero.tenant_id";

    /// <summary>The id of Xero's connection record (<c>GET /connections</c> <c>id</c>), used to disconnect the organisation.</summary>
    public const string XeroConnectionId = "xero.connection_id";

    /// <summary>The organisation's name, for display only; Ledgerline never reads it to make a call.</summary>
    public const string TenantName = "xero.tenant_name";
}
