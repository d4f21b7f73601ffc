using System.CommandLine;
using System.Globalization;
using Ledgerline.Sandboxes;
using Ledgerline.Xero.Sandbox.Faults;
using static Ledgerline.Sandboxes.SandboxOption<Ledgerline.Xero.Sandbox.XeroSandboxOptions>;

namespace Ledgerline.Xero.Sandbox;

/// <summary>
/// The sandbox tool's command line, on System.CommandLine: every option is defined once, in <see cref="Definitions"/>, with
/// its help text, its validation and what it sets on <see cref="XeroSandboxOptions"/>; <c>--help</c> (<c>-h</c>, <c>-?</c>)
/// is generated from them. A command line that does not parse is answered with messages naming the option and exit code
/// <see cref="InvalidArguments"/>, before the sandbox starts.
/// </summary>
public static class XeroSandboxCommandLine
{
    /// <summary>The exit code for a command line that does not parse (an unknown option, a missing or invalid value).</summary>
    public const int InvalidArguments = SandboxCommandLine<XeroSandboxOptions>.InvalidArguments;

    /// <summary>What the tool is: the top of <c>--help</c>.</summary>
    public const string Description = "Ledgerline Xero sandbox: a local server that behaves like Xero's identity service and Accounting API.";

    private static readonly SandboxCommandLine<XeroSandboxOptions> CommandLine =
        new(Description, () => new XeroSandboxOptions { PrintBanner = true }, Definitions);

    // Every option of the tool, in the order --help lists them: add an option here and it is parsed, validated, bound and
    // listed in the help (Text, Texts, Count, Duration, Flag and Value are in SandboxOption).
    private static IEnumerable<SandboxOption<XeroSandboxOptions>> Definitions() =>
    [
        Text("--urls", "URL", "listen address (default http://127.0.0.1:5090)", (o, v) => o.Urls = v),
        Text("--client-id", "ID", "the registered app's client id", (o, v) => o.ClientId = v),
        Text("--client-secret", "SECRET", "the registered app's client secret", (o, v) => o.ClientSecret = v),
        Text("--app-name", "NAME", "consent page title and ProviderName in responses", (o, v) => o.AppName = v),
        Texts("--redirect-uri", "URI", "extra redirect URI accepted verbatim (repeatable)", (o, v) => o.RedirectUris.Add(v)),
        Flag("--no-loopback-redirects", "stop accepting every localhost / 127.0.0.1 / [::1] redirect URI", o => o.AllowLoopbackRedirectUris = false),
        Count("--seed", "seed of generated ids and data (default 20260302)", (o, v) => o.Seed = v, MaxCount),
        Count("--seed-contacts", "extra deterministic contacts in the primary organisation", (o, v) => o.SeedContacts = v, MaxCount),
        Count("--seed-invoices", "extra deterministic invoices in the primary organisation", (o, v) => o.SeedInvoices = v, MaxCount),
        Count("--lines-per-invoice", "lines on each seeded invoice (default 3)", (o, v) => o.LinesPerInvoice = v, MaxCount),
        Flag("--no-default-data", "start with no contacts or invoices (accounts and tax rates remain)", o => o.SeedDefaultData = false),
        Duration("--access-token-lifetime", "seconds, 250ms, 1.5s or hh:mm:ss (default 1800)", (o, v) => o.AccessTokenLifetime = v),
        Duration("--refresh-token-lifetime", "unused refresh token lifetime (default 60 days)", (o, v) => o.RefreshTokenLifetime = v),
        Duration("--refresh-grace", "reuse grace of a spent refresh token (default 1800)", (o, v) => o.RefreshTokenReuseGrace = v),
        Flag("--no-rate-limits", "send the limit headers but never answer 429", o => o.RateLimits.Enabled = false),
        Count("--rate-limit-minute", "calls per tenant per minute (default 60)", (o, v) => o.RateLimits.PerMinute = v, MaxCount),
        Count("--rate-limit-day", "calls per tenant per day (default 5000)", (o, v) => o.RateLimits.PerDay = v, MaxCount),
        Count("--rate-limit-app-minute", "calls per app per minute across tenants (default 10000)", (o, v) => o.RateLimits.AppPerMinute = v, MaxCount),
        Count("--rate-limit-concurrent", "calls in flight per tenant (default 5)", (o, v) => o.RateLimits.Concurrent = v, MaxCount),
        Value("--fault", "SPEC", "fault rule, repeatable: kind[:value][@/path/prefix][#times][~probability]; kinds: latency:250ms, " +
            "429[:seconds], 429day[:seconds], 500, 502, 503, 504, truncate, malformed, drop, expires-in:none|N|text (e.g. --fault 503@/api.xro#2)",
            FaultRule.Parse, (o, v) => o.Faults.Add(v), repeatable: true),
        Value("--webhook-url", "URL", "the app's webhook URL (loopback only); run intent to receive with " +
            "POST /sandbox/webhook/intent-to-receive before deliveries start", WebhookUrl, (o, v) => o.WebhookUrl = v),
        Text("--webhook-key", "KEY", "its signing key (default: generated from the seed)", (o, v) => o.WebhookSigningKey = v),
        Value("--webhook-retry-delays", "T,T,...", "waits between a failed delivery's attempts (default 1m,5m,15m,30m,1h,2h,4h,8h,8h)",
            RetryDelays, (o, v) =>
            {
                o.WebhookRetryDelays.Clear();
                foreach (var delay in v)
                {
                    o.WebhookRetryDelays.Add(delay);
                }
            }),
        Duration("--webhook-batch-window", "how long changes are gathered into one post (default 500ms)", (o, v) => o.WebhookBatchWindow = v),
        Value("--start-time", "ISO", "initial sandbox time (it keeps running from there)", StartTime, (o, v) => o.StartTime = v),
        Flag("--quiet", "no banner", o => o.PrintBanner = false),
    ];

    /// <summary>The largest count an option takes.</summary>
    private const int MaxCount = 1_000_000;

    /// <summary>The tool's command: every option, <c>--help</c> and <c>--version</c>.</summary>
    /// <param name="run">What runs with the options read, unless the command line asks for help or does not parse.</param>
    public static RootCommand Create(Func<XeroSandboxOptions, CancellationToken, Task<int>> run) => CommandLine.Create(run);

    /// <summary>
    /// Runs the tool: prints the help for <c>--help</c>, or the errors and exit code <see cref="InvalidArguments"/> for a
    /// command line that does not parse, or else runs <paramref name="run"/> and returns its exit code.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="run">Starts the sandbox with the options read and waits for it to stop.</param>
    /// <param name="output">Where the help goes (default standard output).</param>
    /// <param name="error">Where errors go (default standard error).</param>
    /// <param name="cancellationToken">Passed on to <paramref name="run"/>.</param>
    public static Task<int> InvokeAsync(
        IReadOnlyList<string> args, Func<XeroSandboxOptions, CancellationToken, Task<int>> run,
        TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default) =>
        CommandLine.InvokeAsync(args, run, output, error, cancellationToken);

    /// <summary>Reads the options the command line sets (the banner on unless <c>--quiet</c>).</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is missing or invalid; the message says which.</exception>
    public static XeroSandboxOptions Parse(IReadOnlyList<string> args) => CommandLine.Parse(args);

    /// <summary>The generated <c>--help</c> text.</summary>
    public static string HelpText() => CommandLine.HelpText();

    private static SandboxOption<XeroSandboxOptions> Duration(string name, string description, Action<XeroSandboxOptions, TimeSpan> apply) =>
        Value(name, "T", description, v => XeroSandboxOptions.ParseDuration(name, v), apply);

    private static Uri WebhookUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
            ? url
            : throw new FormatException($"Option --webhook-url needs an absolute URL, not '{value}'.");

    private static List<TimeSpan> RetryDelays(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => XeroSandboxOptions.ParseDuration("--webhook-retry-delays", d))];

    private static DateTimeOffset StartTime(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? start
            : throw new FormatException($"Option --start-time needs an ISO 8601 time, not '{value}'.");
}
