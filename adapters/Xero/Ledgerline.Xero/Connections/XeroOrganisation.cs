namespace Ledgerline.Xero.Connections;

/// <summary>One organisation a Xero grant reaches, from <c>GET /connections</c>.</summary>
/// <param name="TenantId">The organisation's tenant id, sent as <c>xero-tenant-id</c>.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="TenantType">Xero's tenant type, e.g. <c>ORGANISATION</c> or <c>PRACTICE</c>.</param>
/// <param name="XeroConnectionId">Xero's id of the connection record, used to disconnect.</param>
public sealed record XeroOrganisation(Guid TenantId, string Name, string TenantType, Guid XeroConnectionId);
