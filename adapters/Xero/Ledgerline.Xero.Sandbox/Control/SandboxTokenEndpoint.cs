using Ledgerline.Xero.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ledgerline.Xero.Sandbox.Control;

/// <summary>
/// <c>POST /_sandbox/tokens</c>, which Xero has no equivalent of: a token set without the consent page, for console apps
/// and scripts against a standalone sandbox (in-process, <see cref="XeroSandbox.IssueTokens"/> does the same). The answer
/// has the token endpoint's shape; <c>?scope=a b</c> narrows the scopes (each must be one the app may have, else
/// <c>400 invalid_scope</c>); the grant is connected to every organisation, as a consent ticking them all would be.
/// </summary>
internal static class SandboxTokenEndpoint
{
    public const string Path = "/_sandbox/tokens";

    public static void Map(WebApplication app, XeroSandbox sandbox) => app.MapPost(Path, (HttpContext c) => IssueAsync(c, sandbox));

    private static Task IssueAsync(HttpContext context, XeroSandbox sandbox)
    {
        var requested = context.Request.Query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        SandboxTokens tokens;
        try
        {
            tokens = sandbox.IssueTokens(requested.Length == 0 ? null : requested);
        }
        catch (ArgumentException)
        {
            return HttpJson.WriteAsync(context, 400, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", "invalid_scope");
                w.WriteEndObject();
            });
        }

        context.Response.Headers.CacheControl = "no-store";
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            if (tokens.IdToken is not null)
            {
                w.WriteString("id_token", tokens.IdToken);
            }

            w.WriteString("access_token", tokens.AccessToken);
            w.WriteNumber("expires_in", (long)(tokens.ExpiresAt - sandbox.Clock.GetUtcNow()).TotalSeconds);
            w.WriteString("token_type", "Bearer");
            if (tokens.RefreshToken.Length > 0)
            {
                w.WriteString("refresh_token", tokens.RefreshToken);
            }

            w.WriteString("scope", tokens.Scope);
            w.WriteEndObject();
        });
    }
}
