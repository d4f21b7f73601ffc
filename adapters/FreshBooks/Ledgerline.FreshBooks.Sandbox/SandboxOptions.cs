using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Faults;

namespace Ledgerline.FreshBooks.Sandbox;

/// <summary>How a sandbox instance is configured. Every value has a working default.</summary>
public sealed class SandboxOptions
{
    /// <summary>All scopes the default app may grant.</summary>
    public static readonly IReadOnlyList<string> AllScopes =
    [
        "user:profile:read", "user:clients:read", "user:clients:write", "user:invoices:read", "user:invoices:write",
        "user:payments:read", "user:payments:write", "user:expenses:read", "user:expenses:write",
        "user:time_entries:read", "user:time_entries:write", "user:projects:read", "user:projects:write",
        "user:taxes:read", "user:taxes:write", "user:billable_items:read", "user:billable_items:write", "user:business:read",
        "user:estimates:read", "user:estimates:write", "user:credit_notes:read", "user:credit_notes:write",
        "user:bill_vendors:read", "user:bill_vendors:write", "user:bills:read", "user:bills:write",
        "user:bill_payments:read", "user:bill_payments:write",
    ];

    /// <summary>OAuth client id of the registered app.</summary>
    public string ClientId { get; set; } = "ledgerline-sandbox";

    /// <summary>OAuth client secret of the registered app.</summary>
    public string ClientSecret { get; set; } = "ledgerline-sandbox-secret";

    /// <summary>App name shown on the consent page.</summary>
    public string AppName { get; set; } = "Ledgerline Sandbox App";

    /// <summary>Scopes the app may be granted; a token request without <c>scope</c> gets all of them.</summary>
    public IList<string> AppScopes { get; } = [.. AllScopes];

    /// <summary>Accept any redirect URI whose host is 127.0.0.1, [::1] or localhost (any port, http or https).</summary>
    public bool AllowLoopbackRedirectUris { get; set; } = true;

    /// <summary>Further redirect URIs accepted verbatim.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>Kestrel URLs, e.g. <c>http://127.0.0.1:5080</c>. Null means <c>http://127.0.0.1:0</c>.</summary>
    public string? Urls { get; set; }

    /// <summary>Seed the default identity's small data set in the primary business.</summary>
    public bool SeedDefaultData { get; set; } = true;

    /// <summary>Extra deterministic clients seeded into the primary business.</summary>
    public int SeedClients { get; set; }

    /// <summary>Extra deterministic invoices seeded into the primary business.</summary>
    public int SeedInvoices { get; set; }

    /// <summary>Lines on each seeded invoice.</summary>
    public int LinesPerInvoice { get; set; } = 5;

    /// <summary>
    /// How many of the seeded invoices stay unpaid (sent; one in four of them paid in part), the rest paid in full; null
    /// (the default) for the usual mix: a quarter each draft, sent, paid, and paid in part.
    /// </summary>
    public int? SeedUnpaidInvoices { get; set; }

    /// <summary>Access token lifetime (FreshBooks: 12 hours).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Authorization code lifetime (FreshBooks: 5 minutes).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Print the base URL and app credentials to standard output once listening.</summary>
    public bool PrintBanner { get; set; }

    /// <summary>Initial sandbox time; null follows the system clock.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Underlying clock the sandbox clock offsets; null is the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Fault rules active from the start.</summary>
    public IList<FaultRule> Faults { get; } = [];

    /// <summary>Delays before each webhook redelivery; the number of entries is the number of retries.</summary>
    public IList<TimeSpan> WebhookRetryDelays { get; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>Per-attempt timeout of a webhook delivery.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What <c>--help</c> prints: every option <see cref="FromCommandLine"/> reads, with its default.</summary>
    public static string Usage { get; } = """
        Ledgerline FreshBooks sandbox: a local server that behaves like FreshBooks' API (OAuth, identity, accounting,
        time tracking, projects, webhooks), for running and testing FreshBooks clients with no FreshBooks account.

        Usage: ledgerline-freshbooks-sandbox [options]
               (from a clone: dotnet run --project adapters/FreshBooks/Ledgerline.FreshBooks.Sandbox -- [options])

        Options:
          --urls URL                   where to listen (default http://127.0.0.1:5080; port 0 picks a free one)
          --client-id ID               the app's client id (default ledgerline-sandbox)
          --client-secret SECRET       the app's client secret (default ledgerline-sandbox-secret)
          --app-name NAME              the app name the consent page shows
          --redirect-uri URI           a registered redirect URI (repeatable)
          --no-loopback-redirects      refuse http://127.0.0.1 / localhost redirect URIs that are not registered
          --scopes "A B"               the scopes the app may request (default: every scope)
          --seed-clients N             extra clients in the primary business
          --seed-invoices N            extra invoices in the primary business
          --lines-per-invoice N        lines per seeded invoice (default 5)
          --seed-unpaid-invoices N     only N of the seeded invoices unpaid, the rest paid (default: a quarter each
                                       draft, sent, paid, paid in part)
          --no-default-data            start with empty businesses
          --access-token-lifetime T    seconds, 250ms, 1.5s or hh:mm:ss (default 43200)
          --start-time ISO-8601        the sandbox clock's start (default now)
          --fault SPEC                 a fault rule, e.g. 429:2@/accounting or 503@/accounting#1 (repeatable)
          --quiet                      print no banner
          -h, --help                   print this help

        On start it prints FRESHBOOKS_API_URL and FRESHBOOKS_AUTH_URL (the same origin) and the app credentials.
        Sandbox-only endpoints: POST /_sandbox/tokens issues a token pair without the consent page (?scope=… narrows it);
        GET /_sandbox/requests lists the requests received (never their tokens).
        """;

    /// <summary>
    /// Reads command-line options: <c>--urls</c>, <c>--client-id</c>, <c>--client-secret</c>, <c>--app-name</c>,
    /// <c>--redirect-uri</c> (repeatable), <c>--scopes "a b"</c>, <c>--seed-clients</c>, <c>--seed-invoices</c>,
    /// <c>--lines-per-invoice</c>, <c>--seed-unpaid-invoices</c>, <c>--access-token-lifetime</c> (seconds or hh:mm:ss), <c>--no-default-data</c>,
    /// <c>--start-time</c> (ISO 8601), <c>--fault SPEC</c> (repeatable, see <see cref="FaultRule.Parse"/>), <c>--quiet</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is invalid.</exception>
    public static SandboxOptions FromCommandLine(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SandboxOptions { PrintBanner = true };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"Option {arg} needs a value.", nameof(args));
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--urls": options.Urls = Value(); break;
                case "--client-id": options.ClientId = Value(); break;
                case "--client-secret": options.ClientSecret = Value(); break;
                case "--app-name": options.AppName = Value(); break;
                case "--redirect-uri": options.RedirectUris.Add(Value()); break;
                case "--no-loopback-redirects": options.AllowLoopbackRedirectUris = false; break;
                case "--scopes":
                    options.AppScopes.Clear();
                    foreach (var s in Value().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        options.AppScopes.Add(s);
                    }

                    break;
                case "--seed-clients": options.SeedClients = ParseCount(arg, Value()); break;
                case "--seed-invoices": options.SeedInvoices = ParseCount(arg, Value()); break;
                case "--lines-per-invoice": options.LinesPerInvoice = ParseCount(arg, Value()); break;
                case "--seed-unpaid-invoices": options.SeedUnpaidInvoices = ParseCount(arg, Value()); break;
                case "--access-token-lifetime": options.AccessTokenLifetime = ParseDuration(arg, Value()); break;
                case "--no-default-data": options.SeedDefaultData = false; break;
                case "--start-time":
                    options.StartTime = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                case "--fault": options.Faults.Add(FaultRule.Parse(Value())); break;
                case "--quiet": options.PrintBanner = false; break;
                default: throw new ArgumentException($"Unknown option {arg}.", nameof(args));
            }
        }

        return options;
    }

    private static int ParseCount(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"Option {name} needs a non-negative integer.", nameof(name));

    internal static TimeSpan ParseDuration(string name, string value)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (value.EndsWith("ms", StringComparison.Ordinal) &&
            int.TryParse(value[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (value.EndsWith('s') &&
            double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
        {
            return TimeSpan.FromSeconds(s);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var ts)
            ? ts
            : throw new ArgumentException($"Option {name} needs a duration (seconds, 250ms, 1.5s or hh:mm:ss).", nameof(name));
    }
}
