using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Support;

/// <summary>One sandbox per test class, with an all-scopes token and JSON helpers over real HTTP.</summary>
public class SandboxFixture : IAsyncLifetime
{
    public FreshBooksSandbox Sandbox { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public string AccountId => Sandbox.Data.PrimaryBusiness.AccountId;

    public int BusinessId => Sandbox.Data.PrimaryBusiness.BusinessId;

    protected virtual SandboxOptions CreateOptions() => new();

    public async ValueTask InitializeAsync()
    {
        Sandbox = await FreshBooksSandbox.StartAsync(CreateOptions(), TestContext.Current.CancellationToken);
        Http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        Token = Sandbox.IssueTokens().AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }

    public string Accounting(string path) => $"accounting/account/{AccountId}/{path}";

    public Task<ApiResponse> GetAsync(string path, string? token = null, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, path, null, token, headers);

    public Task<ApiResponse> PostAsync(string path, object body, string? token = null, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Post, path, body, token, headers);

    public Task<ApiResponse> PutAsync(string path, object body, string? token = null, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Put, path, body, token, headers);

    public Task<ApiResponse> DeleteAsync(string path, string? token = null) => SendAsync(HttpMethod.Delete, path, null, token, []);

    /// <summary>Sends a request; <paramref name="body"/> may be a JsonNode, a raw string, or null.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, string? token, (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            var text = body is string s ? s : ((JsonNode)body).ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonNode? json = null;
        if (raw.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(raw);
        }

        return new ApiResponse((int)response.StatusCode, json, raw, response.Headers);
    }
}

public sealed record ApiResponse(int Status, JsonNode? Json, string Raw, HttpResponseHeaders Headers)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException("No JSON body: " + Raw);

    /// <summary>The accounting result object (<c>response.result</c>).</summary>
    public JsonNode Result => Body["response"]!["result"]!;

    /// <summary>First old-format accounting error.</summary>
    public JsonNode FirstError => Body["response"]!["errors"]![0]!;
}

/// <summary>Builds JSON bodies tersely.</summary>
public static class J
{
    public static JsonObject Obj(params (string Key, JsonNode? Value)[] props)
    {
        var o = new JsonObject();
        foreach (var (k, v) in props)
        {
            o[k] = v;
        }

        return o;
    }

    public static JsonObject Wrap(string key, params (string Key, JsonNode? Value)[] props) => Obj((key, Obj(props)));

    public static JsonObject Money(string amount, string? code = null) =>
        code is null ? Obj(("amount", amount)) : Obj(("amount", amount), ("code", code));
}
