using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Identity;

public sealed partial class OAuthTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private const string Redirect = "http://localhost:5555/callback";
    private const string Scopes = "openid profile email offline_access accounting.transactions accounting.contacts accounting.settings";

    [GeneratedRegex("name=\"tenant\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex TenantBox();

    private string AuthorizeQuery(string scope = Scopes, string? challenge = null, string clientId = "", string redirect = Redirect)
    {
        var q = new List<KeyValuePair<string, string?>>
        {
            new("response_type", "code"),
            new("client_id", clientId.Length == 0 ? f.Sandbox.Options.ClientId : clientId),
            new("redirect_uri", redirect),
            new("scope", scope),
            new("state", "st-1"),
        };
        if (challenge is not null)
        {
            q.Add(new("code_challenge", challenge));
            q.Add(new("code_challenge_method", "S256"));
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("identity/connect/authorize", q);
    }

    /// <summary>Walks the consent page: GET it, then POST its form back choosing <paramref name="tenants"/>; returns the redirect query.</summary>
    private async Task<Dictionary<string, string>> ConsentAsync(IEnumerable<Guid> tenants, string scope = Scopes, string? challenge = null, string decision = "allow")
    {
        var url = AuthorizeQuery(scope, challenge);
        var page = await f.Http.GetStringAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(2, TenantBox().Count(page));
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(f.Sandbox.BaseAddress, url).Query)
            .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())).ToList();
        form.AddRange(tenants.Select(t => KeyValuePair.Create("tenant", t.ToString())));
        form.Add(KeyValuePair.Create("decision", decision));
        var response = await f.FormAsync("identity/connect/authorize", form, basicAuth: false);
        Assert.Equal(302, response.Status);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString(), StringComparison.Ordinal);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    private Task<ApiResponse> ExchangeAsync(string code, string? verifier = null, bool basic = true)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", Redirect) };
        if (verifier is not null)
        {
            form.Add(new("code_verifier", verifier));
            form.Add(new("client_id", f.Sandbox.Options.ClientId));
        }

        return f.FormAsync("connect/token", form, basic);
    }

    private Task<ApiResponse> RefreshAsync(string refreshToken) =>
        f.FormAsync("connect/token", [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]);

    private static JsonNode JwtPayload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)))!;
    }

    [Fact]
    public async Task AuthorizationCodeFlow_ConsentToOneTenant_TokensReachOnlyThatTenant()
    {
        var secondary = f.Sandbox.SecondaryTenant.TenantId;
        var redirect = await ConsentAsync([secondary]);
        Assert.Equal("st-1", redirect["state"]);

        var r = await ExchangeAsync(redirect["code"]);
        Assert.Equal(200, r.Status);
        Assert.Equal("Bearer", r.Body["token_type"]!.GetValue<string>());
        Assert.Equal(1800, r.Body["expires_in"]!.GetValue<int>());
        Assert.Equal(Scopes, r.Body["scope"]!.GetValue<string>());
        var access = r.Body["access_token"]!.GetValue<string>();
        Assert.NotNull(r.Body["refresh_token"]);
        var id = JwtPayload(r.Body["id_token"]!.GetValue<string>());
        Assert.Equal(f.Sandbox.BaseAddress.ToString().TrimEnd('/'), id["iss"]!.GetValue<string>());
        Assert.Equal(f.Sandbox.Options.ClientId, id["aud"]!.GetValue<string>());
        Assert.Equal("sandy@ledgerline.test", id["email"]!.GetValue<string>());
        var claims = JwtPayload(access);
        Assert.Contains("accounting.transactions", claims["scope"]!.AsArray().Select(s => s!.GetValue<string>()));

        var connections = await f.GetAsync("connections", access, tenant: "");
        Assert.Equal(200, connections.Status);
        var list = connections.Body.AsArray();
        var mine = Assert.Single(list, c => c!["authEventId"]!.GetValue<string>() == claims["authentication_event_id"]!.GetValue<string>());
        Assert.Equal(secondary.ToString(), mine!["tenantId"]!.GetValue<string>());
        Assert.Equal("ORGANISATION", mine["tenantType"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$", mine["createdDateUtc"]!.GetValue<string>());

        Assert.Equal(200, (await f.GetAsync(SandboxFixture.Api("Contacts"), access, secondary.ToString())).Status);
    }

    [Fact]
    public async Task Pkce_VerifierReplacesSecret_WrongVerifierIsInvalidGrant()
    {
        var verifier = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var good = await ConsentAsync([f.Sandbox.PrimaryTenant.TenantId], challenge: challenge);
        var ok = await ExchangeAsync(good["code"], verifier, basic: false);
        Assert.Equal(200, ok.Status);

        // A PKCE client has no secret: it refreshes with its client id alone; a confidential grant cannot.
        var refreshed = await f.FormAsync("connect/token",
            [new("grant_type", "refresh_token"), new("refresh_token", ok.Body["refresh_token"]!.GetValue<string>()), new("client_id", f.Sandbox.Options.ClientId)], basicAuth: false);
        Assert.Equal(200, refreshed.Status);
        var confidential = await f.FormAsync("connect/token",
            [new("grant_type", "refresh_token"), new("refresh_token", f.Sandbox.IssueTokens().RefreshToken), new("client_id", f.Sandbox.Options.ClientId)], basicAuth: false);
        Assert.Equal("invalid_client", confidential.Body["error"]!.GetValue<string>());

        var bad = await ConsentAsync([f.Sandbox.PrimaryTenant.TenantId], challenge: challenge);
        var refused = await ExchangeAsync(bad["code"], verifier[..^1] + "x", basic: false);
        Assert.Equal(400, refused.Status);
        Assert.Equal("""{"error":"invalid_grant"}""", refused.Raw);
    }

    [Fact]
    public async Task Code_IsSingleUse_AndNeedsSecretWithoutPkce()
    {
        var redirect = await ConsentAsync([f.Sandbox.PrimaryTenant.TenantId]);
        var noSecret = await f.FormAsync("connect/token",
            [new("grant_type", "authorization_code"), new("code", redirect["code"]), new("redirect_uri", Redirect), new("client_id", f.Sandbox.Options.ClientId)], basicAuth: false);
        Assert.Equal(400, noSecret.Status);
        Assert.Equal("invalid_client", noSecret.Body["error"]!.GetValue<string>());

        var again = await ConsentAsync([f.Sandbox.PrimaryTenant.TenantId]);
        Assert.Equal(200, (await ExchangeAsync(again["code"])).Status);
        Assert.Equal("invalid_grant", (await ExchangeAsync(again["code"])).Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Code_Expires()
    {
        var redirect = await ConsentAsync([f.Sandbox.PrimaryTenant.TenantId]);
        f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal("invalid_grant", (await ExchangeAsync(redirect["code"])).Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Consent_Denied_RedirectsWithAccessDenied()
    {
        var redirect = await ConsentAsync([], decision: "deny");
        Assert.Equal("access_denied", redirect["error"]);
        Assert.Equal("st-1", redirect["state"]);
        Assert.False(redirect.ContainsKey("code"));
    }

    [Theory]
    [InlineData("unknown-client", Redirect, Scopes)]
    [InlineData("", "https://evil.example/callback", Scopes)]
    [InlineData("", Redirect, "accounting.transactions accounting.everything")]
    [InlineData("", Redirect, "")]
    public async Task Authorize_BadClientRedirectOrScope_ErrorPageWithoutRedirect(string clientId, string redirect, string scope)
    {
        using var response = await f.Http.GetAsync(AuthorizeQuery(scope, clientId: clientId, redirect: redirect), TestContext.Current.CancellationToken);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Refresh_RotatesAndAllowsRetryWithinGrace_ThenRefusesTheOldToken()
    {
        var a = f.Sandbox.IssueTokens().RefreshToken;
        var first = await RefreshAsync(a);
        Assert.Equal(200, first.Status);
        var b = first.Body["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(a, b);

        // A lost response: the spent token may be retried for 30 minutes and converges on the same successor.
        f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(29));
        var retry = await RefreshAsync(a);
        Assert.Equal(200, retry.Status);
        Assert.Equal(b, retry.Body["refresh_token"]!.GetValue<string>());
        Assert.Equal(200, (await f.GetAsync(SandboxFixture.Api("Contacts"), retry.Body["access_token"]!.GetValue<string>())).Status);

        f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await RefreshAsync(a);
        Assert.Equal(400, late.Status);
        Assert.Equal("invalid_grant", late.Body["error"]!.GetValue<string>());

        var next = await RefreshAsync(b);
        Assert.Equal(200, next.Status);
        Assert.NotEqual(b, next.Body["refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_UnusedFor60Days_Expires()
    {
        var tokens = f.Sandbox.IssueTokens();
        f.Sandbox.Clock.Advance(TimeSpan.FromDays(60) + TimeSpan.FromSeconds(1));
        Assert.Equal("invalid_grant", (await RefreshAsync(tokens.RefreshToken)).Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_WithoutOfflineAccess_NoRefreshToken()
    {
        var tokens = f.Sandbox.IssueTokens(["accounting.contacts"]);
        Assert.Equal("", tokens.RefreshToken);
        Assert.Null(tokens.IdToken);
    }

    [Fact]
    public async Task AccessToken_After30Minutes_TokenExpiredProblem()
    {
        var tokens = f.Sandbox.IssueTokens();
        f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(30));
        var r = await f.GetAsync(SandboxFixture.Api("Contacts"), tokens.AccessToken);
        Assert.Equal(401, r.Status);
        Assert.Equal("Unauthorized", r.Body["Title"]!.GetValue<string>());
        Assert.Equal(401, r.Body["Status"]!.GetValue<int>());
        Assert.Matches(@"^TokenExpired: token expired at \d\d/\d\d/\d{4} \d\d:\d\d:\d\d$", r.Body["Detail"]!.GetValue<string>());
        Assert.NotNull(r.Body["Extensions"]);
    }

    [Fact]
    public async Task Revocation_EndsTokensAndConnections()
    {
        var tokens = f.Sandbox.IssueTokens();
        var revoked = await f.FormAsync("connect/revocation", [new("token", tokens.RefreshToken)]);
        Assert.Equal(200, revoked.Status);
        Assert.Equal("AuthenticationUnsuccessful", (await f.GetAsync(SandboxFixture.Api("Contacts"), tokens.AccessToken)).Body["Detail"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await RefreshAsync(tokens.RefreshToken)).Body["error"]!.GetValue<string>());
        var fresh = f.Sandbox.IssueTokens(tenantIds: []);
        Assert.Empty((await f.GetAsync("connections", fresh.AccessToken, tenant: "")).Body.AsArray());

        // RFC 7009: an unknown token is not an error.
        Assert.Equal(200, (await f.FormAsync("connect/revocation", [new("token", "nope")])).Status);
    }

    [Fact]
    public async Task Token_WrongSecretOrGrantType_OAuthErrors()
    {
        Assert.Equal("invalid_client", (await f.FormAsync("connect/token", [new("grant_type", "refresh_token"), new("refresh_token", "x")], secret: "wrong")).Body["error"]!.GetValue<string>());
        Assert.Equal("unsupported_grant_type", (await f.FormAsync("connect/token", [new("grant_type", "password")])).Body["error"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await RefreshAsync("not-a-token")).Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discovery_AndJwks_DescribeTheIssuer()
    {
        var d = JsonNode.Parse(await f.Http.GetStringAsync(".well-known/openid-configuration", TestContext.Current.CancellationToken))!;
        var iss = f.Sandbox.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal(iss, d["issuer"]!.GetValue<string>());
        Assert.Equal(iss + "/connect/token", d["token_endpoint"]!.GetValue<string>());
        Assert.Equal(iss + "/identity/connect/authorize", d["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal(iss + "/connect/revocation", d["revocation_endpoint"]!.GetValue<string>());
        var jwks = JsonNode.Parse(await f.Http.GetStringAsync(d["jwks_uri"]!.GetValue<string>(), TestContext.Current.CancellationToken))!;
        var key = jwks["keys"]![0]!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.Equal("RS256", key["alg"]!.GetValue<string>());

        // The id_token verifies with the published key.
        var idToken = f.Sandbox.IssueTokens().IdToken!;
        using var rsa = RSA.Create(new RSAParameters { Modulus = B64(key["n"]!.GetValue<string>()), Exponent = B64(key["e"]!.GetValue<string>()) });
        var parts = idToken.Split('.');
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), B64(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static byte[] B64(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
