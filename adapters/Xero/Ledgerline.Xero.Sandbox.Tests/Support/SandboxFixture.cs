using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ledgerline.Xero.Sandbox.Tests.Support;

/// <summary>One sandbox per test class, with an all-scopes token reaching both organisations, and JSON helpers over real HTTP.</summary>
public class SandboxFixture : IAsyncLifetime
{
    public XeroSandbox Sandbox { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public SandboxTokens Tokens { get; private set; } = null!;

    public string Token => Tokens.AccessToken;

    public string Tenant => Sandbox.PrimaryTenant.TenantId.ToString();

    /// <summary>Rate limits off: the suites make hundreds of calls a minute; <c>RateLimitTests</c> covers them.</summary>
    protected virtual XeroSandboxOptions CreateOptions() => new() { RateLimits = { Enabled = false } };

    public async ValueTask InitializeAsync()
    {
        Sandbox = await XeroSandbox.StartAsync(CreateOptions(), TestContext.Current.CancellationToken);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Sandbox.BaseAddress };
        Tokens = Sandbox.IssueTokens();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public static string Api(string path) => "api.xro/2.0/" + path;

    /// <summary>A Projects API path: <c>projects.xro/2.0/{path}</c>.</summary>
    public static string Projects(string path) => "projects.xro/2.0/" + path;

    public Task<ApiResponse> GetAsync(string path, string? token = null, string? tenant = null, params (string Name, string Value)[] headers) =>
        SendAsync(HttpMethod.Get, path, null, token, tenant, headers);

    public Task<ApiResponse> PutAsync(string path, object body, string? token = null, string? tenant = null) =>
        SendAsync(HttpMethod.Put, path, body, token, tenant, []);

    public Task<ApiResponse> PostAsync(string path, object body, string? token = null, string? tenant = null) =>
        SendAsync(HttpMethod.Post, path, body, token, tenant, []);

    /// <summary>Sends an API request; <paramref name="body"/> may be a JsonNode, a raw string, or null. An empty tenant sends no header.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, string? token, string? tenant, (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token != "")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        }

        if (tenant != "")
        {
            request.Headers.TryAddWithoutValidation("xero-tenant-id", tenant ?? Tenant);
        }

        request.Headers.Accept.ParseAdd("application/json");
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
        var result = await ApiResponse.ReadAsync(response);
        if (path.StartsWith("api.xro/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("projects.xro/", StringComparison.OrdinalIgnoreCase))
        {
            // Every Accounting and Projects response the suites see is also a schema conformance check.
            OpenApiConformance.AssertConforms(method, path, result.Status, result.Json);
        }

        return result;
    }

    /// <summary>Form post to the identity service (token, revocation, consent), with optional Basic client credentials.</summary>
    public async Task<ApiResponse> FormAsync(string path, IEnumerable<KeyValuePair<string, string>> form, bool basicAuth = true, string? secret = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (basicAuth)
        {
            var options = Sandbox.Options;
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{secret ?? options.ClientSecret}")));
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return await ApiResponse.ReadAsync(response);
    }
}

public sealed record ApiResponse(int Status, JsonNode? Json, string Raw, HttpResponseHeaders Headers, string? ContentType)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException("No JSON body: " + Raw);

    /// <summary>The first record of the envelope's plural array, e.g. <c>Invoices[0]</c>.</summary>
    public JsonNode First(string key) => Body[key]![0]!;

    public string FirstValidationMessage => Body["Elements"]![0]!["ValidationErrors"]![0]!["Message"]!.GetValue<string>();

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var type = response.Content.Headers.ContentType?.MediaType;
        JsonNode? json = raw.Length > 0 && type == "application/json" ? JsonNode.Parse(raw) : null;
        return new ApiResponse((int)response.StatusCode, json, raw, response.Headers, type);
    }
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

    public static JsonArray Arr(params JsonNode?[] items) => new(items);

    /// <summary><c>{"&lt;key&gt;":[ {…}, … ]}</c>, Xero's plural envelope.</summary>
    public static JsonObject Batch(string key, params JsonNode[] elements) => Obj((key, new JsonArray(elements)));

    public static JsonObject Line(string description, decimal quantity, decimal unit, string account = "200", string? taxType = null)
    {
        var line = Obj(("Description", description), ("Quantity", quantity), ("UnitAmount", unit), ("AccountCode", account));
        if (taxType is not null)
        {
            line["TaxType"] = taxType;
        }

        return line;
    }

    public static JsonObject Invoice(string type, string contactName, string status, string lineAmountTypes, params JsonNode[] lines) =>
        Obj(("Type", type), ("Contact", Obj(("Name", contactName))), ("Status", status), ("LineAmountTypes", lineAmountTypes),
            ("Date", "2026-11-01"), ("DueDate", "2026-12-01"), ("LineItems", new JsonArray(lines)));
}
