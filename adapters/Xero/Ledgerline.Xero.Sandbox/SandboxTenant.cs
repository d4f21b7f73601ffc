namespace Ledgerline.Xero.Sandbox;

/// <summary>One organisation (tenant) the sandbox serves.</summary>
/// <param name="TenantId">The <c>xero-tenant-id</c> value and <c>OrganisationID</c>.</param>
/// <param name="Name">Organisation name, also the connection's <c>tenantName</c>.</param>
/// <param name="BaseCurrency">ISO 4217 base currency.</param>
/// <param name="CountryCode">ISO 3166 country, which also decides the tax regime of the seeded tax rates.</param>
/// <param name="Timezone">Xero's Windows time zone id, e.g. <c>NEWZEALANDSTANDARDTIME</c>.</param>
/// <param name="ShortCode">Xero's organisation short code.</param>
public sealed record SandboxTenant(Guid TenantId, string Name, string BaseCurrency, string CountryCode, string Timezone, string ShortCode);
