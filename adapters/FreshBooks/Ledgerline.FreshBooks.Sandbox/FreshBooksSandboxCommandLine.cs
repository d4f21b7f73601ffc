using System.CommandLine;
using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Faults;
using Ledgerline.Sandboxes;
using static Ledgerline.Sandboxes.SandboxOption<Ledgerline.FreshBooks.Sandbox.SandboxOptions>;

namespace Ledgerline.FreshBooks.Sandbox;

/// <summary>
/// The sandbox tool's command line, on System.CommandLine: every option is defined once, in <see cref="Definitions"/>, with
/// its help text, its validation and what it sets on <see cref="SandboxOptions"/>; <c>--help</c> (<c>-h</c>, <c>-?</c>) is
/// generated from them. A command line that does not parse is answered with messages naming the option and exit code
/// <see cref="InvalidArguments"/>, before the sandbox starts.
/// </summary>
public static class FreshBooksSandboxCommandLine
{
    /// <summary>The exit code for a command line that does not parse (an unknown option, a missing or invalid value).</summary>
    public const int InvalidArguments = SandboxCommandLine<SandboxOptions>.InvalidArguments;

    /// <summary>What the tool is and does: the top of <c>--help</c>.</summary>
    public const string Description = """
        Ledgerline FreshBooks sandbox: a local server that behaves like FreshBooks' API (OAuth, identity, accounting,
        time tracking, projects, webhooks), for running and testing FreshBooks clients with no FreshBooks account.
        (From a clone: dotnet run --project adapters/FreshBooks/Ledgerline.FreshBooks.Sandbox -- [options].)

        On start it prints FRESHBOOKS_API_URL and FRESHBOOKS_AUTH_URL (the same origin) and the app credentials.
        Sandbox-only endpoints: POST /_sandbox/tokens issues a token pair without the consent page (?scope=… narrows it);
        GET /_sandbox/requests lists the requests received (never their tokens).
        """;

    private static readonly SandboxCommandLine<SandboxOptions> CommandLine =
        new(Description, () => new SandboxOptions { PrintBanner = true }, Definitions);

    // Every option of the tool, in the order --help lists them: add an option here and it is parsed, validated, bound and
    // listed in the help (Text, Texts, Count, Flag and Value are in SandboxOption).
    private static IEnumerable<SandboxOption<SandboxOptions>> Definitions() =>
    [
        Text("--urls", "URL", "where to listen (default http://127.0.0.1:5080; port 0 picks a free one)", (o, v) => o.Urls = v),
        Text("--client-id", "ID", "the app's client id (default ledgerline-sandbox)", (o, v) => o.ClientId = v),
        Text("--client-secret", "SECRET", "the app's client secret (default ledgerline-sandbox-secret)", (o, v) => o.ClientSecret = v),
        Text("--app-name", "NAME", "the app name the consent page shows", (o, v) => o.AppName = v),
        Texts("--redirect-uri", "URI", "a registered redirect URI (repeatable)", (o, v) => o.RedirectUris.Add(v)),
        Flag("--no-loopback-redirects", "refuse http://127.0.0.1 / localhost redirect URIs that are not registered", o => o.AllowLoopbackRedirectUris = false),
        Text("--scopes", "SCOPES", "the scopes the app may request, space-separated in one argument (default: every scope)", Scopes),
        Count("--seed-clients", "extra clients in the primary business", (o, v) => o.SeedClients = v),
        Count("--seed-invoices", "extra invoices in the primary business", (o, v) => o.SeedInvoices = v),
        Count("--lines-per-invoice", "lines per seeded invoice (default 5)", (o, v) => o.LinesPerInvoice = v),
        Count("--seed-unpaid-invoices", "only N of the seeded invoices unpaid, the rest paid (default: a quarter each draft, sent, paid, paid in part)",
            (o, v) => o.SeedUnpaidInvoices = v),
        Flag("--no-default-data", "start with empty businesses", o => o.SeedDefaultData = false),
        Value("--access-token-lifetime", "T", "seconds, 250ms, 1.5s or hh:mm:ss (default 43200)",
            v => SandboxOptions.ParseDuration("--access-token-lifetime", v), (o, v) => o.AccessTokenLifetime = v),
        Value("--start-time", "ISO-8601", "the sandbox clock's start (default now)", StartTime, (o, v) => o.StartTime = v),
        Value("--fault", "SPEC", "a fault rule, e.g. 429:2@/accounting or 503@/accounting#1 (repeatable)", FaultRule.Parse, (o, v) => o.Faults.Add(v), repeatable: true),
        Flag("--quiet", "print no banner", o => o.PrintBanner = false),
    ];

    /// <summary>The tool's command: every option, <c>--help</c> and <c>--version</c>.</summary>
    /// <param name="run">What runs with the options read, unless the command line asks for help or does not parse.</param>
    public static RootCommand Create(Func<SandboxOptions, CancellationToken, Task<int>> run) => CommandLine.Create(run);

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
        IReadOnlyList<string> args, Func<SandboxOptions, CancellationToken, Task<int>> run,
        TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default) =>
        CommandLine.InvokeAsync(args, run, output, error, cancellationToken);

    /// <summary>Reads the options the command line sets (the banner on unless <c>--quiet</c>).</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is missing or invalid; the message says which.</exception>
    public static SandboxOptions Parse(IReadOnlyList<string> args) => CommandLine.Parse(args);

    /// <summary>The generated <c>--help</c> text.</summary>
    public static string HelpText() => CommandLine.HelpText();

    private static void Scopes(SandboxOptions options, string scopes)
    {
        options.AppScopes.Clear();
        foreach (var scope in scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            options.AppScopes.Add(scope);
        }
    }

    private static DateTimeOffset StartTime(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? start
            : throw new FormatException($"Option --start-time needs an ISO 8601 time, not '{value}'.");
}
