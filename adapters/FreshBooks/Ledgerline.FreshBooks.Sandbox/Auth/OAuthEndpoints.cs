using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Auth;

/// <summary>The OAuth 2.0 authorization-code flow: consent page, token endpoint (3 encodings), revoke.</summary>
internal static class OAuthEndpoints
{
    private const string InvalidGrant =
        "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.";

    private const string InvalidClient =
        "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";

    private const string InvalidRequest =
        "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.";

    private static readonly string[] FormKeys = ["client_id", "redirect_uri", "response_type", "scope", "state"];

    public static void Map(WebApplication app, SandboxServices s)
    {
        foreach (var path in new[] { "/oauth/authorize", "/service/auth/oauth/authorize" })
        {
            app.MapGet(path, (HttpContext c) => ConsentPageAsync(c, s));
            app.MapPost(path, (HttpContext c) => ConsentDecisionAsync(c, s));
        }

        app.MapPost("/auth/oauth/token", (HttpContext c) => TokenAsync(c, s));
        app.MapPost("/auth/oauth/revoke", (HttpContext c) => RevokeAsync(c, s));
    }

    internal static bool IsAllowedRedirect(SandboxOptions options, string? redirectUri)
    {
        if (string.IsNullOrEmpty(redirectUri))
        {
            return false;
        }

        if (options.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return true;
        }

        return options.AllowLoopbackRedirectUris &&
            Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) &&
            uri.Scheme is "http" or "https" &&
            string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) &&
            (uri.IsLoopback && (uri.Host is "localhost" or "127.0.0.1" or "[::1]"));
    }

    /// <summary>Scopes asked for, or every app scope when none; null when one is not the app's.</summary>
    private static string[]? ResolveScopes(SandboxOptions options, string? scope)
    {
        var asked = (scope ?? "").Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries);
        if (asked.Length == 0)
        {
            return [.. options.AppScopes];
        }

        return asked.All(a => options.AppScopes.Contains(a, StringComparer.Ordinal)) ? asked.Distinct(StringComparer.Ordinal).ToArray() : null;
    }

    private static async Task HtmlAsync(HttpContext context, int status, string title, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>" +
            "<style>body{font-family:sans-serif;max-width:36em;margin:3em auto}button{padding:.5em 1.5em;margin-right:1em}</style>" +
            $"</head><body>{body}</body></html>\n";
        await context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    private static string Q(IQueryCollection q, string key) => q[key].FirstOrDefault() ?? "";

    private static async Task ConsentPageAsync(HttpContext context, SandboxServices s)
    {
        var q = context.Request.Query;
        var clientId = Q(q, "client_id");
        var redirectUri = Q(q, "redirect_uri");
        // Never redirect to an unvalidated URI: problems with the client or redirect URI are shown, not sent back.
        if (clientId != s.Options.ClientId)
        {
            await HtmlAsync(context, 400, "Invalid client", "<h1>Invalid client</h1><p>Unknown client_id.</p>");
            return;
        }

        if (!IsAllowedRedirect(s.Options, redirectUri))
        {
            await HtmlAsync(context, 400, "Invalid redirect URI", "<h1>Invalid redirect URI</h1><p>The redirect_uri is not registered for this application.</p>");
            return;
        }

        if (Q(q, "response_type") != "code")
        {
            context.Response.Redirect(ErrorRedirect(redirectUri, "unsupported_response_type", "The authorization server does not support this response type.", Q(q, "state")));
            return;
        }

        var scopes = ResolveScopes(s.Options, Q(q, "scope"));
        if (scopes is null)
        {
            context.Response.Redirect(ErrorRedirect(redirectUri, "invalid_scope", "The requested scope is invalid, unknown, or malformed.", Q(q, "state")));
            return;
        }

        var id = s.Data.Identity;
        Func<string?, string> enc = static v => WebUtility.HtmlEncode(v) ?? string.Empty;
        var hidden = new StringBuilder();
        foreach (var key in FormKeys)
        {
            hidden.Append("<input type=\"hidden\" name=\"").Append(key).Append("\" value=\"").Append(enc(Q(q, key))).Append("\">");
        }

        var scopeList = string.Concat(scopes.Select(sc => "<li><code>" + enc(sc) + "</code></li>"));
        var businesses = string.Concat(s.Data.Businesses.Select(b => "<li>" + enc(b.Name) + " (" + enc(b.Role) + ")</li>"));
        var body =
            $"<h1>Authorize {enc(s.Options.AppName)}</h1>" +
            $"<p>Signed in as <strong>{enc(id.FirstName)} {enc(id.LastName)}</strong> &lt;{enc(id.Email)}&gt;.</p>" +
            $"<p><strong>{enc(s.Options.AppName)}</strong> would like to access your FreshBooks account:</p><ul id=\"scopes\">{scopeList}</ul>" +
            $"<p>Businesses:</p><ul>{businesses}</ul>" +
            $"<form method=\"post\" action=\"{enc(context.Request.Path)}\">{hidden}" +
            "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>" +
            "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>" +
            "<p><small>Ledgerline FreshBooks sandbox — no real FreshBooks account is involved.</small></p>";
        await HtmlAsync(context, 200, "Authorize " + s.Options.AppName, body);
    }

    private static string AppendQuery(string uri, IEnumerable<KeyValuePair<string, string>> values)
    {
        var sb = new StringBuilder(uri);
        var sep = uri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (k, v) in values)
        {
            sb.Append(sep).Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
            sep = '&';
        }

        return sb.ToString();
    }

    private static string ErrorRedirect(string redirectUri, string error, string description, string state)
    {
        var values = new List<KeyValuePair<string, string>> { new("error", error), new("error_description", description) };
        if (state.Length > 0)
        {
            values.Add(new("state", state));
        }

        return AppendQuery(redirectUri, values);
    }

    private static async Task ConsentDecisionAsync(HttpContext context, SandboxServices s)
    {
        if (!context.Request.HasFormContentType)
        {
            await HtmlAsync(context, 400, "Bad request", "<h1>Bad request</h1><p>Expected a form post.</p>");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string F(string key) => form[key].FirstOrDefault() ?? string.Empty;
        var redirectUri = F("redirect_uri");
        if (F("client_id") != s.Options.ClientId || !IsAllowedRedirect(s.Options, redirectUri))
        {
            await HtmlAsync(context, 400, "Invalid request", "<h1>Invalid request</h1><p>Unknown client_id or redirect_uri.</p>");
            return;
        }

        var state = F("state");
        var scopes = ResolveScopes(s.Options, F("scope"));
        if (F("decision") != "allow" || scopes is null)
        {
            context.Response.Redirect(scopes is null
                ? ErrorRedirect(redirectUri, "invalid_scope", "The requested scope is invalid, unknown, or malformed.", state)
                : ErrorRedirect(redirectUri, "access_denied", "The resource owner or authorization server denied the request.", state));
            return;
        }

        var code = s.Tokens.NewCode(s.Options.ClientId, redirectUri, scopes, s.Data.Identity.Id, s.Options.AuthorizationCodeLifetime);
        var values = new List<KeyValuePair<string, string>> { new("code", code.Code) };
        if (state.Length > 0)
        {
            values.Add(new("state", state));
        }

        context.Response.Redirect(AppendQuery(redirectUri, values));
    }

    /// <summary>Reads token/revoke parameters from JSON, urlencoded or multipart bodies alike.</summary>
    private static async Task<Dictionary<string, string>?> ReadParametersAsync(HttpContext context)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                foreach (var (k, v) in form)
                {
                    result[k] = v.FirstOrDefault() ?? "";
                }

                return result;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        var read = await HttpJson.ReadObjectAsync(context);
        if (read.Body is null)
        {
            return null;
        }

        foreach (var (k, v) in read.Body)
        {
            if (v is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
            {
                result[k] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }

        return result;
    }

    private static async Task TokenAsync(HttpContext context, SandboxServices s)
    {
        var p = await ReadParametersAsync(context);
        if (p is null)
        {
            await Errors.AuthAsync(context, 400, "invalid_request", InvalidRequest);
            return;
        }

        string? Get(string key) => p.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var grantType = Get("grant_type");
        if (grantType is null)
        {
            await Errors.AuthAsync(context, 400, "invalid_request", InvalidRequest);
            return;
        }

        if (Get("client_id") != s.Options.ClientId || Get("client_secret") != s.Options.ClientSecret)
        {
            await Errors.AuthAsync(context, 401, "invalid_client", InvalidClient);
            return;
        }

        TokenGrant? grant;
        switch (grantType)
        {
            case "authorization_code":
                var codeValue = Get("code");
                if (codeValue is null)
                {
                    await Errors.AuthAsync(context, 400, "invalid_request", InvalidRequest);
                    return;
                }

                var code = s.Tokens.RedeemCode(codeValue, s.Options.ClientId, Get("redirect_uri"));
                grant = code is null ? null : s.Tokens.Issue(code.IdentityId, code.Scopes, s.Options.ClientId);
                break;
            case "refresh_token":
                var refresh = Get("refresh_token");
                if (refresh is null)
                {
                    await Errors.AuthAsync(context, 400, "invalid_request", InvalidRequest);
                    return;
                }

                grant = s.Tokens.Rotate(refresh, s.Options.ClientId);
                break;
            default:
                await Errors.AuthAsync(context, 400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
                return;
        }

        if (grant is null)
        {
            await Errors.AuthAsync(context, 400, "invalid_grant", InvalidGrant);
            return;
        }

        var issuer = s.BaseAddress.GetLeftPart(UriPartial.Authority);
        var idToken = TokenStore.IdToken(issuer, s.Data.Identity.Uuid, s.Options.ClientId, grant.CreatedAt, grant.ExpiresAt, s.Options.ClientSecret);
        context.Response.Headers.CacheControl = "no-store";
        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", grant.AccessToken);
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", (long)(grant.ExpiresAt - grant.CreatedAt).TotalSeconds);
            w.WriteString("refresh_token", grant.RefreshToken);
            w.WriteString("scope", string.Join(' ', grant.Scopes));
            w.WriteNumber("created_at", grant.CreatedAt.ToUnixTimeSeconds());
            w.WriteString("id_token", idToken);
            w.WriteEndObject();
        });
    }

    private static async Task RevokeAsync(HttpContext context, SandboxServices s)
    {
        var p = await ReadParametersAsync(context);
        if (p is null || !p.TryGetValue("token", out var token) || token.Length == 0)
        {
            await Errors.AuthAsync(context, 400, "invalid_request", InvalidRequest);
            return;
        }

        if (p.GetValueOrDefault("client_id") != s.Options.ClientId || p.GetValueOrDefault("client_secret") != s.Options.ClientSecret)
        {
            await Errors.AuthAsync(context, 401, "invalid_client", InvalidClient);
            return;
        }

        // RFC 7009: an unknown token is not an error.
        s.Tokens.Revoke(token, s.Options.ClientId);
        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
    }
}
