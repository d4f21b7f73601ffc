using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledgerline.Benchmarks.Export;
using Ledgerline.Benchmarks.Support;
using Ledgerline.FreshBooks.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.ExportProcess;

/// <summary>
/// The hidden <c>export-child plain|ledgerline</c> sub-command: a fresh process that lists every invoice once and exits,
/// for the cold-start measurement. The parent passes the sandbox URL, account and tokens in the environment
/// (<see cref="EnvUrl"/> and the others) and times the process from start to exit; the child prints one JSON line with
/// its own phases (<see cref="ChildReport"/>).
/// </summary>
/// <remarks>
/// The Ledgerline child stores its connection straight into the connection store (as an app that already connected
/// loads it from its store) instead of importing tokens, which would add an identity request the plain child does not
/// make. Both children collect the ids they list, so a cold run is checked like any other.
/// </remarks>
internal static class ExportChild
{
    public const string Command = "export-child";
    public const string EnvUrl = "LEDGERLINE_BENCH_API_URL";
    public const string EnvAccount = "LEDGERLINE_BENCH_ACCOUNT_ID";
    public const string EnvBusiness = "LEDGERLINE_BENCH_BUSINESS_ID";
    public const string EnvAccess = "LEDGERLINE_BENCH_ACCESS_TOKEN";
    public const string EnvRefresh = "LEDGERLINE_BENCH_REFRESH_TOKEN";
    public const string EnvExpires = "LEDGERLINE_BENCH_EXPIRES_AT";

    /// <summary>Runs the child; <paramref name="programStart"/> is the <see cref="Stopwatch"/> timestamp taken first thing in Main.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, long programStart)
    {
        if (args.Count != 1 || args[0] is not ("plain" or "ledgerline"))
        {
            await Console.Error.WriteLineAsync($"usage: {Command} plain|ledgerline (with the {EnvUrl}… environment set by export-process)");
            return 2;
        }

        var url = new Uri(Required(EnvUrl));
        var account = Required(EnvAccount);
        var access = Required(EnvAccess);
        var setupStart = Stopwatch.GetTimestamp();
        long listStart;
        long built = 0;
        long connected = 0;
        long mapped = 0;
        long first = 0;
        var setupJit = TimeSpan.Zero;
        int count;
        int distinct;
        if (args[0] == "plain")
        {
            using var plain = new PlainPageLoop(url, account, access);
            var ids = new HashSet<long>();
            listStart = Stopwatch.GetTimestamp();
            setupJit = System.Runtime.JitInfo.GetCompilationTime();
            (count, _) = await plain.RunAsync(id =>
            {
                if (first == 0)
                {
                    first = Stopwatch.GetTimestamp();
                }

                ids.Add(id);
            });
            distinct = ids.Count;
        }
        else
        {
            await using var services = BenchmarkLedger.Build(url, configure: o => o.PageConcurrency = 1);
            built = Stopwatch.GetTimestamp();
            await BenchmarkLedger.ConnectAsync(
                services, account, int.Parse(Required(EnvBusiness), CultureInfo.InvariantCulture), access, Required(EnvRefresh),
                DateTimeOffset.FromUnixTimeSeconds(long.Parse(Required(EnvExpires), CultureInfo.InvariantCulture)));
            connected = Stopwatch.GetTimestamp();

            // Attribution only (LEDGERLINE_BENCH_WARM=config): building the adapter's Mapster configuration here splits its
            // cost out. Left alone, the listing builds it on a thread-pool thread beside its first request
            // (LedgerMapper.Prepare). A Native AOT publish maps with the mappings written as code and never builds it.
            if (RuntimeFeature.IsDynamicCodeSupported
                && Environment.GetEnvironmentVariable("LEDGERLINE_BENCH_WARM") is { } warmConfig
                && warmConfig.Contains("config", StringComparison.Ordinal))
            {
                _ = FreshBooksMapping.Config;
            }

            mapped = Stopwatch.GetTimestamp();
            if (Environment.GetEnvironmentVariable("LEDGERLINE_BENCH_WARM") is { } warm)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (warm.Contains("validator"))
                {
                    _ = services.GetRequiredService<FluentValidation.IValidator<InvoiceQuery>>().Validate(new InvoiceQuery());
                    Console.Error.WriteLine($"validator {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0}");
                }

                if (warm.Contains("parse"))
                {
                    using var http = new HttpClient();
                    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
                    var bytes = await http.GetByteArrayAsync(new Uri(url, $"accounting/account/{account}/invoices/invoices?page=1&per_page=100&include[]=lines"));
                    t0 = Stopwatch.GetTimestamp();
                    var response = new Ledgerline.FreshBooks.Http.FreshBooksResponse(new Ledgerline.FreshBooks.Errors.FreshBooksCall(EntityKind.Invoice, "list", BenchmarkLedger.ConnectionId), 200, bytes);
                    var answer = Ledgerline.FreshBooks.Api.FreshBooksEnvelope.Deserialize<Ledgerline.FreshBooks.Api.AccountingEnvelope<Ledgerline.FreshBooks.Api.InvoiceResult>>(response);
                    Console.Error.WriteLine($"parse {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0}");
                    if (warm.Contains("map"))
                    {
                        var mapper = warm.Contains("explicit") ? new Ledgerline.Mapping.LedgerMapper<FreshBooksMapping>(explicitOnly: true) : FreshBooksMapping.Mapper;
                        t0 = Stopwatch.GetTimestamp();
                        var path = Ledgerline.FreshBooks.Stores.AccountingEntities.Invoices.Path;
                        var page = Ledgerline.FreshBooks.Api.FreshBooksEnvelope.Page<Ledgerline.FreshBooks.Api.InvoiceWire, Invoice>(response, Ledgerline.FreshBooks.Api.FreshBooksEnvelope.Result(answer, path), path, true,
                            wire => mapper.Map<Ledgerline.FreshBooks.Api.InvoiceWire, Invoice>(wire));
                        Console.Error.WriteLine($"map {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0} {page.Items.Count}");
                    }
                }
            }

            var invoices = services.GetRequiredService<IInvoiceStore>();
            var ids = new HashSet<long>();
            count = 0;
            listStart = Stopwatch.GetTimestamp();
            setupJit = System.Runtime.JitInfo.GetCompilationTime();
            await foreach (var invoice in invoices.ListAsync())
            {
                if (first == 0)
                {
                    first = Stopwatch.GetTimestamp();
                }

                count++;
                ids.Add(NumericId(invoice.Id));
            }

            distinct = ids.Count;
        }

        var end = Stopwatch.GetTimestamp();
        using var self = Process.GetCurrentProcess();
        var report = new ChildReport
        {
            Invoices = count,
            Distinct = distinct,
            MainMs = Stopwatch.GetElapsedTime(programStart, end).TotalMilliseconds,
            SetupMs = Stopwatch.GetElapsedTime(setupStart, listStart).TotalMilliseconds,
            BuildMs = built == 0 ? 0 : Stopwatch.GetElapsedTime(setupStart, built).TotalMilliseconds,
            ConnectMs = connected == 0 ? 0 : Stopwatch.GetElapsedTime(built, connected).TotalMilliseconds,
            MappingMs = mapped == 0 ? 0 : Stopwatch.GetElapsedTime(connected, mapped).TotalMilliseconds,
            ResolveMs = mapped == 0 ? 0 : Stopwatch.GetElapsedTime(mapped, listStart).TotalMilliseconds,
            FirstMs = first == 0 ? 0 : Stopwatch.GetElapsedTime(listStart, first).TotalMilliseconds,
            ListMs = Stopwatch.GetElapsedTime(listStart, end).TotalMilliseconds,
            CpuMs = self.TotalProcessorTime.TotalMilliseconds,
            JitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            JitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(),
            SetupJitMs = setupJit.TotalMilliseconds,
            MaxRssKiB = self.PeakWorkingSet64 / 1024,
        };
        Console.WriteLine(JsonSerializer.Serialize(report, ColdJsonContext.Default.ChildReport));
        return 0;
    }

    /// <summary>
    /// A FreshBooks invoice id (a decimal integer in the canonical string) as the number the plain loop collects, so both
    /// children check "every invoice once" with the same bookkeeping: a set of 10,003 numbers. Collected as strings, the
    /// set kept 10,003 id strings alive through the listing and charged its hashing and the collector's work on them to
    /// Ledgerline.
    /// </summary>
    public static long NumericId(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set.");
}

/// <summary>The child's JSON line: what it listed and where its time went (milliseconds).</summary>
internal sealed record ChildReport
{
    [JsonPropertyName("invoices")]
    public int Invoices { get; init; }

    [JsonPropertyName("distinct")]
    public int Distinct { get; init; }

    /// <summary>From the first line of Main to the end of the listing.</summary>
    [JsonPropertyName("mainMs")]
    public double MainMs { get; init; }

    /// <summary>Building the HttpClient or the service provider, and storing the connection.</summary>
    [JsonPropertyName("setupMs")]
    public double SetupMs { get; init; }

    /// <summary>Ledgerline: <c>AddLedgerline().AddFreshBooks(…)</c> and <c>BuildServiceProvider()</c>.</summary>
    [JsonPropertyName("buildMs")]
    public double BuildMs { get; init; }

    /// <summary>Ledgerline: storing the connection (<c>IConnectionStore</c>, in memory).</summary>
    [JsonPropertyName("connectMs")]
    public double ConnectMs { get; init; }

    /// <summary>Ledgerline: the first use of <c>FreshBooksMapping.Config</c> (builds and compiles every Mapster mapping).</summary>
    [JsonPropertyName("mappingMs")]
    public double MappingMs { get; init; }

    /// <summary>Ledgerline: resolving <see cref="IInvoiceStore"/> (constructs the adapter's stores and clients).</summary>
    [JsonPropertyName("resolveMs")]
    public double ResolveMs { get; init; }

    /// <summary>From the start of the listing to the first invoice.</summary>
    [JsonPropertyName("firstMs")]
    public double FirstMs { get; init; }

    /// <summary>The whole listing.</summary>
    [JsonPropertyName("listMs")]
    public double ListMs { get; init; }

    /// <summary>The process's CPU time up to the end of the listing (runtime start, JIT and GC included).</summary>
    [JsonPropertyName("cpuMs")]
    public double CpuMs { get; init; }

    /// <summary>Time the JIT spent compiling, whole process up to the end of the listing (<c>JitInfo.GetCompilationTime</c>; tier-1 recompiles on the background thread included).</summary>
    [JsonPropertyName("jitMs")]
    public double JitMs { get; init; }

    /// <summary>Methods the JIT compiled, every tier (<c>JitInfo.GetCompiledMethodCount</c>).</summary>
    [JsonPropertyName("jitMethods")]
    public long JitMethods { get; init; }

    /// <summary>JIT time up to the start of the listing.</summary>
    [JsonPropertyName("setupJitMs")]
    public double SetupJitMs { get; init; }

    /// <summary>Peak resident set.</summary>
    [JsonPropertyName("maxRssKiB")]
    public long MaxRssKiB { get; init; }
}
