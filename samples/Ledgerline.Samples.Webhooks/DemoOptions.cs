using System.Globalization;

namespace Ledgerline.Samples.Webhooks;

/// <summary>Command-line options: <c>--keep-listening</c>, <c>--port N</c>, <c>--timeout SECONDS</c>.</summary>
internal sealed record DemoOptions
{
    /// <summary>After the demo, keep receiving (Ctrl+C stops); otherwise exit once the expected events arrived.</summary>
    public bool KeepListening { get; init; }

    /// <summary>The receiver's port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How long to wait for the verifications and the deliveries.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DemoOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--keep-listening" => options with { KeepListening = true },
                "--port" when i + 1 < args.Count => options with { Port = int.Parse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture) },
                "--timeout" when i + 1 < args.Count => options with
                {
                    Timeout = TimeSpan.FromSeconds(int.Parse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture)),
                },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --keep-listening, --port N, --timeout SECONDS."),
            };
        }

        return options;
    }
}
