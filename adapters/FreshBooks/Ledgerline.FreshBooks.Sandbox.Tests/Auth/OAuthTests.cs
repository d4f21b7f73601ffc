using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Auth;

public sealed class OAuthTests : IAsyncLifetime
{
    private const string Redirect = "http://127.0.0.1:8765/callback";
    private SandboxFixture _f = null!;
    private HttpClient _noRedirect = null!;

    public async ValueTask InitializeAsync()
    {
        // Each test gets its own sandbox: these tests move the clock and count token requests.
        _f = new SandboxFixture();
        await _f.InitializeAsync();
        _noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _f.Sandbox.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _noRedirect.Dispose();
        await _f.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> AuthorizeAsync(string? scope = null, string redirect = Redirect)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = "ledgerline-sandbox", ["response_type"] = "code", ["redirect_uri"] = redirect, ["state"] = "st-1", ["decision"] = "allow",
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await _noRedirect.PostAsync("oauth/authorize", new FormUrlEncodedContent(form), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirect + "?code=", location, StringComparison.Ordinal);
        Assert.EndsWith("&state=st-1", location, StringComparison.Ordinal);
        return location[(redirect.Length + 6)..location.IndexOf('&', StringComparison.Ordinal)];
    }

    private async Task<(int Status, JsonNode Body)> TokenJsonAsync(object body)
    {
        using var response = await _f.Http.PostAsJsonAsync("auth/oauth/token", body, Ct);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    private static Dictionary<string, string> CodeGrant(string code) => new()
    {
        ["grant_type"] = "authorization_code", ["client_id"] = "ledgerline-sandbox", ["client_secret"] = "ledgerline-sandbox-secret",
        ["code"] = code, ["redirect_uri"] = Redirect,
    };

    private static Dictionary<string, string> RefreshGrant(string refresh) => new()
    {
        ["grant_type"] = "refresh_token", ["client_id"] = "ledgerline-sandbox", ["client_secret"] = "ledgerline-sandbox-secret",
        ["refresh_token"] = refresh, ["redirect_uri"] = Redirect,
    };

    [Fact]
    public async Task Authorize_Get_ShowsConsentPageWithIdentityAppAndScopes()
    {
        var html = await _f.Http.GetStringAsync(
            $"oauth/authorize?client_id=ledgerline-sandbox&response_type=code&redirect_uri={Uri.EscapeDataString(Redirect)}&scope=user:profile:read%20user:invoices:read&state=abc", Ct);
        Assert.Contains("sandy@ledgerline.test", html, StringComparison.Ordinal);
        Assert.Contains("Ledgerline Sandbox App", html, StringComparison.Ordinal);
        Assert.Contains("user:invoices:read", html, StringComparison.Ordinal);
        Assert.Contains("name=\"decision\" value=\"allow\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_NonLoopbackRedirect_IsRejectedWithoutRedirecting()
    {
        using var response = await _noRedirect.GetAsync("oauth/authorize?client_id=ledgerline-sandbox&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2Fcb", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_Deny_RedirectsWithAccessDenied()
    {
        var form = new Dictionary<string, string> { ["client_id"] = "ledgerline-sandbox", ["response_type"] = "code", ["redirect_uri"] = Redirect, ["state"] = "s", ["decision"] = "deny" };
        using var response = await _noRedirect.PostAsync("oauth/authorize", new FormUrlEncodedContent(form), Ct);
        Assert.Contains("error=access_denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_JsonBody_ReturnsDocumentedShape()
    {
        var code = await AuthorizeAsync();
        var (status, body) = await TokenJsonAsync(CodeGrant(code));
        Assert.Equal(200, status);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(43200, body["expires_in"]!.GetValue<int>());
        Assert.True(body["created_at"]!.GetValue<long>() > 1_600_000_000);
        Assert.Equal(3, body["id_token"]!.GetValue<string>().Split('.').Length);
        Assert.Contains("user:invoices:write", body["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(body["refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_FormBody_Works()
    {
        var code = await AuthorizeAsync("user:profile:read");
        using var response = await _f.Http.PostAsync("auth/oauth/token", new FormUrlEncodedContent(CodeGrant(code)), Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("user:profile:read", body["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_MultipartBody_Works()
    {
        var code = await AuthorizeAsync();
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in CodeGrant(code))
        {
            content.Add(new StringContent(v), k);
        }

        using var response = await _f.Http.PostAsync("auth/oauth/token", content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _f.Sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task Token_CodeReused_InvalidGrant()
    {
        var code = await AuthorizeAsync();
        Assert.Equal(200, (await TokenJsonAsync(CodeGrant(code))).Status);
        var (status, body) = await TokenJsonAsync(CodeGrant(code));
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_CodeOlderThanFiveMinutes_InvalidGrant()
    {
        var code = await AuthorizeAsync();
        _f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var (status, body) = await TokenJsonAsync(CodeGrant(code));
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_WrongSecret_InvalidClient401()
    {
        var grant = CodeGrant(await AuthorizeAsync());
        grant["client_secret"] = "nope";
        var (status, body) = await TokenJsonAsync(grant);
        Assert.Equal(401, status);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_UnknownGrantType_UnsupportedGrantType()
    {
        var grant = CodeGrant("x");
        grant["grant_type"] = "password";
        var (status, body) = await TokenJsonAsync(grant);
        Assert.Equal(400, status);
        Assert.Equal("unsupported_grant_type", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_RotatesAndOldRefreshTokenIsSingleUse()
    {
        var (_, first) = await TokenJsonAsync(CodeGrant(await AuthorizeAsync()));
        var refresh = first["refresh_token"]!.GetValue<string>();
        var (status, second) = await TokenJsonAsync(RefreshGrant(refresh));
        Assert.Equal(200, status);
        Assert.NotEqual(refresh, second["refresh_token"]!.GetValue<string>());
        Assert.Equal(first["scope"]!.GetValue<string>(), second["scope"]!.GetValue<string>());

        var (reuseStatus, reuse) = await TokenJsonAsync(RefreshGrant(refresh));
        Assert.Equal(400, reuseStatus);
        Assert.Equal("invalid_grant", reuse["error"]!.GetValue<string>());
        Assert.Equal(3, _f.Sandbox.TokenRequestCount);
    }

    [Fact]
    public async Task AccessToken_AfterLifetime_Gets401PerFamily()
    {
        _f.Sandbox.AccessTokenLifetime = TimeSpan.FromMinutes(10);
        var token = _f.Sandbox.IssueTokens().AccessToken;
        Assert.Equal(200, (await _f.GetAsync(_f.Accounting("users/clients"), token)).Status);
        _f.Sandbox.Clock.Advance(TimeSpan.FromMinutes(11));

        var accounting = await _f.GetAsync(_f.Accounting("users/clients"), token);
        Assert.Equal(401, accounting.Status);
        Assert.Equal(1003, accounting.FirstError["errno"]!.GetValue<int>());

        var me = await _f.GetAsync("auth/api/v1/users/me", token);
        Assert.Equal(401, me.Status);
        Assert.Equal("invalid_token", me.Body["error"]!.GetValue<string>());

        var projects = await _f.GetAsync($"projects/business/{_f.BusinessId}/projects", token);
        Assert.Equal(401, projects.Status);
        Assert.StartsWith("The server could not verify", projects.Body["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var events = await _f.GetAsync($"events/account/{_f.AccountId}/events/callbacks", token);
        Assert.Equal(401, events.Status);
        Assert.Equal(401, events.Body["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task AccessToken_DefaultLifetime_IsTwelveHours()
    {
        var tokens = _f.Sandbox.IssueTokens();
        var expected = _f.Sandbox.Clock.GetUtcNow() + TimeSpan.FromHours(12);
        Assert.InRange(tokens.ExpiresAt, expected - TimeSpan.FromSeconds(2), expected + TimeSpan.FromSeconds(1));
        _f.Sandbox.Clock.Advance(TimeSpan.FromHours(11));
        Assert.Equal(200, (await _f.GetAsync("auth/api/v1/users/me", tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task Revoke_AccessToken_Then401()
    {
        var tokens = _f.Sandbox.IssueTokens();
        using var response = await _f.Http.PostAsJsonAsync("auth/oauth/revoke",
            new { client_id = "ledgerline-sandbox", client_secret = "ledgerline-sandbox-secret", token = tokens.AccessToken }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(401, (await _f.GetAsync(_f.Accounting("users/clients"), tokens.AccessToken)).Status);
        var (status, body) = await TokenJsonAsync(RefreshGrant(tokens.RefreshToken));
        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scope_Missing_Gets403InsufficientScope()
    {
        var token = _f.Sandbox.IssueTokens(["user:profile:read", "user:clients:read"]).AccessToken;
        Assert.Equal(200, (await _f.GetAsync(_f.Accounting("users/clients"), token)).Status);
        var denied = await _f.GetAsync(_f.Accounting("invoices/invoices"), token);
        Assert.Equal(403, denied.Status);
        Assert.Equal(
            "insufficient_scope: The request requires higher privileges than provided by the access token. Provided: ['user:profile:read user:clients:read']. Required: ['user:invoices:read'].",
            denied.Body["message"]!.GetValue<string>());
        var write = await _f.PostAsync(_f.Accounting("users/clients"), J.Wrap("client", ("email", "a@b.test")), token);
        Assert.Equal(403, write.Status);
    }

    [Fact]
    public async Task WalkedToken_WithRequestedScopes_OnlyGrantsThose()
    {
        var (_, body) = await TokenJsonAsync(CodeGrant(await AuthorizeAsync("user:profile:read")));
        var token = body["access_token"]!.GetValue<string>();
        Assert.Equal(200, (await _f.GetAsync("auth/api/v1/users/me", token)).Status);
        Assert.Equal(403, (await _f.GetAsync(_f.Accounting("users/clients"), token)).Status);
    }

    [Fact]
    public async Task RequestLog_RecordsMethodPathStatusAndToken()
    {
        _f.Sandbox.ClearRequests();
        await _f.GetAsync(_f.Accounting("users/clients") + "?per_page=2");
        var entry = Assert.Single(_f.Sandbox.Requests);
        Assert.Equal("GET", entry.Method);
        Assert.EndsWith("/users/clients", entry.Path, StringComparison.Ordinal);
        Assert.Equal("?per_page=2", entry.Query);
        Assert.Equal(200, entry.StatusCode);
        Assert.Equal(_f.Token, entry.BearerToken);
        Assert.DoesNotContain(_f.Token, entry.ToString(), StringComparison.Ordinal);
    }
}
