using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ledgerline.Benchmarks.ExportProcess;
using Ledgerline.Benchmarks.Support;

namespace Ledgerline.Benchmarks.Export;

/// <summary>
/// What most integrations write, with no Ledgerline: GET page 1, 2, … one after the other with <see cref="HttpClient"/>,
/// each page read with System.Text.Json into the wire records, until page N says it was the last.
/// </summary>
internal sealed class PlainPageLoop(Uri baseAddress, string accountId, string accessToken) : IDisposable
{
    private static readonly JsonSerializerOptions PlainOptions = new();

    private readonly HttpClient _client = CreateClient(baseAddress, accessToken);

    /// <summary>Lists every invoice; returns the count and the body bytes received.</summary>
    public async Task<(int Invoices, long Bytes)> RunAsync(Action<long>? onInvoice = null, CancellationToken cancellationToken = default)
    {
        var invoices = 0;
        long bytes = 0;
        int pages;
        var page = 1;
        do
        {
            var uri = new Uri(
                string.Create(CultureInfo.InvariantCulture, $"accounting/account/{accountId}/invoices/invoices?page={page}&per_page=100&include[]=lines"),
                UriKind.Relative);
            using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            bytes += response.Content.Headers.ContentLength ?? 0;
            // Reflection-based, as an app writes it without ceremony (and as every earlier run measured); a Native AOT publish,
            // where reflection-based serialization is off, reads the same records through generated metadata.
            var envelope = RuntimeFeature.IsDynamicCodeSupported
                ? await response.Content.ReadFromJsonAsync<PlainListEnvelope>(PlainOptions, cancellationToken)
                : await response.Content.ReadFromJsonAsync(ColdJsonContext.Default.PlainListEnvelope, cancellationToken);
            var result = envelope?.Response?.Result
                ?? throw new InvalidOperationException("The page has no response.result.");
            foreach (var invoice in result.Invoices ?? [])
            {
                invoices++;
                onInvoice?.Invoke(invoice.Id ?? 0);
            }

            pages = result.Pages;
            page++;
        }
        while (page <= pages);

        return (invoices, bytes);
    }

    public void Dispose() => _client.Dispose();

    private static HttpClient CreateClient(Uri baseAddress, string accessToken)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
