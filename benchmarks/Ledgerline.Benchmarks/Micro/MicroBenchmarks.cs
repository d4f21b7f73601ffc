using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// Runs the BenchmarkDotNet suites. Benchmarks run in-process (emit toolchain): no generated project is built per run,
/// so a run starts in seconds on a busy machine and is not affected by the repository's build rules. <c>--quick</c>
/// selects BenchmarkDotNet's ShortRun job (3 warm-up and 3 measured iterations) with 200 ms iterations. Without <c>--filter</c>, every benchmark
/// runs (no interactive prompt).
/// </summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--quick").ToList();
        if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--allCategories" or "--anyCategories" or "--help"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        var job = (quick ? Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(200)) : Job.Default)
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run([.. rest], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
