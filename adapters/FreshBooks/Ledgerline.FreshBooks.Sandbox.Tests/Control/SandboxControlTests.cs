using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Control;

/// <summary>The sandbox-only endpoints a standalone sandbox offers console apps and scripts: tokens and the request log.</summary>
public sealed class SandboxControlTests : IAsyncLifetime
{
    private FreshBooksSandbox _sandbox = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await FreshBooksSandbox.StartAsync(cancellationToken: Ct);
        _http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task PostTokens_NoConsent_IssuesAPairInTheTokenEndpointShapeThatOpensTheApi()
    {
        using var issued = await _http.PostAsync("_sandbox/tokens", content: null, Ct);
        var body = JsonNode.Parse(await issued.Content.ReadAsStringAsync(Ct))!;
        using var me = new HttpRequestMessage(HttpMethod.Get, "auth/api/v1/users/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        using var answer = await _http.SendAsync(me, Ct);

        Assert.Equal(200, (int)issued.StatusCode);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(43200, body["expires_in"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(body["refresh_token"]!.GetValue<string>()));
        Assert.Equal(string.Join(' ', _sandbox.Options.AppScopes), body["scope"]!.GetValue<string>());
        Assert.Equal(200, (int)answer.StatusCode);
    }

    [Fact]
    public async Task PostTokens_Scope_NarrowsTheGrantAndRefusesScopesTheAppLacks()
    {
        using var narrowed = await _http.PostAsync("_sandbox/tokens?scope=user:profile:read", content: null, Ct);
        using var refused = await _http.PostAsync("_sandbox/tokens?scope=user:profile:read%20admin:everything", content: null, Ct);

        Assert.Equal("user:profile:read", JsonNode.Parse(await narrowed.Content.ReadAsStringAsync(Ct))!["scope"]!.GetValue<string>());
        Assert.Equal(400, (int)refused.StatusCode);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("invalid_scope", error["error"]!.GetValue<string>());
        Assert.Contains("admin:everything", error["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequests_ListsEachRequestInOrderWithoutItsToken()
    {
        var tokens = _sandbox.IssueTokens();
        _sandbox.ClearRequests();
        using (var me = new HttpRequestMessage(HttpMethod.Get, "auth/api/v1/users/me"))
        {
            me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            using var _ = await _http.SendAsync(me, Ct);
        }

        using (var _ = await _http.GetAsync("accounting/account/nope/users/clients?page=2", Ct))
        {
        }

        var text = await _http.GetStringAsync("_sandbox/requests", Ct);
        var requests = JsonNode.Parse(text)!["requests"]!.AsArray();

        Assert.Equal(2, requests.Count);
        Assert.Equal("GET", requests[0]!["method"]!.GetValue<string>());
        Assert.Equal("/auth/api/v1/users/me", requests[0]!["path"]!.GetValue<string>());
        Assert.Equal(200, requests[0]!["status"]!.GetValue<int>());
        Assert.True(requests[0]!["authenticated"]!.GetValue<bool>());
        Assert.Equal("?page=2", requests[1]!["query"]!.GetValue<string>());
        Assert.Equal(401, requests[1]!["status"]!.GetValue<int>());
        Assert.False(requests[1]!["authenticated"]!.GetValue<bool>());
        Assert.DoesNotContain(tokens.AccessToken, text, StringComparison.Ordinal);
    }
}
