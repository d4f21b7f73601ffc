using Ledgerline.FreshBooks.Sandbox.Auth;

namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>Which FreshBooks service a path belongs to; each family has its own error bodies.</summary>
internal enum ServiceFamily
{
    Accounting,
    Auth,
    Events,
    Projects,
}

/// <summary>Checks the bearer token and scope, answering with the family's own 401/403 body when they fail.</summary>
internal sealed class AuthGate(TokenStore tokens)
{
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[7..].Trim();
        return token.Length == 0 ? null : token;
    }

    public async Task<TokenGrant?> AuthorizeAsync(HttpContext context, ServiceFamily family, string? scope)
    {
        var (check, grant) = tokens.Validate(BearerToken(context.Request));
        if (check != TokenCheck.Valid || grant is null)
        {
            await (family switch
            {
                ServiceFamily.Accounting => Errors.AccountingUnauthorizedAsync(context),
                ServiceFamily.Events => Errors.EventsUnauthorizedAsync(context),
                ServiceFamily.Projects => Errors.ProjectsUnauthorizedAsync(context),
                _ => check == TokenCheck.Missing
                    ? Errors.AuthAsync(context, 401, "unauthenticated", "This action requires authentication to continue.")
                    : Errors.AuthAsync(context, 401, "invalid_token", "The access token is invalid", "unauthorized"),
            });
            return null;
        }

        if (scope is not null && !grant.HasScope(scope))
        {
            await Errors.InsufficientScopeAsync(context, grant.Scopes, scope);
            return null;
        }

        return grant;
    }
}
