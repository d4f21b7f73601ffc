using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// Per-call cost of the whole client side with the network removed: every client's primary handler is
/// <see cref="CannedHandler"/>, so what is measured is the handler pipeline (resilience, per-connection limiter, auth with
/// the token lookup, headers), Refit, the adapter (connection context, error table, parse, map) and Ledgerline's guards,
/// against a bare <see cref="HttpClient"/> over the same in-memory handler.
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet derives its generated runner from benchmark classes.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes what [GlobalSetup] created.")]
public class PipelineBenchmarks
{
    private static readonly Uri BaseAddress = new("http://127.0.0.1:9/");
    private static readonly JsonSerializerOptions PlainOptions = new();
    private static readonly InvoiceQuery PageQuery = new() { PageSize = 100 };

    private ServiceProvider _services = null!;
    private HttpClient _bare = null!;
    private IInvoiceStore _invoices = null!;
    private HttpClient _pipeline = null!;
    private SampleBodies _bodies = null!;
    private Uri _singleUri = null!;
    private Uri _pageUri = null!;
    private string _singlePath = string.Empty;

    /// <summary>Captures the bodies, builds the app's services over the canned handler and stores a connection.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _bodies = await SampleBodies.CaptureAsync();
        var bodies = _bodies;
        _services = BenchmarkLedger.Build(BaseAddress, () => new CannedHandler(bodies.Page, bodies.Single));
        await BenchmarkLedger.ConnectAsync(_services, bodies.AccountId, 439001, "bench-access", "bench-refresh", DateTimeOffset.UtcNow.AddDays(1));
        _invoices = _services.GetRequiredService<IInvoiceStore>();
        // The HttpClient behind the adapter's Refit client: the same handler chain, without Refit's typed read.
        var accounting = _services.GetRequiredService<IFreshBooksAccountingApi>();
        _pipeline = (HttpClient)accounting.GetType().GetProperty("Client")!.GetValue(accounting)!;
        _bare = new HttpClient(new CannedHandler(bodies.Page, bodies.Single)) { BaseAddress = BaseAddress };
        _bare.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bench-access");
        _singlePath = $"invoices/invoices/{bodies.FirstInvoiceId}";
        _singleUri = new Uri($"accounting/account/{bodies.AccountId}/{_singlePath}?include[]=lines", UriKind.Relative);
        _pageUri = new Uri($"accounting/account/{bodies.AccountId}/invoices/invoices?page=1&per_page=100&include[]=lines", UriKind.Relative);
        if ((await LedgerGetInvoiceAsync()).Length == 0 || await LedgerListPageAsync() != 100)
        {
            throw new InvalidOperationException("The pipeline did not return the canned invoices.");
        }
    }

    /// <summary>Releases the services and the bare client.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _bare.Dispose();
        await _services.DisposeAsync();
    }

    /// <summary>Bare HttpClient: send and read the single-invoice bytes.</summary>
    [Benchmark(Baseline = true, Description = "Bare HttpClient GET, read bytes")]
    [BenchmarkCategory("1 invoice")]
    public async Task<int> BareGetBytesAsync()
    {
        using var response = await _bare.GetAsync(_singleUri);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>Bare HttpClient + plain System.Text.Json into the wire record: what a hand-written integration does.</summary>
    [Benchmark(Description = "Bare HttpClient GET + STJ wire record")]
    [BenchmarkCategory("1 invoice")]
    public async Task<long> BareGetDeserializeAsync()
    {
        using var response = await _bare.GetAsync(_singleUri);
        var envelope = await response.Content.ReadFromJsonAsync<PlainSingleEnvelope>(PlainOptions);
        return envelope!.Response!.Result!.Invoice!.Id ?? 0;
    }

    /// <summary>
    /// The adapter's handler pipeline (the HttpClient of its Refit client: body buffering, headers, retry, limiter, auth),
    /// no parse or map: the per-call transport overhead. Refit's own typed read is part of <c>GetAsync</c> below.
    /// </summary>
    [Benchmark(Description = "Refit + handler pipeline (auth, limiter, retry), read bytes")]
    [BenchmarkCategory("1 invoice")]
    public async Task<int> PipelineGetBytesAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _singleUri);
        request.Options.Set(FreshBooksRequest.ConnectionId, BenchmarkLedger.ConnectionId);
        using var response = await _pipeline.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>The whole thing an app calls: <c>IInvoiceStore.GetAsync</c>.</summary>
    [Benchmark(Description = "Ledgerline IInvoiceStore.GetAsync")]
    [BenchmarkCategory("1 invoice")]
    public async Task<string> LedgerGetInvoiceAsync() => (await _invoices.GetAsync(_bodies.FirstInvoiceId)).Id;

    /// <summary>Bare HttpClient + plain System.Text.Json for a page of 100 invoices.</summary>
    [Benchmark(Baseline = true, Description = "Bare HttpClient GET + STJ page (100 invoices)")]
    [BenchmarkCategory("page of 100")]
    public async Task<int> BarePageAsync()
    {
        using var response = await _bare.GetAsync(_pageUri);
        var envelope = await response.Content.ReadFromJsonAsync<PlainListEnvelope>(PlainOptions);
        return envelope!.Response!.Result!.Invoices!.Count;
    }

    /// <summary>One page through the whole stack: <c>IInvoiceStore.ListPageAsync</c> with 100 per page.</summary>
    [Benchmark(Description = "Ledgerline IInvoiceStore.ListPageAsync (100 invoices)")]
    [BenchmarkCategory("page of 100")]
    public async Task<int> LedgerListPageAsync() => (await _invoices.ListPageAsync(PageQuery)).Items.Count;
}
