using System.Diagnostics;
using System.Globalization;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.Export;

/// <summary>
/// The export benchmark: the sandbox in-process, seeded with N invoices, answers every accounting request after an added
/// latency L. Every invoice is listed once per run, through <c>IInvoiceStore.ListAsync</c> at each page concurrency and
/// through a plain sequential page loop, and the table compares the wall time with the network limit ⌈pages/c⌉ × L.
/// </summary>
/// <remarks>
/// Memory is measured two ways. During the timed runs a sampler thread reads the heap size without collecting (peak heap:
/// live data plus garbage awaiting collection). Before them, one untimed run per mode with no latency forces a full
/// blocking collection every 100 records from inside the consumer loop (<see cref="GC.GetTotalMemory(bool)"/> with
/// <c>true</c>), which gives the live set while pages are in flight: what streaming really keeps. With no latency every
/// page of the window has already arrived when the consumer looks, so this is the worst case.
/// </remarks>
internal static class ExportBenchmark
{
    private const int LiveProbeEvery = 100;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>Runs the benchmark and writes the tables to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(ExportSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine($"Load average at start: {MachineInfo.LoadAverage()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Export: {settings.Invoices:N0} invoices × {settings.LinesPerInvoice} lines, latency {settings.Latency.TotalMilliseconds:F0} ms, " +
            $"{settings.Repeat} timed run(s) per row{(settings.Quick ? " (quick)" : "")}"));

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
        var stacks = new List<ServiceProvider>();
        try
        {
            using var plain = new PlainPageLoop(sandbox.BaseAddress, business.AccountId, tokens.AccessToken);
            var modes = new List<Mode> { new("plain loop (HttpClient + STJ)", 1, probe => PlainAsync(plain, probe, cancellationToken)) };
            foreach (var c in settings.Concurrency.Distinct())
            {
                var services = BenchmarkLedger.Build(sandbox.BaseAddress, configure: o => o.PageConcurrency = c);
                stacks.Add(services);
                await BenchmarkLedger.ConnectAsync(services, business.AccountId, business.BusinessId, tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);
                var invoices = services.GetRequiredService<IInvoiceStore>();
                modes.Add(new Mode("Ledgerline ListAsync", c, probe => CountAsync(invoices, probe, cancellationToken)) { Invoices = invoices });
            }

            // Warm-up without latency (JIT, connection pools, the sandbox's own code), checking that every mode lists every
            // invoice exactly once, so that the measured runs can just count.
            var warm = Stopwatch.StartNew();
            var plainIds = new HashSet<long>();
            var (plainCount, wireBytes) = await plain.RunAsync(id => plainIds.Add(id), cancellationToken);
            Check("plain loop", plainCount, plainIds.Count, settings.Invoices);
            foreach (var mode in modes.Where(m => m.Invoices is not null))
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var invoice in mode.Invoices!.ListAsync(cancellationToken: cancellationToken))
                {
                    ids.Add(invoice.Id);
                }

                Check($"Ledgerline c={mode.Concurrency}", ids.Count, ids.Count, settings.Invoices);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warm-up and correctness pass (no latency) in {warm.Elapsed.TotalSeconds:F1} s; data set on the wire: {Mib(wireBytes)} in {Pages(settings)} pages"));

            // Without latency the listing is bound by CPU (sandbox rendering + client parsing on the same cores): the other
            // floor, next to the network one. The live-set run follows each mode's CPU runs, so the in-process server's
            // buffer pools are already in the state that mode's connection pattern leaves them in.
            var runner = new Runner(sandbox, settings, output);
            foreach (var mode in modes)
            {
                (mode.CpuBound, mode.CpuTime) = await runner.TimeOnceAsync(mode);
                mode.PeakLive = await runner.PeakLiveAsync(mode);
            }

            sandbox.Faults.AddLatency(settings.Latency, "/accounting/");
            foreach (var mode in modes)
            {
                await runner.MeasureAsync(mode);
            }

            output.WriteLine($"Load average at end of timed runs: {MachineInfo.LoadAverage()}");

            output.WriteLine();
            WriteTable(output, settings, modes);

            var materializing = modes.FirstOrDefault(m => m.Concurrency == 4 && m.Invoices is not null) ?? modes[^1];
            var (retained, canonicalOnly) = await MaterializedAsync(materializing.Invoices!, settings.Invoices, cancellationToken);
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Whole data set materialized (ListAsync into a List<Invoice>, c={materializing.Concurrency}, after a full GC): {Mib(retained)} " +
                $"({retained / settings.Invoices:N0} B per invoice); the same records with RawRepresentation set to null: {Mib(canonicalOnly)} " +
                $"({canonicalOnly / settings.Invoices:N0} B per invoice); JSON on the wire: {Mib(wireBytes)} ({wireBytes / settings.Invoices:N0} B per invoice)."));
            output.WriteLine($"Load average at end: {MachineInfo.LoadAverage()}");
            return 0;
        }
        finally
        {
            foreach (var services in stacks)
            {
                await services.DisposeAsync();
            }
        }
    }

    private static async Task<int> PlainAsync(PlainPageLoop plain, Action? probe, CancellationToken cancellationToken) =>
        (await plain.RunAsync(probe is null ? null : _ => probe(), cancellationToken)).Invoices;

    private static async Task<int> CountAsync(IInvoiceStore invoices, Action? probe, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var invoice in invoices.ListAsync(cancellationToken: cancellationToken))
        {
            count += invoice.Lines.Count > 0 ? 1 : 0;
            probe?.Invoke();
        }

        return count;
    }

    internal static async Task<(long Retained, long CanonicalOnly)> MaterializedAsync(IInvoiceStore invoices, int expected, CancellationToken cancellationToken)
    {
        var before = MemorySampler.Settle();
        var all = new List<Invoice>();
        await foreach (var invoice in invoices.ListAsync(cancellationToken: cancellationToken))
        {
            all.Add(invoice);
        }

        var retained = MemorySampler.Settle() - before;
        Check("materialized", all.Count, all.Count, expected);

        // What the canonical records alone cost: the same list with each record's raw JSON dropped.
        for (var i = 0; i < all.Count; i++)
        {
            all[i] = all[i] with { RawRepresentation = null };
        }

        var canonicalOnly = MemorySampler.Settle() - before;
        GC.KeepAlive(all);
        return (retained, canonicalOnly);
    }

    private static void Check(string mode, int count, int distinct, int expected)
    {
        if (count != expected || distinct != expected)
        {
            throw new InvalidOperationException($"{mode} listed {count} invoices ({distinct} distinct); {expected} are seeded.");
        }
    }

    private static int Pages(ExportSettings settings) => (settings.Invoices + 99) / 100;

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MiB");

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:N0} ms");

    private static void WriteTable(TextWriter output, ExportSettings settings, IReadOnlyList<Mode> modes)
    {
        var l = settings.Latency.TotalMilliseconds;
        var pages = Pages(settings);
        output.WriteLine("| mode | c | pages | requests | wall (median) | wall range | limit ⌈pages/c⌉×L | wall/limit | page-1-first floor | wall at L=0 | CPU at L=0 (server + client) | peak heap − base | peak live − base | GCs (gen2) |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var mode in modes)
        {
            var c = mode.Concurrency;
            var limit = Math.Ceiling(pages / (double)c) * l;

            // Ledgerline reads page 1 alone (it says how many pages there are), then c at a time; the plain loop is sequential.
            var floor = c == 1 ? pages * l : (1 + Math.Ceiling((pages - 1) / (double)c)) * l;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode.Name} | {c} | {pages} | {mode.Requests} | {Ms(mode.Median)} | {mode.Min.TotalMilliseconds:N0}–{mode.Max.TotalMilliseconds:N0} ms | " +
                $"{limit:N0} ms | {mode.Median.TotalMilliseconds / limit:F2} | {floor:N0} ms | {Ms(mode.CpuBound)} | {Ms(mode.CpuTime)} | " +
                $"{Mib(mode.PeakHeap)} | {Mib(mode.PeakLive)} | {mode.Collections} ({mode.Gen2Collections}) |"));
        }
    }

    /// <summary>One way of listing every invoice, and what was measured for it.</summary>
    private sealed class Mode(string name, int concurrency, Func<Action?, Task<int>> listAll)
    {
        public string Name { get; } = name;

        public int Concurrency { get; } = concurrency;

        public Func<Action?, Task<int>> ListAll { get; } = listAll;

        public IInvoiceStore? Invoices { get; init; }

        public int Requests { get; set; }

        public TimeSpan Median { get; set; }

        public TimeSpan Min { get; set; }

        public TimeSpan Max { get; set; }

        public TimeSpan CpuBound { get; set; }

        public TimeSpan CpuTime { get; set; }

        public long PeakHeap { get; set; }

        public long PeakLive { get; set; }

        public int Collections { get; set; }

        public int Gen2Collections { get; set; }
    }

    private sealed class Runner(FreshBooksSandbox sandbox, ExportSettings settings, TextWriter output)
    {
        /// <summary>
        /// Runs with no latency, timed, with the process's CPU time (the median run by wall time is kept): the sandbox renders the same pages for every mode, so the difference
        /// between modes is the client's own CPU cost, whatever else the machine is doing.
        /// </summary>
        public async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeOnceAsync(Mode mode)
        {
            var runs = new List<(TimeSpan Wall, TimeSpan Cpu)>();
            for (var r = 0; r < settings.Repeat; r++)
            {
                MemorySampler.Settle();
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var listed = await mode.ListAll(null);
                clock.Stop();
                process.Refresh();
                var cpu = process.TotalProcessorTime - cpuBefore;
                Check(mode.Name, listed, listed, settings.Invoices);
                output.WriteLine($"  {mode.Name}, c={mode.Concurrency}, no latency, run {r + 1}: {Ms(clock.Elapsed)} wall, {Ms(cpu)} CPU (server + client)");
                runs.Add((clock.Elapsed, cpu));
            }

            runs.Sort((a, b) => a.Wall.CompareTo(b.Wall));
            return runs[runs.Count / 2];
        }

        /// <summary><see cref="ExportSettings.Repeat"/> timed runs, each from a settled heap, with the heap sampler on.</summary>
        public async Task MeasureAsync(Mode mode)
        {
            var walls = new List<TimeSpan>();
            for (var r = 0; r < settings.Repeat; r++)
            {
                sandbox.ClearRequests();
                var baseline = MemorySampler.Settle();
                var gcBefore = GC.CollectionCount(0);
                var gen2Before = GC.CollectionCount(2);
                var sampler = MemorySampler.Start(SampleInterval);
                var clock = Stopwatch.StartNew();
                int listed;
                try
                {
                    listed = await mode.ListAll(null);
                }
                finally
                {
                    clock.Stop();
                    sampler.Dispose();
                }

                Check(mode.Name, listed, listed, settings.Invoices);
                walls.Add(clock.Elapsed);
                mode.Requests = Math.Max(mode.Requests, sandbox.Requests.Count(q => q.Path.StartsWith("/accounting/", StringComparison.Ordinal)));
                mode.PeakHeap = Math.Max(mode.PeakHeap, sampler.PeakHeap - baseline);
                mode.Collections = Math.Max(mode.Collections, GC.CollectionCount(0) - gcBefore);
                mode.Gen2Collections = Math.Max(mode.Gen2Collections, GC.CollectionCount(2) - gen2Before);
                output.WriteLine($"  {mode.Name}, c={mode.Concurrency}, run {r + 1}: {Ms(clock.Elapsed)} (load {MachineInfo.LoadAverage()})");
            }

            walls.Sort();
            (mode.Median, mode.Min, mode.Max) = (walls[walls.Count / 2], walls[0], walls[^1]);
        }

        /// <summary>An untimed run forcing a full collection every <see cref="LiveProbeEvery"/> records: the peak live set.</summary>
        public async Task<long> PeakLiveAsync(Mode mode)
        {
            sandbox.ClearRequests();
            var baseline = MemorySampler.Settle();
            long peak = 0;
            var seen = 0;
            var listed = await mode.ListAll(() =>
            {
                if (++seen % LiveProbeEvery == LiveProbeEvery / 2)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                }
            });
            Check(mode.Name, listed, listed, settings.Invoices);
            return peak - baseline;
        }
    }
}
