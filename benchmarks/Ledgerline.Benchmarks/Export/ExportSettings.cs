using System.Globalization;

namespace Ledgerline.Benchmarks.Export;

/// <summary>
/// The export benchmark's command line: <c>export [--quick] [--invoices N] [--latency-ms L] [--repeat R]
/// [--concurrency 1,2,4,8]</c>. <c>--quick</c> sets 2,000 invoices, 20 ms and one repetition; explicit options win.
/// </summary>
internal sealed record ExportSettings
{
    /// <summary>Invoices seeded in the sandbox (5 lines each).</summary>
    public int Invoices { get; init; } = 10_000;

    /// <summary>Latency the sandbox adds to every accounting request.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Measured runs per row; the table shows the median wall time.</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>The <see cref="FreshBooks.FreshBooksOptions.PageConcurrency"/> values measured.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 2, 4, 8];

    /// <summary>Whether <c>--quick</c> was given.</summary>
    public bool Quick { get; init; }

    /// <summary>Lines per seeded invoice.</summary>
    public int LinesPerInvoice { get; init; } = 5;

    /// <summary>Parses the arguments that follow <c>export</c>.</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is invalid.</exception>
    public static ExportSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        var settings = quick
            ? new ExportSettings { Quick = true, Invoices = 2_000, Latency = TimeSpan.FromMilliseconds(20), Repeat = 1 }
            : new ExportSettings();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--invoices":
                    settings = settings with { Invoices = Positive(args, ref i) };
                    break;
                case "--latency-ms":
                    settings = settings with { Latency = TimeSpan.FromMilliseconds(NonNegative(args, ref i)) };
                    break;
                case "--repeat":
                    settings = settings with { Repeat = Positive(args, ref i) };
                    break;
                case "--concurrency":
                    settings = settings with
                    {
                        Concurrency = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 16
                                ? n
                                : throw new ArgumentException("--concurrency takes values from 1 to 16, e.g. 1,2,4,8.", nameof(args)))
                            .ToArray(),
                    };
                    break;
                default:
                    throw new ArgumentException($"Unknown export option '{args[i]}'.", nameof(args));
            }
        }

        return settings;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.", nameof(args));

    private static int NonNegative(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        return int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"Option {name} needs a non-negative integer.", nameof(args));
    }

    private static int Positive(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var n = NonNegative(args, ref i);
        return n > 0 ? n : throw new ArgumentException($"Option {name} needs a positive integer.", nameof(args));
    }
}
