using System.Diagnostics;
using System.Globalization;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.Export;

/// <summary>
/// The export benchmark: the sandbox in-process, seeded with N invoices, answers every accounting request after an added
/// latency L. Every invoice is listed once per row, through <c>IInvoiceStore.ListAsync</c> at each page concurrency and
/// through a plain sequential page loop, and the table compares the wall time with the network limit ⌈pages/c⌉ × L.
/// </summary>
internal static class ExportBenchmark
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>Runs the benchmark and writes the tables to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(ExportSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine($"Load average at start: {MachineInfo.LoadAverage()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Export: {settings.Invoices:N0} invoices × {settings.LinesPerInvoice} lines, latency {settings.Latency.TotalMilliseconds:F0} ms, " +
            $"{settings.Repeat} run(s) per row{(settings.Quick ? " (quick)" : "")}"));

        var seeding = Stopwatch.StartNew();
        await using var sandbox = await FreshBooksSandbox.StartAsync(
            new SandboxOptions
            {
                SeedDefaultData = false,
                SeedInvoices = settings.Invoices,
                LinesPerInvoice = settings.LinesPerInvoice,
                StartTime = SampleBodies.FixedNow,
            },
            cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sandbox on {sandbox.BaseAddress}, seeded in {seeding.Elapsed.TotalSeconds:F1} s"));

        var tokens = sandbox.IssueTokens();
        var business = sandbox.Data.PrimaryBusiness;
        var stacks = new List<(int Concurrency, ServiceProvider Services, IInvoiceStore Invoices)>();
        try
        {
            foreach (var c in settings.Concurrency.Distinct())
            {
                var services = BenchmarkLedger.Build(sandbox.BaseAddress, configure: o => o.PageConcurrency = c);
                await BenchmarkLedger.ConnectAsync(services, business.AccountId, business.BusinessId, tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);
                stacks.Add((c, services, services.GetRequiredService<IInvoiceStore>()));
            }

            using var plain = new PlainPageLoop(sandbox.BaseAddress, business.AccountId, tokens.AccessToken);
            var run = new Runner(sandbox, settings, output);

            // Warm-up without latency: JIT, connection pools, the sandbox's own code; and proof that every mode lists every
            // invoice exactly once, so the timed runs below can count instead of holding ids.
            var warm = Stopwatch.StartNew();
            var plainIds = new HashSet<long>();
            var (plainCount, wireBytes) = await plain.RunAsync(id => plainIds.Add(id), cancellationToken);
            Check("plain loop", plainCount, plainIds.Count, settings.Invoices);
            foreach (var (c, _, invoices) in stacks)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var count = 0;
                await foreach (var invoice in invoices.ListAsync(cancellationToken: cancellationToken))
                {
                    count++;
                    ids.Add(invoice.Id);
                }

                Check($"Ledgerline c={c}", count, ids.Count, settings.Invoices);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warm-up and correctness pass (no latency) in {warm.Elapsed.TotalSeconds:F1} s; data set on the wire: {Mib(wireBytes)} in {Pages(settings)} pages"));

            sandbox.Faults.AddLatency(settings.Latency, "/accounting/");
            var rows = new List<ExportRow>
            {
                await run.MeasureAsync("plain loop (HttpClient + STJ)", 1, async () => (await plain.RunAsync(cancellationToken: cancellationToken)).Invoices),
            };
            foreach (var (c, _, invoices) in stacks)
            {
                rows.Add(await run.MeasureAsync("Ledgerline ListAsync", c, () => CountAsync(invoices, cancellationToken)));
            }

            output.WriteLine($"Load average at end of timed runs: {MachineInfo.LoadAverage()}");
            output.WriteLine();
            WriteTable(output, settings, rows);

            var (materializeC, _, materializeStore) = stacks.FirstOrDefault(s => s.Concurrency == 4) is { Services: not null } four ? four : stacks[^1];
            var retained = await MaterializedAsync(materializeStore, settings.Invoices, cancellationToken);
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Whole data set materialized (ListAsync into a List<Invoice>, c={materializeC}, measured after a full GC): {Mib(retained)} " +
                $"({retained / settings.Invoices:N0} B per invoice, RawRepresentation included); on the wire: {Mib(wireBytes)}."));
            return 0;
        }
        finally
        {
            foreach (var stack in stacks)
            {
                await stack.Services.DisposeAsync();
            }
        }
    }

    private static async Task<int> CountAsync(IInvoiceStore invoices, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var invoice in invoices.ListAsync(cancellationToken: cancellationToken))
        {
            count += invoice.Lines.Count > 0 ? 1 : 0;
        }

        return count;
    }

    private static async Task<long> MaterializedAsync(IInvoiceStore invoices, int expected, CancellationToken cancellationToken)
    {
        var (before, _) = MemorySampler.Settle();
        var all = new List<Invoice>();
        await foreach (var invoice in invoices.ListAsync(cancellationToken: cancellationToken))
        {
            all.Add(invoice);
        }

        var (after, _) = MemorySampler.Settle();
        Check("materialized", all.Count, all.Count, expected);
        GC.KeepAlive(all);
        return after - before;
    }

    private static void Check(string mode, int count, int distinct, int expected)
    {
        if (count != expected || distinct != expected)
        {
            throw new InvalidOperationException($"{mode} listed {count} invoices ({distinct} distinct); {expected} are seeded.");
        }
    }

    internal static int Pages(ExportSettings settings) => (settings.Invoices + 99) / 100;

    internal static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MiB");

    private static void WriteTable(TextWriter output, ExportSettings settings, IReadOnlyList<ExportRow> rows)
    {
        var l = settings.Latency.TotalMilliseconds;
        output.WriteLine("| mode | c | pages | requests | wall (median) | wall range | limit ⌈pages/c⌉×L | wall/limit | page-1-first floor | peak heap − base | peak live after GC − base | GCs (seen) |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows)
        {
            var pages = Pages(settings);
            var limit = Math.Ceiling(pages / (double)row.Concurrency) * l;

            // Ledgerline reads page 1 alone (it says how many pages there are), then c at a time; the plain loop is sequential.
            var floor = row.Concurrency == 1 ? pages * l : (1 + Math.Ceiling((pages - 1) / (double)row.Concurrency)) * l;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Mode} | {row.Concurrency} | {pages} | {row.Requests} | {row.Median.TotalMilliseconds:N0} ms | " +
                $"{row.Min.TotalMilliseconds:N0}–{row.Max.TotalMilliseconds:N0} ms | {limit:N0} ms | {row.Median.TotalMilliseconds / limit:F2} | {floor:N0} ms | " +
                $"{Mib(row.PeakHeap)} | {(row.CollectionsSeen > 0 ? Mib(row.PeakLive) : "no GC")} | {row.Collections} ({row.CollectionsSeen}) |"));
        }
    }

    /// <summary>Measures one row: <see cref="ExportSettings.Repeat"/> runs, each from a settled heap.</summary>
    private sealed class Runner(FreshBooksSandbox sandbox, ExportSettings settings, TextWriter output)
    {
        public async Task<ExportRow> MeasureAsync(string mode, int concurrency, Func<Task<int>> listAll)
        {
            var walls = new List<TimeSpan>();
            long peakHeap = 0, peakLive = 0;
            int requests = 0, collections = 0, seen = 0;
            for (var r = 0; r < settings.Repeat; r++)
            {
                sandbox.ClearRequests();
                var (baseHeap, baseLive) = MemorySampler.Settle();
                var gcBefore = GC.CollectionCount(0);
                var sampler = MemorySampler.Start(SampleInterval);
                var clock = Stopwatch.StartNew();
                int listed;
                try
                {
                    listed = await listAll();
                }
                finally
                {
                    clock.Stop();
                    sampler.Dispose();
                }

                Check(mode, listed, listed, settings.Invoices);
                walls.Add(clock.Elapsed);
                requests = Math.Max(requests, sandbox.Requests.Count(q => q.Path.StartsWith("/accounting/", StringComparison.Ordinal)));
                peakHeap = Math.Max(peakHeap, sampler.PeakHeap - baseHeap);
                if (sampler.CollectionsSeen > 0)
                {
                    peakLive = Math.Max(peakLive, sampler.PeakLive - baseLive);
                }

                collections = Math.Max(collections, GC.CollectionCount(0) - gcBefore);
                seen = Math.Max(seen, sampler.CollectionsSeen);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {mode}, c={concurrency}, run {r + 1}: {clock.Elapsed.TotalMilliseconds:N0} ms (load {MachineInfo.LoadAverage()})"));
            }

            walls.Sort();
            return new ExportRow(mode, concurrency, requests, walls[walls.Count / 2], walls[0], walls[^1], peakHeap, peakLive, collections, seen);
        }
    }
}

/// <summary>One row of the export table.</summary>
internal sealed record ExportRow(
    string Mode, int Concurrency, int Requests, TimeSpan Median, TimeSpan Min, TimeSpan Max, long PeakHeap, long PeakLive, int Collections, int CollectionsSeen);
