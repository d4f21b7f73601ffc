using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>
/// The checks every API call passes, in Xero's order: the bearer token (401), then the <c>xero-tenant-id</c> header
/// naming a tenant the grant is connected to (403), then the scope of the operation (401 AuthorizationUnsuccessful).
/// </summary>
internal static class ApiGate
{
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>The caller's grant, or null after writing Xero's 401.</summary>
    public static async Task<Grant?> TokenAsync(HttpContext context, SandboxServices s)
    {
        var (check, record) = s.Tokens.Validate(BearerToken(context.Request));
        switch (check)
        {
            case TokenCheck.Valid:
                return record!.Grant;
            case TokenCheck.Expired:
                await Problems.UnauthorizedAsync(context, Problems.TokenExpired(record!.ExpiresAt));
                return null;
            default:
                await Problems.UnauthorizedAsync(context, "AuthenticationUnsuccessful");
                return null;
        }
    }

    /// <summary>The tenant named by <c>xero-tenant-id</c> if the grant reaches it, or null after writing Xero's 403.</summary>
    public static async Task<TenantBook?> TenantAsync(HttpContext context, SandboxServices s, Grant grant)
    {
        var header = context.Request.Headers["xero-tenant-id"].ToString().Trim();
        if (Guid.TryParse(header, out var tenantId) && s.Book(tenantId) is { } book && s.Connections.IsConnected(grant, tenantId))
        {
            return book;
        }

        await Problems.ForbiddenAsync(context);
        return null;
    }

    /// <summary>True when the grant holds one of <paramref name="scopes"/>; otherwise writes Xero's 401 AuthorizationUnsuccessful.</summary>
    public static async Task<bool> ScopeAsync(HttpContext context, Grant grant, IReadOnlyList<string> scopes)
    {
        if (scopes.Any(grant.HasScope))
        {
            return true;
        }

        await Problems.UnauthorizedAsync(context, "AuthorizationUnsuccessful");
        return false;
    }
}
