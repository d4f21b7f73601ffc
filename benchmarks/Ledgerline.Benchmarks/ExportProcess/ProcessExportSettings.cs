using System.Globalization;

namespace Ledgerline.Benchmarks.ExportProcess;

/// <summary>
/// The command line of <c>export-process [--quick] [--invoices N] [--latency-ms 50,150] [--repeat R] [--concurrency 1,4,8]
/// [--no-node] [--r2r-dir DIR] [--aot-dir DIR]</c>. <c>--quick</c> sets 2,003 invoices, 20 ms and one run per row; explicit options win.
/// </summary>
internal sealed record ProcessExportSettings
{
    /// <summary>Invoices seeded in the sandbox (5 lines each). 10,003 makes the last page a short one.</summary>
    public int Invoices { get; init; } = 10_003;

    /// <summary>The latencies the sandbox adds to every accounting request, one sandbox process per value.</summary>
    public IReadOnlyList<TimeSpan> Latencies { get; init; } = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150)];

    /// <summary>Timed runs per row (and cold starts per mode); the tables show the median and the range.</summary>
    public int Repeat { get; init; } = 5;

    /// <summary>The <see cref="FreshBooks.FreshBooksOptions.PageConcurrency"/> values measured.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 4, 8];

    /// <summary>Whether the official Node SDK's loop runs (<c>--no-node</c> leaves it out).</summary>
    public bool Node { get; init; } = true;

    /// <summary>
    /// A folder holding this benchmark published ReadyToRun (<c>--r2r-dir DIR</c>): its dll's cold starts are timed as extra,
    /// labelled rows next to the JIT ones; not a replacement for them.
    /// </summary>
    public string? ReadyToRunDirectory { get; init; }

    /// <summary>
    /// A folder holding this benchmark published Native AOT (<c>--aot-dir DIR</c>): its executable's cold starts are timed
    /// as extra, labelled rows next to the JIT ones; not a replacement for them.
    /// </summary>
    public string? NativeAotDirectory { get; init; }

    /// <summary>Whether <c>--quick</c> was given.</summary>
    public bool Quick { get; init; }

    /// <summary>Lines per seeded invoice.</summary>
    public int LinesPerInvoice { get; init; } = 5;

    /// <summary>Pages of 100 the listing takes.</summary>
    public int Pages => (Invoices + 99) / 100;

    /// <summary>Parses the arguments that follow <c>export-process</c>.</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is invalid.</exception>
    public static ProcessExportSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Contains("--quick", StringComparer.Ordinal)
            ? new ProcessExportSettings { Quick = true, Invoices = 2_003, Latencies = [TimeSpan.FromMilliseconds(20)], Repeat = 1 }
            : new ProcessExportSettings();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--no-node":
                    settings = settings with { Node = false };
                    break;
                case "--invoices":
                    settings = settings with { Invoices = List(args, ref i, 1, 1_000_000).Single() };
                    break;
                case "--repeat":
                    settings = settings with { Repeat = List(args, ref i, 1, 100).Single() };
                    break;
                case "--latency-ms":
                    settings = settings with { Latencies = [.. List(args, ref i, 1, 10_000).Distinct().Select(ms => TimeSpan.FromMilliseconds(ms))] };
                    break;
                case "--aot-dir":
                    settings = settings with
                    {
                        NativeAotDirectory = i + 1 < args.Count ? Path.GetFullPath(args[++i]) : throw new ArgumentException("Option --aot-dir needs a folder.", nameof(args)),
                    };
                    break;
                case "--r2r-dir":
                    settings = settings with
                    {
                        ReadyToRunDirectory = i + 1 < args.Count ? Path.GetFullPath(args[++i]) : throw new ArgumentException("Option --r2r-dir needs a folder.", nameof(args)),
                    };
                    break;
                case "--concurrency":
                    settings = settings with { Concurrency = [.. List(args, ref i, 1, 16).Distinct()] };
                    break;
                default:
                    throw new ArgumentException($"Unknown export-process option '{args[i]}'.", nameof(args));
            }
        }

        return settings;
    }

    private static int[] List(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"Option {name} needs a value.", nameof(args));
        }

        var values = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw new ArgumentException($"Option {name} takes integers from {min} to {max}.", nameof(args)))
            .ToArray();
        return values.Length > 0 && (values.Length == 1 || name is "--latency-ms" or "--concurrency")
            ? values
            : throw new ArgumentException($"Option {name} needs {(name is "--latency-ms" or "--concurrency" ? "one or more comma-separated values" : "one value")}.", nameof(args));
    }
}
