using Ledgerline.FreshBooks.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ledgerline.FreshBooks.Sandbox.Control;

/// <summary>
/// Sandbox-only endpoints under <c>/_sandbox/</c>, which FreshBooks has no equivalent of: token issuance without the
/// consent page (for console apps and scripts) and the request log (for a standalone sandbox, where the in-process
/// <see cref="FreshBooksSandbox.Requests"/> is out of reach).
/// </summary>
internal static class SandboxControlEndpoints
{
    public static void Map(WebApplication app, SandboxServices s, Func<IReadOnlyList<SandboxRequest>> requests)
    {
        app.MapPost("/_sandbox/tokens", (HttpContext c) => IssueAsync(c, s));
        app.MapGet("/_sandbox/requests", (HttpContext c) => RequestsAsync(c, requests()));
    }

    /// <summary>
    /// Issues a token pair for the sandbox identity, as the token endpoint would after consent, in the token endpoint's
    /// shape. <c>?scope=a b</c> narrows the scopes (each must be one the app has); without it, every app scope.
    /// </summary>
    private static Task IssueAsync(HttpContext context, SandboxServices s)
    {
        var requested = context.Request.Query["scope"].ToString();
        string[] scopes = requested.Length == 0
            ? [.. s.Options.AppScopes]
            : requested.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = scopes.Where(scope => !s.Options.AppScopes.Contains(scope)).ToArray();
        if (unknown.Length > 0)
        {
            return Errors.AuthAsync(context, 400, "invalid_scope", $"The app has no scope {string.Join(", ", unknown)}.");
        }

        var grant = s.Tokens.Issue(s.Data.Identity.Id, scopes, s.Options.ClientId);
        context.Response.Headers.CacheControl = "no-store";
        return HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", grant.AccessToken);
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (long)(grant.ExpiresAt - grant.CreatedAt).TotalSeconds);
            w.WriteString("refresh_token", grant.RefreshToken);
            w.WriteString("scope", string.Join(' ', grant.Scopes));
            w.WriteNumber("created_at", grant.CreatedAt.ToUnixTimeSeconds());
            w.WriteEndObject();
        });
    }

    /// <summary>The request log, oldest first: method, path, query, status, time and whether a bearer token was sent (never the token).</summary>
    private static Task RequestsAsync(HttpContext context, IReadOnlyList<SandboxRequest> requests) =>
        HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("requests");
            foreach (var request in requests)
            {
                w.WriteStartObject();
                w.WriteString("method", request.Method);
                w.WriteString("path", request.Path);
                w.WriteString("query", request.Query);
                w.WriteNumber("status", request.StatusCode);
                w.WriteBoolean("authenticated", request.BearerToken is not null);
                w.WriteString("time", request.Time);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
}
