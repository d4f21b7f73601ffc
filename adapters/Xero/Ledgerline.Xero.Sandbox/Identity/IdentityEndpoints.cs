using System.Text;
using Ledgerline.Xero.Sandbox.Hosting;
using Microsoft.Extensions.Primitives;

namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>
/// Xero's identity service on the sandbox origin: the authorize/consent screen (login.xero.com's path), the token and
/// revocation endpoints (identity.xero.com's paths), and OpenID Connect discovery with its JWKS.
/// </summary>
internal static class IdentityEndpoints
{
    public const string AuthorizePath = "/identity/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string RevocationPath = "/connect/revocation";
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/openid-configuration/jwks";

    private static readonly string[] AuthorizeKeys = ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "nonce"];

    public static void Map(WebApplication app, SandboxServices s)
    {
        app.MapGet(AuthorizePath, (HttpContext c) => ConsentPageAsync(c, s));
        app.MapPost(AuthorizePath, (HttpContext c) => ConsentDecisionAsync(c, s));
        app.MapPost(TokenPath, (HttpContext c) => TokenAsync(c, s));
        app.MapPost(RevocationPath, (HttpContext c) => RevokeAsync(c, s));
        app.MapGet(DiscoveryPath, (HttpContext c) => DiscoveryAsync(c, s));
        app.MapGet(JwksPath, (HttpContext c) => HttpJson.WriteAsync(c, 200, s.Signer.WriteJwks));
    }

    internal static bool IsAllowedRedirect(XeroSandboxOptions options, string? redirectUri)
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
            uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Fragment) &&
            uri.IsLoopback && uri.Host is "localhost" or "127.0.0.1" or "[::1]";
    }

    /// <summary>The authorize parameters, checked; the error names what is wrong (shown on an error page, never redirected).</summary>
    private sealed record AuthorizeRequest(string RedirectUri, string[] Scopes, string? State, string? CodeChallenge, string? Nonce);

    private static (AuthorizeRequest? Request, string? Error, string? Description) Check(Func<string, string?> get, XeroSandboxOptions options)
    {
        if (get("client_id") != options.ClientId)
        {
            return (null, "unauthorized_client", "Unknown client or client not enabled");
        }

        var redirect = get("redirect_uri");
        if (!IsAllowedRedirect(options, redirect))
        {
            return (null, "invalid_request", "Invalid redirect_uri");
        }

        if (get("response_type") != "code")
        {
            return (null, "unsupported_response_type", "response_type must be code");
        }

        var scopes = (get("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0 || scopes.Any(sc => !XeroSandboxOptions.AllScopes.Contains(sc, StringComparer.Ordinal)))
        {
            return (null, "invalid_scope", "Invalid scope for client");
        }

        var challenge = get("code_challenge");
        var method = get("code_challenge_method");
        if (challenge is not null && (method != "S256" || challenge.Length is < 43 or > 128))
        {
            return (null, "invalid_request", "code_challenge_method must be S256 with a 43 to 128 character code_challenge");
        }

        return (new AuthorizeRequest(redirect!, scopes, get("state"), challenge, get("nonce")), null, null);
    }

    private static string? Single(StringValues v) => v.Count == 0 ? null : v[0];

    private static Task ErrorPageAsync(HttpContext context, string error, string description) =>
        HttpJson.WriteTextAsync(context, 400, ConsentPage.Error(error, description), "text/html; charset=utf-8");

    private static Task ConsentPageAsync(HttpContext context, SandboxServices s)
    {
        var query = context.Request.Query;
        var (request, error, description) = Check(k => Single(query[k]), s.Options);
        if (request is null)
        {
            return ErrorPageAsync(context, error!, description!);
        }

        var hidden = AuthorizeKeys.Where(k => query.ContainsKey(k)).Select(k => KeyValuePair.Create(k, query[k].ToString()));
        return HttpJson.WriteTextAsync(context, 200, ConsentPage.Render(s.Options.AppName, request.Scopes, [.. s.Books.Select(b => b.Tenant)], hidden), "text/html; charset=utf-8");
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static async Task ConsentDecisionAsync(HttpContext context, SandboxServices s)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            await ErrorPageAsync(context, "invalid_request", "Expected a form post");
            return;
        }

        var (request, error, description) = Check(k => Single(form[k]), s.Options);
        if (request is null)
        {
            await ErrorPageAsync(context, error!, description!);
            return;
        }

        var query = new List<KeyValuePair<string, string?>>();
        if (form["decision"].ToString() != "allow")
        {
            query.Add(KeyValuePair.Create<string, string?>("error", "access_denied"));
        }
        else
        {
            var grant = new Grant
            {
                Id = Guid.NewGuid(),
                ClientId = s.Options.ClientId,
                User = s.User,
                Scopes = request.Scopes,
                AuthEventId = Guid.NewGuid(),
                AuthTime = s.Clock.GetUtcNow(),
                Nonce = request.Nonce,
                PublicClient = request.CodeChallenge is not null,
            };
            var chosen = form["tenant"].Select(t => Guid.TryParse(t, out var id) ? s.Book(id) : null).OfType<Accounting.TenantBook>().Select(b => b.Tenant).Distinct();
            s.Connections.Connect(grant, chosen);
            var code = s.Tokens.NewCode(grant, request.RedirectUri, request.CodeChallenge);
            query.Add(KeyValuePair.Create<string, string?>("code", code.Code));
            query.Add(KeyValuePair.Create<string, string?>("scope", string.Join(' ', request.Scopes)));
        }

        if (request.State is not null)
        {
            query.Add(KeyValuePair.Create<string, string?>("state", request.State));
        }

        context.Response.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.RedirectUri, query));
    }

    /// <summary>Client credentials from <c>Authorization: Basic</c> (form-urlencoded parts, RFC 6749 §2.3.1) or the body.</summary>
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
                }
            }
            catch (FormatException)
            {
                // Falls through: undecodable Basic credentials are no credentials.
            }

            return (null, null);
        }

        return (Single(form["client_id"]), Single(form["client_secret"]));
    }

    private static Task OAuthErrorAsync(HttpContext context, string error) => HttpJson.WriteAsync(context, 400, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteEndObject();
    });

    private static async Task TokenAsync(HttpContext context, SandboxServices s)
    {
        context.Response.Headers.CacheControl = "no-store";
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            await OAuthErrorAsync(context, "invalid_request");
            return;
        }

        var (clientId, secret) = ClientCredentials(context.Request, form);
        if (clientId != s.Options.ClientId || (secret is not null && secret != s.Options.ClientSecret))
        {
            await OAuthErrorAsync(context, "invalid_client");
            return;
        }

        var authenticated = secret is not null;
        RedeemResult result;
        switch (Single(form["grant_type"]))
        {
            case "authorization_code" when Single(form["code"]) is { } code:
                result = s.Tokens.RedeemCode(code, clientId, Single(form["redirect_uri"]), Single(form["code_verifier"]), authenticated);
                break;
            case "authorization_code":
                result = RedeemResult.Fail("invalid_request", "code is required");
                break;
            case "refresh_token" when Single(form["refresh_token"]) is { } refresh:
                result = s.Tokens.Refresh(refresh, clientId, authenticated);
                break;
            case "refresh_token":
                result = RedeemResult.Fail("invalid_request", "refresh_token is required");
                break;
            default:
                result = RedeemResult.Fail("unsupported_grant_type", "grant_type is not supported");
                break;
        }

        if (result.Tokens is not { } t)
        {
            await OAuthErrorAsync(context, result.Error!);
            return;
        }

        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            if (t.IdToken is not null)
            {
                w.WriteString("id_token", t.IdToken);
            }

            w.WriteString("access_token", t.AccessToken);
            w.WriteNumber("expires_in", t.ExpiresIn);
            w.WriteString("token_type", "Bearer");
            if (t.RefreshToken is not null)
            {
                w.WriteString("refresh_token", t.RefreshToken);
            }

            w.WriteString("scope", t.Scope);
            w.WriteEndObject();
        });
    }

    private static async Task RevokeAsync(HttpContext context, SandboxServices s)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            await OAuthErrorAsync(context, "invalid_request");
            return;
        }

        var (clientId, secret) = ClientCredentials(context.Request, form);
        if (clientId != s.Options.ClientId || (secret is not null && secret != s.Options.ClientSecret))
        {
            await OAuthErrorAsync(context, "invalid_client");
            return;
        }

        if (Single(form["token"]) is not { } token)
        {
            await OAuthErrorAsync(context, "invalid_request");
            return;
        }

        // RFC 7009: an unknown token is not an error; a revoked grant also disconnects the app from the user's tenants.
        if (s.Tokens.Revoke(token, clientId) is { } grant)
        {
            s.Connections.RemoveAll(grant);
        }

        context.Response.StatusCode = 200;
    }

    private static Task DiscoveryAsync(HttpContext context, SandboxServices s) => HttpJson.WriteAsync(context, 200, w =>
    {
        var iss = s.Issuer;
        w.WriteStartObject();
        w.WriteString("issuer", iss);
        w.WriteString("jwks_uri", iss + JwksPath);
        w.WriteString("authorization_endpoint", iss + AuthorizePath);
        w.WriteString("token_endpoint", iss + TokenPath);
        w.WriteString("revocation_endpoint", iss + RevocationPath);
        w.WriteStartArray("scopes_supported");
        foreach (var scope in XeroSandboxOptions.AllScopes)
        {
            w.WriteStringValue(scope);
        }

        w.WriteEndArray();
        Array(w, "response_types_supported", "code");
        Array(w, "grant_types_supported", "authorization_code", "refresh_token");
        Array(w, "subject_types_supported", "public");
        Array(w, "id_token_signing_alg_values_supported", "RS256");
        Array(w, "code_challenge_methods_supported", "S256");
        Array(w, "token_endpoint_auth_methods_supported", "client_secret_basic", "client_secret_post");
        w.WriteEndObject();
    });

    private static void Array(System.Text.Json.Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
