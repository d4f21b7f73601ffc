using System.Globalization;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Sandbox.RateLimits;

namespace Ledgerline.Xero.Sandbox;

/// <summary>How a Xero sandbox instance is configured. Every value has a working default.</summary>
public sealed class XeroSandboxOptions
{
    /// <summary>Scopes the default app may be granted: OpenID Connect, broad and granular accounting scopes, projects.</summary>
    public static readonly IReadOnlyList<string> AllScopes =
    [
        "openid", "profile", "email", "offline_access",
        "accounting.transactions", "accounting.transactions.read", "accounting.contacts", "accounting.contacts.read",
        "accounting.settings", "accounting.settings.read",
        "accounting.invoices", "accounting.invoices.read", "accounting.payments", "accounting.payments.read",
        "accounting.banktransactions", "accounting.banktransactions.read",
        "projects", "projects.read",
    ];

    /// <summary>OAuth client id of the registered app.</summary>
    public string ClientId { get; set; } = "LEDGERLINESANDBOXCLIENT0000000001";

    /// <summary>OAuth client secret of the registered app.</summary>
    public string ClientSecret { get; set; } = "ledgerline-xero-sandbox-secret";

    /// <summary>App name: shown on the consent page and sent as <c>ProviderName</c> in every Accounting API response.</summary>
    public string AppName { get; set; } = "Ledgerline Sandbox App";

    /// <summary>Accept any redirect URI whose host is 127.0.0.1, [::1] or localhost (Xero allows http only for localhost).</summary>
    public bool AllowLoopbackRedirectUris { get; set; } = true;

    /// <summary>Further redirect URIs accepted verbatim (Xero matches them exactly, no wildcards).</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>Kestrel URLs, e.g. <c>http://127.0.0.1:5090</c>. Null means <c>http://127.0.0.1:0</c>.</summary>
    public string? Urls { get; set; }

    /// <summary>Seed the small default data set (a few contacts and invoices) in both organisations.</summary>
    public bool SeedDefaultData { get; set; } = true;

    /// <summary>Extra deterministic contacts seeded into the primary organisation.</summary>
    public int SeedContacts { get; set; }

    /// <summary>Extra deterministic invoices seeded into the primary organisation.</summary>
    public int SeedInvoices { get; set; }

    /// <summary>Lines on each seeded invoice.</summary>
    public int LinesPerInvoice { get; set; } = 3;

    /// <summary>Seed for generated ids and data; the same seed gives the same ids, names and amounts.</summary>
    public int Seed { get; set; } = 20_260_302;

    /// <summary>Access token lifetime (Xero: 30 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an unused refresh token stays valid (Xero: 60 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long a spent refresh token may be retried after its first use (Xero: 30 minutes).</summary>
    public TimeSpan RefreshTokenReuseGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Authorization code lifetime (Xero does not document it; the sandbox uses 5 minutes).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Xero's per-tenant and per-app call limits; enforced by default.</summary>
    public RateLimitOptions RateLimits { get; } = new();

    /// <summary>Fault rules active from the start.</summary>
    public IList<FaultRule> Faults { get; } = [];

    /// <summary>
    /// The app's webhook URL (loopback only), configured at start as if saved in Xero's developer portal; it still needs
    /// intent to receive (<see cref="Webhooks.SandboxWebhooks.SendIntentToReceiveAsync"/> or
    /// <c>POST /sandbox/webhook/intent-to-receive</c>). Null: no webhook until one is configured.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The webhook signing key used with <see cref="WebhookUrl"/>; null generates one from <see cref="Seed"/>.</summary>
    public string? WebhookSigningKey { get; set; }

    /// <summary>How long the sandbox waits for an answer to a webhook post (Xero: 5 seconds).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits between a failed delivery's attempts, growing ("decreasing frequency") and adding up to under 24 hours:
    /// 1, 5, 15 and 30 minutes, then 1, 2, 4, 8 and 8 hours. When they are spent the webhook is disabled.
    /// </summary>
    public IList<TimeSpan> WebhookRetryDelays { get; } =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>No attempt is made once this much sandbox time has passed since a delivery was made up (Xero: 24 hours).</summary>
    public TimeSpan WebhookRetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long changes are gathered after the first before they are posted together.</summary>
    public TimeSpan WebhookBatchWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most events in one post.</summary>
    public int WebhookMaxBatchSize { get; set; } = 100;

    /// <summary>Validation requests per intent-to-receive round, half correctly signed (at least 2).</summary>
    public int IntentToReceiveRequests { get; set; } = 4;

    /// <summary>Print the base URL, endpoints, credentials and organisations once listening.</summary>
    public bool PrintBanner { get; set; }

    /// <summary>Initial sandbox time; null follows the underlying clock.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Underlying clock the sandbox clock offsets; null is the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The command-line help text, listing every option.</summary>
    public static string HelpText { get; } = """
        Ledgerline Xero sandbox: a local server that behaves like Xero's identity service and Accounting API.

        Usage: Ledgerline.Xero.Sandbox [options]

          --urls URL                      listen address (default http://127.0.0.1:5090)
          --client-id ID                  the registered app's client id
          --client-secret SECRET          the registered app's client secret
          --app-name NAME                 consent page title and ProviderName in responses
          --redirect-uri URI              extra redirect URI accepted verbatim (repeatable)
          --no-loopback-redirects         stop accepting every localhost / 127.0.0.1 / [::1] redirect URI
          --seed N                        seed of generated ids and data (default 20260302)
          --seed-contacts N               extra deterministic contacts in the primary organisation
          --seed-invoices N               extra deterministic invoices in the primary organisation
          --lines-per-invoice N           lines on each seeded invoice (default 3)
          --no-default-data               start with no contacts or invoices (accounts and tax rates remain)
          --access-token-lifetime T       seconds, 250ms, 1.5s or hh:mm:ss (default 1800)
          --refresh-token-lifetime T      unused refresh token lifetime (default 60 days)
          --refresh-grace T               reuse grace of a spent refresh token (default 1800)
          --no-rate-limits                send the limit headers but never answer 429
          --rate-limit-minute N           calls per tenant per minute (default 60)
          --rate-limit-day N              calls per tenant per day (default 5000)
          --rate-limit-app-minute N       calls per app per minute across tenants (default 10000)
          --rate-limit-concurrent N       calls in flight per tenant (default 5)
          --fault SPEC                    fault rule, repeatable: kind[:value][@/path/prefix][#times][~probability]
                                          kinds: latency:250ms, 429[:seconds], 429day[:seconds], 500, 502, 503, 504,
                                          truncate, malformed, drop (e.g. --fault 503@/api.xro#2)
          --webhook-url URL               the app's webhook URL (loopback only); run intent to receive with
                                          POST /sandbox/webhook/intent-to-receive before deliveries start
          --webhook-key KEY               its signing key (default: generated from the seed)
          --webhook-retry-delays T,T,...  waits between a failed delivery's attempts (default 1m,5m,15m,30m,1h,2h,4h,8h,8h)
          --webhook-batch-window T        how long changes are gathered into one post (default 500ms)
          --start-time ISO                initial sandbox time (it keeps running from there)
          --quiet                         no banner
          --help, -h                      this text
        """;

    /// <summary>
    /// Reads command-line options (see <see cref="HelpText"/>). <c>--help</c> is not an option here: the caller checks
    /// for it first, so that asking for help never fails on other arguments.
    /// </summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is invalid.</exception>
    public static XeroSandboxOptions FromCommandLine(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new XeroSandboxOptions { PrintBanner = true };
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
                case "--seed": options.Seed = ParseCount(arg, Value()); break;
                case "--seed-contacts": options.SeedContacts = ParseCount(arg, Value()); break;
                case "--seed-invoices": options.SeedInvoices = ParseCount(arg, Value()); break;
                case "--lines-per-invoice": options.LinesPerInvoice = ParseCount(arg, Value()); break;
                case "--no-default-data": options.SeedDefaultData = false; break;
                case "--access-token-lifetime": options.AccessTokenLifetime = ParseDuration(arg, Value()); break;
                case "--refresh-token-lifetime": options.RefreshTokenLifetime = ParseDuration(arg, Value()); break;
                case "--refresh-grace": options.RefreshTokenReuseGrace = ParseDuration(arg, Value()); break;
                case "--no-rate-limits": options.RateLimits.Enabled = false; break;
                case "--rate-limit-minute": options.RateLimits.PerMinute = ParseCount(arg, Value()); break;
                case "--rate-limit-day": options.RateLimits.PerDay = ParseCount(arg, Value()); break;
                case "--rate-limit-app-minute": options.RateLimits.AppPerMinute = ParseCount(arg, Value()); break;
                case "--rate-limit-concurrent": options.RateLimits.Concurrent = ParseCount(arg, Value()); break;
                case "--fault": options.Faults.Add(FaultRule.Parse(Value())); break;
                case "--webhook-url":
                    options.WebhookUrl = Uri.TryCreate(Value(), UriKind.Absolute, out var hook)
                        ? hook
                        : throw new ArgumentException($"Option {arg} needs an absolute URL.", nameof(args));
                    break;
                case "--webhook-key": options.WebhookSigningKey = Value(); break;
                case "--webhook-retry-delays":
                    var delays = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => ParseDuration(arg, d)).ToList();
                    options.WebhookRetryDelays.Clear();
                    foreach (var d in delays)
                    {
                        options.WebhookRetryDelays.Add(d);
                    }

                    break;
                case "--webhook-batch-window": options.WebhookBatchWindow = ParseDuration(arg, Value()); break;
                case "--start-time":
                    options.StartTime = DateTimeOffset.TryParse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
                        ? start
                        : throw new ArgumentException($"Option {arg} needs an ISO 8601 time.", nameof(args));
                    break;
                case "--quiet": options.PrintBanner = false; break;
                default: throw new ArgumentException($"Unknown option {arg}. Try --help.", nameof(args));
            }
        }

        return options;
    }

    /// <summary>True when <paramref name="args"/> asks for the help text.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(a => a is "--help" or "-h" or "-?" or "/?");
    }

    private static int ParseCount(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000
            ? n
            : throw new ArgumentException($"Option {name} needs an integer from 0 to 1000000.", nameof(name));

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
            double.TryParse(value[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s))
        {
            return TimeSpan.FromSeconds(s);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var ts) && ts > TimeSpan.Zero
            ? ts
            : throw new ArgumentException($"Option {name} needs a duration (seconds, 250ms, 1.5s or hh:mm:ss).", nameof(name));
    }
}
