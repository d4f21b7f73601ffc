namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>One tenant the app may reach for the user (an entry of <c>GET /connections</c>).</summary>
internal sealed record Connection(
    Guid Id,
    Guid AuthEventId,
    SandboxTenant Tenant,
    string ClientId,
    Guid UserId,
    DateTimeOffset CreatedDateUtc,
    DateTimeOffset UpdatedDateUtc);
