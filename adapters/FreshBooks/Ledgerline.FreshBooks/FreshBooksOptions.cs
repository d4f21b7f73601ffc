using Ledgerline.Connections;
using System.ComponentModel.DataAnnotations;

namespace Ledgerline.FreshBooks;

/// <summary>
/// Settings for the FreshBooks provider. The base URLs default to FreshBooks' real hosts; point both at the sandbox
/// (<c>Ledgerline.FreshBooks.Sandbox</c>) to run with no FreshBooks account. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class FreshBooksOptions
{
    /// <summary>The configuration section name conventionally used: <c>Ledgerline:FreshBooks</c>.</summary>
    public const string SectionName = "Ledgerline:FreshBooks";

    /// <summary>The OAuth application's client id (required; checked on start).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The OAuth application's client secret (required; checked on start). Never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The redirect URI registered for the application (sent on code exchange and refresh, as FreshBooks requires).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The API base (accounting, time tracking, events, token endpoint, identity). Default <c>https://api.freshbooks.com/</c>.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.freshbooks.com/");

    /// <summary>Where users are sent to authorize. Default <c>https://auth.freshbooks.com/</c>.</summary>
    [Required]
    public Uri AuthBaseUrl { get; set; } = new("https://auth.freshbooks.com/");

    /// <summary>
    /// The scopes requested when connecting, one per element (e.g. <c>user:profile:read</c>). Empty (the default) sends no
    /// <c>scope</c>, and FreshBooks grants the scopes the app is registered with. Checked on start: each must be one
    /// RFC 6749 scope-token (printable ASCII, no space, <c>"</c> or <c>\</c>) of at most 128 characters.
    /// </summary>
    public IList<string> Scopes { get; } = new List<string>();

    /// <summary>
    /// The FreshBooks API version sent as <c>X-API-VERSION</c> (versions from 2022-10-31 use the newer accounting error
    /// format; both are understood). <see langword="null"/> sends none.
    /// </summary>
    public string? ApiVersion { get; set; }

    /// <summary>How many list pages are fetched at once after the first (1 to 16). Default 4.</summary>
    public int PageConcurrency { get; set; } = 4;

    /// <summary>
    /// The expense category used when a new expense names none. <see langword="null"/> (the default) uses the account's
    /// first active expense category, fetched once per ledger.
    /// </summary>
    public string? DefaultExpenseCategoryId { get; set; }

    /// <summary>
    /// The staff member (<c>staffid</c>) recorded on new expenses. <see langword="null"/> (the default) sends none, and
    /// FreshBooks records the connected user.
    /// </summary>
    public long? DefaultExpenseStaffId { get; set; }

    /// <summary>Refresh the access token this long before it expires. Default 5 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a call waits for a token refresh before it fails with a retryable <see cref="ProviderUnavailableException"/>
    /// (a call whose access token has not expired yet uses it instead). The refresh itself goes on until
    /// <see cref="TokenRefreshDeadline"/>. Default 30 seconds.
    /// </summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a refresh request, once sent to FreshBooks, may take before it is abandoned. FreshBooks refresh tokens
    /// are single-use, so a refresh abandoned after FreshBooks rotated the pair loses the grant: its answer is saved
    /// whenever it arrives within this time, whoever still waits. Also bounds the wait for another process's refresh
    /// lease. Default 5 minutes; at least <see cref="TokenRequestTimeout"/>.
    /// </summary>
    public TimeSpan TokenRefreshDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest <c>Retry-After</c> honoured by waiting; beyond it the call fails with <see cref="RateLimitedException"/>. Default 30 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt of an API call (accounting, time tracking, projects, callbacks, <c>/users/me</c>) may wait for
    /// FreshBooks' answer to begin, and again how long reading that answer's body may take. Default 30 seconds; from 10
    /// milliseconds to 10 minutes. It replaces <see cref="HttpClient"/>'s 100-second default, which does not apply. A read that times out
    /// is retried like any transport failure (<see cref="MaxRetries"/>) and then fails with
    /// <see cref="ProviderUnavailableException"/>; a write that was sent and timed out is never retried and fails with
    /// <see cref="OutcomeUnknownException"/>. The caller's own cancellation always passes through as cancellation. Token
    /// requests have <see cref="TokenRequestTimeout"/> instead.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries for safe requests (GET) on 429, 5xx and transport errors. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Requests in flight at once per connection. Default 8.</summary>
    public int MaxConcurrentRequestsPerConnection { get; set; } = 8;

    /// <summary>
    /// Whether each record keeps FreshBooks' JSON object as <see cref="LedgerRecord.RawRepresentation"/> (default
    /// <see langword="true"/>). The raw copy is most of a record's memory (about 9.6 of 11.8 KB for an invoice with five
    /// lines); turn it off for bulk exports that only need the canonical fields.
    /// </summary>
    public bool KeepRawRepresentation { get; set; } = true;

    /// <summary>The token manager's view of these options.</summary>
    internal ConnectionTokenManagerOptions TokenTimings() => new()
    {
        RefreshBeforeExpiry = RefreshBeforeExpiry,
        TokenRequestTimeout = TokenRequestTimeout,
        RefreshDeadline = TokenRefreshDeadline,
    };

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() =>
        $"FreshBooksOptions {{ ClientId = {ClientId}, ClientSecret = ***, ApiBaseUrl = {ApiBaseUrl}, AuthBaseUrl = {AuthBaseUrl} }}";
}
