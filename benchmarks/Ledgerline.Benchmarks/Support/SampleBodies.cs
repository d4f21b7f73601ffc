using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox;

namespace Ledgerline.Benchmarks.Support;

/// <summary>
/// Realistic FreshBooks response bodies, produced by the sandbox's own serializer from its deterministic seed: one list
/// page of 100 invoices with their lines and one single-invoice body. The sandbox clock is pinned, so the bytes are the
/// same on every run and machine.
/// </summary>
internal sealed record SampleBodies(byte[] Page, byte[] Single, string AccountId, string FirstInvoiceId)
{
    /// <summary>The pinned sandbox time (drives <c>v3_status</c> such as "overdue").</summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Starts a sandbox seeded with <paramref name="invoices"/> invoices and captures the bodies over loopback.</summary>
    public static async Task<SampleBodies> CaptureAsync(int invoices = 100, int linesPerInvoice = 5, CancellationToken cancellationToken = default)
    {
        await using var sandbox = await FreshBooksSandbox.StartAsync(
            new SandboxOptions { SeedDefaultData = false, SeedInvoices = invoices, LinesPerInvoice = linesPerInvoice, StartTime = FixedNow },
            cancellationToken);
        using var client = new HttpClient { BaseAddress = sandbox.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.IssueTokens().AccessToken);
        var account = sandbox.Data.PrimaryBusiness.AccountId;
        var page = await client.GetByteArrayAsync(
            new Uri($"accounting/account/{account}/invoices/invoices?page=1&per_page=100&include[]=lines", UriKind.Relative), cancellationToken);
        var firstId = FirstId(page);
        var single = await client.GetByteArrayAsync(
            new Uri($"accounting/account/{account}/invoices/invoices/{firstId}?include[]=lines", UriKind.Relative), cancellationToken);
        return new SampleBodies(page, single, account, firstId);
    }

    private static string FirstId(byte[] page)
    {
        using var document = JsonDocument.Parse(page);
        var first = document.RootElement.GetProperty("response").GetProperty("result").GetProperty("invoices")[0];
        return first.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
    }
}
