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

    /// <summary>The command-line help text, listing every option (generated by <see cref="XeroSandboxCommandLine"/>).</summary>
    public static string HelpText => XeroSandboxCommandLine.HelpText();

    /// <summary>Reads command-line options (see <see cref="HelpText"/>) with <see cref="XeroSandboxCommandLine.Parse"/>.</summary>
    /// <exception cref="ArgumentException">An option is unknown or its value is missing or invalid; the message says which.</exception>
    public static XeroSandboxOptions FromCommandLine(IReadOnlyList<string> args) => XeroSandboxCommandLine.Parse(args);

    /// <summary>True when <paramref name="args"/> asks for the help text.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(a => a is "--help" or "-h" or "-?" or "/?" or "/h");
    }

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
