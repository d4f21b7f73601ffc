using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Benchmarks.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// A steady loop for a sampling profiler (<c>dotnet-trace collect -- dotnet Ledgerline.Benchmarks.dll profile-page …</c>):
/// the <see cref="PipelineBenchmarks"/> setup (the app's services over <see cref="CannedHandler"/>, no sockets, no
/// server), then one page of 100 invoices read again and again for the given seconds, either through
/// <c>IInvoiceStore.ListPageAsync</c> (<c>ledgerline</c>) or by a bare <see cref="HttpClient"/> + System.Text.Json
/// (<c>bare</c>). Prints pages, wall and CPU per page. Not timed by anything; a tool for finding where time goes.
/// </summary>
internal static class ProfileLoop
{
    public const string Command = "profile-page";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "resolve")
        {
            // Cold: what resolving each of the adapter's clients costs in a fresh process, in order (first use of the factory included).
            var clock = Stopwatch.StartNew();
            await using var cold = BenchmarkLedger.Build(new Uri("http://127.0.0.1:9/"));
            var line = $"build {clock.Elapsed.TotalMilliseconds:0.0}";
            foreach (var type in new[] { typeof(Ledgerline.FreshBooks.Api.IFreshBooksAccountingApi), typeof(Ledgerline.FreshBooks.Api.IFreshBooksTimeTrackingApi), typeof(Ledgerline.FreshBooks.Api.IFreshBooksProjectsApi), typeof(Ledgerline.FreshBooks.Api.IFreshBooksIdentityApi), typeof(IInvoiceStore) })
            {
                clock.Restart();
                cold.GetRequiredService(type);
                line += string.Create(CultureInfo.InvariantCulture, $", {type.Name} {clock.Elapsed.TotalMilliseconds:0.0}");
            }

            Console.WriteLine(line + " ms");
            return 0;
        }

        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var which = args.Length > 1 ? args[1] : "ledgerline";
        var bodies = await SampleBodies.CaptureAsync();
        var baseAddress = new Uri("http://127.0.0.1:9/");
        await using var services = BenchmarkLedger.Build(baseAddress, () => new CannedHandler(bodies.Page, bodies.Single));
        await BenchmarkLedger.ConnectAsync(services, bodies.AccountId, 439001, "bench-access", "bench-refresh", DateTimeOffset.UtcNow.AddDays(1));
        var invoices = services.GetRequiredService<IInvoiceStore>();
        using var bare = new HttpClient(new CannedHandler(bodies.Page, bodies.Single)) { BaseAddress = baseAddress };
        var pageUri = new Uri($"accounting/account/{bodies.AccountId}/invoices/invoices?page=1&per_page=100&include[]=lines", UriKind.Relative);
        var plain = new JsonSerializerOptions();
        var query = new InvoiceQuery { PageSize = 100 };

        async Task<int> OnceAsync()
        {
            if (which == "bare")
            {
                using var response = await bare.GetAsync(pageUri);
                var envelope = await response.Content.ReadFromJsonAsync<PlainListEnvelope>(plain);
                return envelope!.Response!.Result!.Invoices!.Count;
            }

            return (await invoices.ListPageAsync(query)).Items.Count;
        }

        // Warm-up: past tiering.
        for (var i = 0; i < 300; i++)
        {
            await OnceAsync();
        }

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var gen2 = GC.CollectionCount(2);
        var gen0 = GC.CollectionCount(0);
        var pause0 = GC.GetTotalPauseDuration();
        var allocated0 = GC.GetTotalAllocatedBytes(precise: false);
        var stopwatch = Stopwatch.StartNew();
        var pages = 0;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            if (await OnceAsync() != 100)
            {
                throw new InvalidOperationException("A page did not have 100 invoices.");
            }

            pages++;
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{which}: {pages} pages in {stopwatch.Elapsed.TotalMilliseconds:0} ms; {stopwatch.Elapsed.TotalMilliseconds * 1000 / pages:0} µs wall, {cpu.TotalMilliseconds * 1000 / pages:0} µs CPU a page; GCs {GC.CollectionCount(0) - gen0} (gen2 {GC.CollectionCount(2) - gen2}), GC pauses {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds * 1000 / pages:0} µs a page, {(GC.GetTotalAllocatedBytes(precise: false) - allocated0) / 1024.0 / pages:0} KiB allocated a page"));
        return 0;
    }
}
