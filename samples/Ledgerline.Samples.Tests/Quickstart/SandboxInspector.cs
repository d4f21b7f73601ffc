using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>
/// Reads what a sandbox holds straight from its HTTP API with a token the sandbox issues itself, so assertions about
/// the quickstart's effects do not go through the code under test (the adapter).
/// </summary>
public sealed class SandboxInspector : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _account;

    public SandboxInspector(FreshBooksSandbox sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _account = sandbox.Data.PrimaryBusiness.AccountId;
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.IssueTokens().AccessToken);
    }

    public Task<JsonElement> ClientAsync(string id) => SingleAsync($"users/clients/{id}", "client");

    public Task<JsonElement> InvoiceAsync(string id) => SingleAsync($"invoices/invoices/{id}?include[]=lines", "invoice");

    public Task<IReadOnlyList<JsonElement>> PaymentsForInvoiceAsync(string invoiceId) =>
        AllAsync($"payments/payments?search[invoiceid]={invoiceId}", "payments");

    /// <summary>Every invoice FreshBooks lists by default (active and archived), all pages.</summary>
    public Task<IReadOnlyList<JsonElement>> InvoicesAsync() => AllAsync("invoices/invoices?search[vis_state]=0", "invoices");

    public static string Amount(JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetString()!;

    private async Task<JsonElement> SingleAsync(string path, string key)
    {
        var root = await GetAsync(path);
        return root.GetProperty("response").GetProperty("result").GetProperty(key).Clone();
    }

    private async Task<IReadOnlyList<JsonElement>> AllAsync(string path, string key)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var result = (await GetAsync(string.Create(CultureInfo.InvariantCulture, $"{path}{separator}per_page=100&page={page}")))
                .GetProperty("response").GetProperty("result");
            items.AddRange(result.GetProperty(key).EnumerateArray().Select(e => e.Clone()));
            if (page >= result.GetProperty("pages").GetInt32())
            {
                return items;
            }
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri($"accounting/account/{_account}/{path}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
