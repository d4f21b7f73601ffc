using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ledgerline.Benchmarks.Export;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.ExportProcess;

/// <summary>
/// The export benchmark with the sandbox out of process: the FreshBooks sandbox runs as its own OS process (one per
/// latency), and in the same run the official Node SDK's page loop, a plain C# page loop and Ledgerline
/// <c>IInvoiceStore.ListAsync</c> at each page concurrency list every invoice, round-robin, each R times.
/// </summary>
/// <remarks>
/// Order of work:
/// <list type="number">
/// <item>No added latency: a correctness pass (every mode lists every invoice exactly once, checked by id); R rounds of
/// every mode in this process after that warm-up (steady state: wall time, this process's CPU = the client's, the
/// sandbox process's CPU); R cold starts each of the plain loop and Ledgerline c = 1 (a fresh <c>dotnet</c> process of
/// this benchmark's own dll, <see cref="ExportChild"/>, timed from start to exit); the peak live set while streaming and
/// the materialized size.</item>
/// <item>Per latency L: a new sandbox process with <c>--fault latency:Lms@/accounting</c>, one untimed warm-up per C#
/// mode against it (new connections), then R rounds of every mode.</item>
/// </list>
/// Every timed run is checked: every invoice listed once (count and distinct ids) and the sandbox's request log for it
/// (requests, distinct pages, failures).
/// </remarks>
internal static class ProcessExportBenchmark
{
    private const int LiveProbeEvery = 100;

    // Untimed listings per C# mode before the steady-state rounds, after the correctness pass: enough for tiered
    // compilation to promote the hot paths (a method is recompiled after 30 calls and a quiet 100 ms).
    private const int SteadyWarmUps = 3;

    /// <summary>Runs the benchmark and writes the tables to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(ProcessExportSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        output.WriteLine($"Machine: {MachineInfo.Describe()}");
        output.WriteLine($"Started {started:yyyy-MM-dd HH:mm} UTC, load average {MachineInfo.LoadAverage()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"export-process: {settings.Invoices:N0} invoices × {settings.LinesPerInvoice} lines ({settings.Pages} pages of 100), " +
            $"L = {string.Join(", ", settings.Latencies.Select(l => $"{l.TotalMilliseconds:F0}"))} ms, {settings.Repeat} run(s) per row, " +
            $"c = {string.Join(", ", settings.Concurrency)}{(settings.Quick ? " (quick)" : "")}"));

        var node = false;
        if (settings.Node)
        {
            var (version, reason) = await NodeSdkLoop.PrepareAsync(output, cancellationToken);
            node = version is not null;
            output.WriteLine(node
                ? $"Node {version}, @freshbooks/api {NodeSdkLoop.InstalledSdkVersion()} ({NodeSdkLoop.Folder})"
                : $"Node SDK rows left out: {reason}");
        }

        output.WriteLine($"Sandbox: dotnet {SandboxProcess.DllPath} (built with this project; not timed)");
        var context = new Context(settings, output, node, cancellationToken);
        var results = new Results();

        // 1. No added latency: correctness, steady state, cold start, memory.
        output.WriteLine();
        output.WriteLine($"## No added latency (load average {MachineInfo.LoadAverage()})");
        await using (var sandbox = await context.StartSandboxAsync(TimeSpan.Zero))
        {
            await using var modes = await context.OpenModesAsync(sandbox, attribution: true);
            await context.CorrectnessPassAsync(sandbox, modes);
            await context.WarmUpAsync(sandbox, modes, SteadyWarmUps);
            await context.RoundsAsync(sandbox, modes);
            results.Steady = modes.All;
            WriteSteadyTable(output, settings, modes.All);

            results.Cold = await context.ColdStartsAsync(sandbox);
            WriteColdTable(output, results.Cold, modes.All.FirstOrDefault(m => m.Kind == Kind.Node));

            await context.MemoryAsync(modes);
        }

        // 2. Each latency: a new sandbox process, warm-up, rounds.
        foreach (var latency in settings.Latencies)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## L = {latency.TotalMilliseconds:F0} ms (load average {MachineInfo.LoadAverage()})"));
            await using var sandbox = await context.StartSandboxAsync(latency);
            await using var modes = await context.OpenModesAsync(sandbox, attribution: false);
            await context.WarmUpAsync(sandbox, modes, 1);
            await context.RoundsAsync(sandbox, modes);
            results.ByLatency[latency] = modes.All;
            WriteLatencyTable(output, settings, latency, modes.All);
        }

        output.WriteLine();
        output.WriteLine($"Finished {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC ({(DateTimeOffset.UtcNow - started).TotalMinutes:F1} min), load average {MachineInfo.LoadAverage()}");
        WriteTargets(output, settings, results);
        return 0;
    }

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:N0} ms");

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:N0} ms");

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MiB");

    private static string Ratio(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:F2}");

    private static T Median<T>(IEnumerable<T> values) where T : IComparable<T>
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double NetworkLimit(ProcessExportSettings settings, int c, TimeSpan latency) =>
        Math.Ceiling(settings.Pages / (double)c) * latency.TotalMilliseconds;

    private static void Check(string what, int count, int distinct, int expected)
    {
        if (count != expected || distinct != expected)
        {
            throw new InvalidOperationException($"{what} listed {count} invoices ({distinct} distinct ids); {expected} are seeded.");
        }
    }

    private static void WriteSteadyTable(TextWriter output, ProcessExportSettings settings, IReadOnlyList<Mode> modes)
    {
        var plain = modes.First(m => m.Kind == Kind.Plain);
        output.WriteLine();
        output.WriteLine("Steady state, no added latency (in this process after the warm-up; Node: the loop timed inside node, a fresh process per run):");
        output.WriteLine();
        output.WriteLine("| mode | c | requests | wall (median) | wall range | ÷ plain loop | client CPU (median) | client CPU ÷ plain | sandbox CPU (median) |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var mode in modes)
        {
            var wall = mode.MedianWall;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode.Name} | {mode.Concurrency} | {mode.RequestsText(settings)} | {Ms(wall)} | {mode.RangeText} | " +
                $"{Ratio(wall.TotalMilliseconds / plain.MedianWall.TotalMilliseconds)} | {Ms(mode.MedianClientCpu)} | " +
                $"{Ratio(mode.MedianClientCpu.TotalMilliseconds / plain.MedianClientCpu.TotalMilliseconds)} | {Ms(mode.MedianServerCpu)} |"));
        }
    }

    private static void WriteColdTable(TextWriter output, IReadOnlyList<ColdMode> cold, Mode? node)
    {
        var plain = cold.First(c => c.Kind == Kind.Plain);
        output.WriteLine();
        output.WriteLine("(ReadyToRun rows, if any, are the same children from a ReadyToRun publish; their ÷ plain is against the plain loop published the same way.)");
        output.WriteLine("Cold start, no added latency (a fresh process per run that lists everything and exits; wall from Process.Start to exit):");
        output.WriteLine();
        output.WriteLine("| process | wall (median) | wall range | ÷ plain | runtime start + exit | setup | first invoice | listing | CPU (whole process) | peak RSS |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var mode in cold)
        {
            var wall = Median(mode.Runs.Select(r => r.Wall));
            var baseline = cold.First(c => c.Kind == Kind.Plain && c.Dll == mode.Dll);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode.Name} | {Ms(wall)} | {mode.Runs.Min(r => r.Wall).TotalMilliseconds:N0}–{mode.Runs.Max(r => r.Wall).TotalMilliseconds:N0} ms | " +
                $"{Ratio(wall.TotalMilliseconds / Median(baseline.Runs.Select(r => r.Wall)).TotalMilliseconds)} | " +
                $"{Ms(Median(mode.Runs.Select(r => r.Wall.TotalMilliseconds - r.Report.MainMs)))} | {Ms(Median(mode.Runs.Select(r => r.Report.SetupMs)))}" +
                $"{(mode.Kind == Kind.Ledgerline ? $" (build {Median(mode.Runs.Select(r => r.Report.BuildMs)):N0} + connect {Median(mode.Runs.Select(r => r.Report.ConnectMs)):N0} + Mapster config {Median(mode.Runs.Select(r => r.Report.MappingMs)):N0} + resolve {Median(mode.Runs.Select(r => r.Report.ResolveMs)):N0})" : "")} | " +
                $"{Ms(Median(mode.Runs.Select(r => r.Report.FirstMs)))} | {Ms(Median(mode.Runs.Select(r => r.Report.ListMs)))} | " +
                $"{Ms(Median(mode.Runs.Select(r => r.Report.CpuMs)))} | {Median(mode.Runs.Select(r => r.Report.MaxRssKiB)) / 1024.0:F0} MiB |"));
        }

        if (node is not null)
        {
            var runs = node.Samples.Select(s => s.Node!).ToList();
            var wall = Median(runs.Select(r => r.ProcessWall));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| Node SDK loop (node process, from the steady-state rounds) | {Ms(wall)} | {runs.Min(r => r.ProcessWall).TotalMilliseconds:N0}–{runs.Max(r => r.ProcessWall).TotalMilliseconds:N0} ms | " +
                $"{Ratio(wall.TotalMilliseconds / Median(plain.Runs.Select(r => r.Wall)).TotalMilliseconds)} | " +
                $"{Ms(Median(runs.Select(r => r.ProcessWall.TotalMilliseconds - r.Report.LoopMs - r.Report.LoadMs)))} | " +
                $"{Ms(Median(runs.Select(r => r.Report.LoadMs)))} (require) | – | {Ms(Median(runs.Select(r => r.Report.LoopMs)))} | " +
                $"{Ms(Median(runs.Select(r => r.Report.CpuMs)))} (loop only) | {Median(runs.Select(r => r.Report.MaxRssKiB)) / 1024.0:F0} MiB |"));
        }
    }

    private static void WriteLatencyTable(TextWriter output, ProcessExportSettings settings, TimeSpan latency, IReadOnlyList<Mode> modes)
    {
        var l = latency.TotalMilliseconds;
        var nodeLoop = modes.FirstOrDefault(m => m.Kind == Kind.Node)?.MedianWall;
        output.WriteLine();
        output.WriteLine("| mode | c | requests | wall (median) | wall range | limit ⌈pages/c⌉×L | wall/limit | page-1-first floor | Node SDK loop ÷ wall | client CPU (median) | sandbox CPU (median) |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var mode in modes)
        {
            var rows = mode.Kind == Kind.Node
                ? new[] { (mode.Name + " (timed in node)", mode.MedianWall, mode.RangeText), (mode.Name + " (whole node process)", mode.MedianProcessWall, mode.ProcessRangeText) }
                : [(mode.Name, mode.MedianWall, mode.RangeText)];
            foreach (var (name, wall, range) in rows)
            {
                var c = mode.Concurrency;
                var limit = NetworkLimit(settings, c, latency);
                var floor = mode.Kind == Kind.Ledgerline && c > 1 ? (1 + Math.Ceiling((settings.Pages - 1) / (double)c)) * l : settings.Pages * l;
                var vsNode = nodeLoop is { } n ? Ratio(n.TotalMilliseconds / wall.TotalMilliseconds) : "–";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {c} | {mode.RequestsText(settings)} | {Ms(wall)} | {range} | {Ms(limit)} | {Ratio(wall.TotalMilliseconds / limit)} | " +
                    $"{Ms(floor)} | {vsNode} | {Ms(mode.MedianClientCpu)}{(mode.Kind == Kind.Node ? " (loop)" : "")} | {Ms(mode.MedianServerCpu)} |"));
            }
        }
    }

    private static void WriteTargets(TextWriter output, ProcessExportSettings settings, Results results)
    {
        output.WriteLine();
        output.WriteLine("Targets (issue 20):");
        foreach (var (latency, modes) in results.ByLatency)
        {
            var l = latency.TotalMilliseconds;
            var top = modes.Where(m => m.Kind == Kind.Ledgerline).MaxBy(m => m.Concurrency);
            var node = modes.FirstOrDefault(m => m.Kind == Kind.Node);
            if (top is null)
            {
                continue;
            }

            var ratio = top.MedianWall.TotalMilliseconds / NetworkLimit(settings, top.Concurrency, latency);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- L = {l:F0} ms, c = {top.Concurrency} within 1.5× the network limit: {Ratio(ratio)} → {(ratio <= 1.5 ? "met" : "not met")}"));
            if (node is not null)
            {
                var speedUp = node.MedianWall.TotalMilliseconds / top.MedianWall.TotalMilliseconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"- L = {l:F0} ms, c = {top.Concurrency} ≥ 5× faster than the Node SDK loop (timed in node): {speedUp:F2}× → {(speedUp >= 5 ? "met" : "not met")}"));
            }
        }

        var coldPlain = results.Cold.FirstOrDefault(c => c.Kind == Kind.Plain);
        var coldLedgerline = results.Cold.FirstOrDefault(c => c.Kind == Kind.Ledgerline);
        if (coldPlain is not null && coldLedgerline is not null)
        {
            var ratio = Median(coldLedgerline.Runs.Select(r => r.Wall)).TotalMilliseconds / Median(coldPlain.Runs.Select(r => r.Wall)).TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- c = 1, no latency, whole process (cold start) within 1.25× the plain loop: {Ratio(ratio)} → {(ratio <= 1.25 ? "met" : "not met")}"));
            var r2rPlain = results.Cold.FirstOrDefault(c => c is { Kind: Kind.Plain, Deployment: Deployment.ReadyToRun });
            var r2rLedgerline = results.Cold.FirstOrDefault(c => c is { Kind: Kind.Ledgerline, Deployment: Deployment.ReadyToRun });
            if (r2rPlain is not null && r2rLedgerline is not null)
            {
                // Another deployment: reported beside the target, never as meeting it.
                var r2r = Median(r2rLedgerline.Runs.Select(r => r.Wall)).TotalMilliseconds / Median(r2rPlain.Runs.Select(r => r.Wall)).TotalMilliseconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  (both published ReadyToRun, a different deployment, not the target's: {Ratio(r2r)}; Ledgerline ReadyToRun ÷ plain JIT {Ratio(Median(r2rLedgerline.Runs.Select(r => r.Wall)).TotalMilliseconds / Median(coldPlain.Runs.Select(r => r.Wall)).TotalMilliseconds)})"));
            }

            var aotPlain = results.Cold.FirstOrDefault(c => c is { Kind: Kind.Plain, Deployment: Deployment.NativeAot });
            var aotLedgerline = results.Cold.FirstOrDefault(c => c is { Kind: Kind.Ledgerline, Deployment: Deployment.NativeAot });
            if (aotPlain is not null && aotLedgerline is not null)
            {
                var aot = Median(aotLedgerline.Runs.Select(r => r.Wall)).TotalMilliseconds / Median(aotPlain.Runs.Select(r => r.Wall)).TotalMilliseconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  (both published Native AOT, a different deployment, not the target's: {Ratio(aot)}; Ledgerline Native AOT ÷ plain JIT {Ratio(Median(aotLedgerline.Runs.Select(r => r.Wall)).TotalMilliseconds / Median(coldPlain.Runs.Select(r => r.Wall)).TotalMilliseconds)})"));
            }
        }

        var plain = results.Steady.FirstOrDefault(m => m.Kind == Kind.Plain);
        var one = results.Steady.FirstOrDefault(m => m is { Kind: Kind.Ledgerline, Concurrency: 1 });
        if (plain is not null && one is not null)
        {
            var ratio = one.MedianWall.TotalMilliseconds / plain.MedianWall.TotalMilliseconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- c = 1, no latency, steady state within 1.25× the plain loop: {Ratio(ratio)} → {(ratio <= 1.25 ? "met" : "not met")} " +
                $"(client CPU {Ratio(one.MedianClientCpu.TotalMilliseconds / plain.MedianClientCpu.TotalMilliseconds)}×)"));
        }
    }

    private enum Kind
    {
        Node,
        Plain,
        Ledgerline,

        /// <summary>Ledgerline at c = 1 with <c>KeepRawRepresentation = false</c>: attributes the c = 1 gap (no latency only).</summary>
        LedgerlineNoRaw,
    }

    /// <summary>How a cold-start child was deployed: the build output run by <c>dotnet</c>, a ReadyToRun publish, or a Native AOT executable.</summary>
    private enum Deployment
    {
        Jit,
        ReadyToRun,
        NativeAot,
    }

    private readonly record struct Listing(int Count, int Distinct, NodeRun? Node = null);

    private sealed record Sample(TimeSpan Wall, TimeSpan ClientCpu, TimeSpan ServerCpu, LoggedRequests Requests, NodeRun? Node);

    private sealed record ColdRun(TimeSpan Wall, ChildReport Report);

    /// <summary>A cold-start row: <paramref name="Dll"/> run by <c>dotnet</c>, or, for <see cref="Deployment.NativeAot"/>, the executable itself.</summary>
    private sealed record ColdMode(string Name, Kind Kind, string Argument, string Dll, Deployment Deployment = Deployment.Jit)
    {
        public List<ColdRun> Runs { get; } = [];
    }

    private sealed class Results
    {
        public IReadOnlyList<Mode> Steady { get; set; } = [];

        public IReadOnlyList<ColdMode> Cold { get; set; } = [];

        public Dictionary<TimeSpan, IReadOnlyList<Mode>> ByLatency { get; } = [];
    }

    /// <summary>One way of listing every invoice, and its samples.</summary>
    private sealed class Mode(string name, Kind kind, int concurrency, Func<bool, Action?, Task<Listing>> list)
    {
        public string Name { get; } = name;

        public Kind Kind { get; } = kind;

        public int Concurrency { get; } = concurrency;

        /// <summary>Lists everything: collect ids or not, and an optional callback per invoice.</summary>
        public Func<bool, Action?, Task<Listing>> List { get; } = list;

        public IInvoiceStore? Invoices { get; init; }

        public List<Sample> Samples { get; } = [];

        public TimeSpan MedianWall => Median(Samples.Select(s => s.Wall));

        public TimeSpan MedianProcessWall => Median(Samples.Select(s => s.Node?.ProcessWall ?? s.Wall));

        public TimeSpan MedianClientCpu => Median(Samples.Select(s => s.ClientCpu));

        public TimeSpan MedianServerCpu => Median(Samples.Select(s => s.ServerCpu));

        public string RangeText => string.Create(CultureInfo.InvariantCulture,
            $"{Samples.Min(s => s.Wall).TotalMilliseconds:N0}–{Samples.Max(s => s.Wall).TotalMilliseconds:N0} ms");

        public string ProcessRangeText => string.Create(CultureInfo.InvariantCulture,
            $"{Samples.Min(s => s.Node!.ProcessWall).TotalMilliseconds:N0}–{Samples.Max(s => s.Node!.ProcessWall).TotalMilliseconds:N0} ms");

        /// <summary>Requests per run as logged (one figure when every run agrees), flagged when not one per page.</summary>
        public string RequestsText(ProcessExportSettings settings)
        {
            var min = Samples.Min(s => s.Requests.Requests);
            var max = Samples.Max(s => s.Requests.Requests);
            var text = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min}–{max}";
            var odd = Samples.Any(s => s.Requests.DistinctPages != settings.Pages || s.Requests.Failed > 0);
            return odd ? text + " (!)" : text;
        }
    }

    /// <summary>The Ledgerline stacks and the other modes against one sandbox process.</summary>
    private sealed class Modes(List<Mode> all, List<ServiceProvider> stacks, PlainPageLoop plain) : IAsyncDisposable
    {
        public IReadOnlyList<Mode> All { get; } = all;

        public async ValueTask DisposeAsync()
        {
            plain.Dispose();
            foreach (var services in stacks)
            {
                await services.DisposeAsync();
            }
        }
    }

    private sealed class Context(ProcessExportSettings settings, TextWriter output, bool node, CancellationToken cancellationToken)
    {
        public async Task<SandboxProcess> StartSandboxAsync(TimeSpan latency)
        {
            var clock = Stopwatch.StartNew();
            var sandbox = await SandboxProcess.StartAsync(settings.Invoices, settings.LinesPerInvoice, latency, SampleBodies.FixedNow, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sandbox process {sandbox.ProcessId} on {sandbox.BaseAddress} ({(latency > TimeSpan.Zero ? $"--fault latency:{latency.TotalMilliseconds:F0}ms@/accounting" : "no added latency")}), " +
                $"started and seeded in {clock.Elapsed.TotalSeconds:F1} s"));
            return sandbox;
        }

        /// <summary>
        /// Node, plain loop and one Ledgerline service provider per c, each with its own token pair; with
        /// <paramref name="attribution"/>, also Ledgerline c = 1 without the raw form.
        /// </summary>
        public async Task<Modes> OpenModesAsync(SandboxProcess sandbox, bool attribution)
        {
            var plainTokens = await sandbox.IssueTokensAsync(cancellationToken);
            var (accountId, _) = await sandbox.PrimaryBusinessAsync(plainTokens.AccessToken, cancellationToken);
            var modes = new List<Mode>();
            if (node)
            {
                var nodeTokens = await sandbox.IssueTokensAsync(cancellationToken);
                modes.Add(new Mode("Node SDK loop (@freshbooks/api)", Kind.Node, 1, async (_, _) =>
                {
                    var run = await NodeSdkLoop.RunAsync(sandbox.BaseAddress, nodeTokens.AccessToken, accountId, cancellationToken);
                    return new Listing(run.Report.Invoices, run.Report.Distinct, run);
                }));
            }

            var plain = new PlainPageLoop(sandbox.BaseAddress, accountId, plainTokens.AccessToken);
            modes.Add(new Mode("plain C# loop (HttpClient + STJ)", Kind.Plain, 1, async (collect, probe) =>
            {
                var ids = collect ? new HashSet<long>() : null;
                var (count, _) = await plain.RunAsync(
                    id =>
                    {
                        ids?.Add(id);
                        probe?.Invoke();
                    },
                    cancellationToken);
                return new Listing(count, ids?.Count ?? count);
            }));

            var stacks = new List<ServiceProvider>();
            var variants = settings.Concurrency.Select(c => (Kind.Ledgerline, c, Name: "Ledgerline ListAsync")).ToList();
            if (attribution)
            {
                variants.Add((Kind.LedgerlineNoRaw, 1, "Ledgerline ListAsync, KeepRawRepresentation = false"));
            }

            foreach (var (kind, c, name) in variants)
            {
                var services = BenchmarkLedger.Build(sandbox.BaseAddress, configure: o =>
                {
                    o.PageConcurrency = c;
                    o.KeepRawRepresentation = kind != Kind.LedgerlineNoRaw;
                });
                stacks.Add(services);
                var tokens = await sandbox.IssueTokensAsync(cancellationToken);
                var connector = services.GetRequiredService<FreshBooksConnector>();
                var grant = await connector.ImportTokensAsync(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scopes, cancellationToken);
                var business = grant.Businesses.First(b => b.AccountId == accountId);
                await connector.ConnectAsync(BenchmarkLedger.ConnectionId, grant, business, cancellationToken);
                var invoices = services.GetRequiredService<IInvoiceStore>();
                modes.Add(new Mode(name, kind, c, async (collect, probe) =>
                {
                    var ids = collect ? new HashSet<long>() : null;
                    var count = 0;
                    await foreach (var invoice in invoices.ListAsync(cancellationToken: cancellationToken))
                    {
                        count++;
                        ids?.Add(ExportChild.NumericId(invoice.Id));
                        probe?.Invoke();
                    }

                    return new Listing(count, ids?.Count ?? count);
                })
                { Invoices = invoices });
            }

            return new Modes(modes, stacks, plain);
        }

        /// <summary>Every mode once, untimed, checked by id (the first listing also warms JIT, pools and the sandbox).</summary>
        public async Task CorrectnessPassAsync(SandboxProcess sandbox, Modes modes)
        {
            var clock = Stopwatch.StartNew();
            foreach (var mode in modes.All)
            {
                await sandbox.TakeAccountingRequestsAsync(cancellationToken);
                var listing = await mode.List(true, null);
                Check($"{mode.Name} c={mode.Concurrency}", listing.Count, listing.Distinct, settings.Invoices);
                var logged = await sandbox.TakeAccountingRequestsAsync(cancellationToken);
                output.WriteLine(
                    $"  correctness: {mode.Name} c={mode.Concurrency}: {listing.Count} invoices, {listing.Distinct} distinct ids, " +
                    $"{logged.Requests} requests for {logged.DistinctPages} distinct pages, {logged.Failed} failed");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Correctness pass (every mode, every id once) in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        /// <summary>Untimed listings per C# mode (JIT tiers, connections to this sandbox, token cache); Node starts fresh every run anyway.</summary>
        public async Task WarmUpAsync(SandboxProcess sandbox, Modes modes, int listings)
        {
            var clock = Stopwatch.StartNew();
            foreach (var mode in modes.All.Where(m => m.Kind != Kind.Node))
            {
                for (var i = 0; i < listings; i++)
                {
                    var listing = await mode.List(false, null);
                    Check($"{mode.Name} c={mode.Concurrency} (warm-up)", listing.Count, listing.Distinct, settings.Invoices);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            await sandbox.TakeAccountingRequestsAsync(cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up ({listings} listing(s) per C# mode) in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        /// <summary>R rounds; each round runs every mode once, in order, so that drift in the machine's load spreads evenly.</summary>
        public async Task RoundsAsync(SandboxProcess sandbox, Modes modes)
        {
            for (var round = 1; round <= settings.Repeat; round++)
            {
                foreach (var mode in modes.All)
                {
                    await sandbox.TakeAccountingRequestsAsync(cancellationToken);
                    if (mode.Kind != Kind.Node)
                    {
                        MemorySampler.Settle();
                    }

                    using var self = Process.GetCurrentProcess();
                    var cpuBefore = self.TotalProcessorTime;
                    var serverBefore = sandbox.ProcessorTime;
                    var clock = Stopwatch.StartNew();
                    var listing = await mode.List(true, null);
                    clock.Stop();
                    var server = sandbox.ProcessorTime - serverBefore;
                    self.Refresh();
                    var cpu = self.TotalProcessorTime - cpuBefore;
                    Check($"{mode.Name} c={mode.Concurrency}", listing.Count, listing.Distinct, settings.Invoices);
                    var logged = await sandbox.TakeAccountingRequestsAsync(cancellationToken);
                    var run = listing.Node;
                    var sample = run is not null
                        ? new Sample(TimeSpan.FromMilliseconds(run.Report.LoopMs), TimeSpan.FromMilliseconds(run.Report.CpuMs), server, logged, run)
                        : new Sample(clock.Elapsed, cpu, server, logged, null);
                    mode.Samples.Add(sample);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round}: {mode.Name} c={mode.Concurrency}: {Ms(sample.Wall)}" +
                        $"{(run is null ? "" : $" (node process {Ms(run.ProcessWall)})")}, client CPU {Ms(sample.ClientCpu)}, sandbox CPU {Ms(server)}, " +
                        $"{logged.Requests} requests / {logged.DistinctPages} pages{(logged.Failed > 0 ? $", {logged.Failed} failed" : "")} (load {MachineInfo.LoadAverage()})"));
                }
            }
        }

        /// <summary>R fresh processes each of the plain loop and Ledgerline c = 1, alternating, timed from start to exit.</summary>
        public async Task<IReadOnlyList<ColdMode>> ColdStartsAsync(SandboxProcess sandbox)
        {
            var tokens = await sandbox.IssueTokensAsync(cancellationToken);
            var (accountId, businessId) = await sandbox.PrimaryBusinessAsync(tokens.AccessToken, cancellationToken);
            var dll = typeof(ProcessExportBenchmark).Assembly.Location;
            var modes = new List<ColdMode>
            {
                new("plain C# loop (HttpClient + STJ)", Kind.Plain, "plain", dll),
                new("Ledgerline ListAsync, c = 1", Kind.Ledgerline, "ledgerline", dll),
            };
            if (settings.ReadyToRunDirectory is { } r2r)
            {
                var published = Path.Combine(r2r, Path.GetFileName(dll));
                if (!File.Exists(published))
                {
                    throw new InvalidOperationException($"--r2r-dir: {published} does not exist (publish with -p:PublishReadyToRun=true first).");
                }

                modes.Add(new("plain C# loop (HttpClient + STJ), ReadyToRun publish", Kind.Plain, "plain", published, Deployment.ReadyToRun));
                modes.Add(new("Ledgerline ListAsync, c = 1, ReadyToRun publish", Kind.Ledgerline, "ledgerline", published, Deployment.ReadyToRun));
            }

            if (settings.NativeAotDirectory is { } aot)
            {
                var executable = Path.Combine(aot, Path.GetFileNameWithoutExtension(dll));
                if (!File.Exists(executable))
                {
                    throw new InvalidOperationException($"--aot-dir: {executable} does not exist (publish with -p:PublishAot=true first; see benchmarks/README.md).");
                }

                modes.Add(new("plain C# loop (HttpClient + STJ), Native AOT publish", Kind.Plain, "plain", executable, Deployment.NativeAot));
                modes.Add(new("Ledgerline ListAsync, c = 1, Native AOT publish", Kind.Ledgerline, "ledgerline", executable, Deployment.NativeAot));
            }

            // One untimed start of each first, so that the files are in the page cache as after any earlier run.
            for (var round = 0; round <= settings.Repeat; round++)
            {
                foreach (var mode in modes)
                {
                    var native = mode.Deployment == Deployment.NativeAot;
                    var start = new ProcessStartInfo(native ? mode.Dll : DotnetHost.Path)
                    {
                        RedirectStandardOutput = true,
                        RedirectStandardError = true,
                        UseShellExecute = false,
                        WorkingDirectory = Path.GetDirectoryName(mode.Dll)!,
                    };
                    if (!native)
                    {
                        start.ArgumentList.Add(mode.Dll);
                    }

                    start.ArgumentList.Add(ExportChild.Command);
                    start.ArgumentList.Add(mode.Argument);
                    start.Environment[ExportChild.EnvUrl] = sandbox.BaseAddress.ToString();
                    start.Environment[ExportChild.EnvAccount] = accountId;
                    start.Environment[ExportChild.EnvBusiness] = businessId.ToString(CultureInfo.InvariantCulture);
                    start.Environment[ExportChild.EnvAccess] = tokens.AccessToken;
                    start.Environment[ExportChild.EnvRefresh] = tokens.RefreshToken;
                    start.Environment[ExportChild.EnvExpires] = tokens.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    await sandbox.TakeAccountingRequestsAsync(cancellationToken);
                    MemorySampler.Settle();
                    var clock = Stopwatch.StartNew();
                    using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
                    var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
                    var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                    await process.WaitForExitAsync(cancellationToken);
                    clock.Stop();
                    if (process.ExitCode != 0)
                    {
                        throw new InvalidOperationException($"{mode.Name} child failed (exit {process.ExitCode}): {(await stderr).Trim()}");
                    }

                    var line = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
                    var report = System.Text.Json.JsonSerializer.Deserialize<ChildReport>(line) ?? throw new InvalidOperationException($"Unreadable child report: {line}");
                    Check($"{mode.Name} (cold)", report.Invoices, report.Distinct, settings.Invoices);
                    var logged = await sandbox.TakeAccountingRequestsAsync(cancellationToken);
                    if (round == 0)
                    {
                        output.WriteLine($"  cold start, untimed first start: {mode.Name}: {Ms(clock.Elapsed)}");
                        continue;
                    }

                    mode.Runs.Add(new ColdRun(clock.Elapsed, report));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  cold start {round}: {mode.Name}: {Ms(clock.Elapsed)} (in Main {Ms(report.MainMs)}: setup {Ms(report.SetupMs)}" +
                        $"{(mode.Kind == Kind.Ledgerline ? $" = build {Ms(report.BuildMs)} + connect {Ms(report.ConnectMs)} + Mapster config {Ms(report.MappingMs)} + resolve {Ms(report.ResolveMs)}" : "")}, " +
                        $"listing {Ms(report.ListMs)}; CPU {Ms(report.CpuMs)}), {logged.Requests} requests (load {MachineInfo.LoadAverage()})"));
                }
            }

            return modes;
        }

        /// <summary>Peak live set while streaming (a full collection every 100 invoices, untimed), and the materialized size.</summary>
        public async Task MemoryAsync(Modes modes)
        {
            output.WriteLine();
            output.WriteLine("Memory, no added latency (client process only; the sandbox is another process):");
            foreach (var mode in modes.All.Where(m => m.Kind != Kind.Node))
            {
                var baseline = MemorySampler.Settle();
                long peak = 0;
                var seen = 0;
                var listing = await mode.List(false, () =>
                {
                    if (++seen % LiveProbeEvery == LiveProbeEvery / 2)
                    {
                        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                    }
                });
                Check(mode.Name, listing.Count, listing.Distinct, settings.Invoices);
                output.WriteLine($"- {mode.Name} c={mode.Concurrency}: peak live set while streaming − base {Mib(peak - baseline)}");
            }

            var materializing = modes.All.Where(m => m.Invoices is not null).OrderBy(m => Math.Abs(m.Concurrency - 4)).FirstOrDefault();
            if (materializing is not null)
            {
                var (retained, canonicalOnly) = await ExportBenchmark.MaterializedAsync(materializing.Invoices!, settings.Invoices, cancellationToken);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"- whole data set materialized (ListAsync into a List<Invoice>, c={materializing.Concurrency}, after a full GC): {Mib(retained)} " +
                    $"({retained / settings.Invoices:N0} B per invoice); without RawRepresentation: {Mib(canonicalOnly)} ({canonicalOnly / settings.Invoices:N0} B per invoice)"));
            }

            output.WriteLine($"- this process: {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        }
    }
}
