using System.ComponentModel.DataAnnotations;
using Ledgerline.Connections;

namespace Ledgerline.Xero;

/// <summary>
/// Settings for the Xero provider. The base URLs default to Xero's real hosts; point all three at the Xero sandbox
/// (<c>Ledgerline.Xero.Sandbox</c>, which serves every path on one origin) to run with no Xero account.
/// <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class XeroOptions
{
    /// <summary>The configuration section name conventionally used: <c>Ledgerline:Xero</c>.</summary>
    public const string SectionName = "Ledgerline:Xero";

    /// <summary>The OAuth application's client id.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>
    /// The OAuth application's client secret. Never logged. Empty for a PKCE app (no secret): the code exchange then sends
    /// the code verifier and the refresh sends <see cref="ClientId"/> alone, as Xero's PKCE flow does.
    /// </summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The redirect URI registered for the application (sent on authorization and code exchange).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>
    /// The API host: the Accounting API under <c>api.xro/2.0/</c> and the connections (tenants) under <c>connections</c>.
    /// Default <c>https://api.xero.com/</c>.
    /// </summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.xero.com/");

    /// <summary>The identity host: the token endpoint <c>connect/token</c>. Default <c>https://identity.xero.com/</c>.</summary>
    [Required]
    public Uri IdentityBaseUrl { get; set; } = new("https://identity.xero.com/");

    /// <summary>Where users are sent to authorize (<c>identity/connect/authorize</c>). Default <c>https://login.xero.com/</c>.</summary>
    [Required]
    public Uri LoginBaseUrl { get; set; } = new("https://login.xero.com/");

    /// <summary>
    /// The scopes requested when connecting. Empty (the default) requests <c>offline_access</c> and the broad
    /// accounting scopes Ledgerline's stores use (contacts, transactions, settings). Projects and time entries need
    /// <c>projects</c>, which the default leaves out: list the defaults and <c>projects</c> here, then connect again.
    /// A call whose scope the connection was not granted (its stored <c>LedgerConnection.Scopes</c>) is refused before
    /// any request with <see cref="PermissionDeniedException"/> naming the scope in
    /// <see cref="PermissionDeniedException.RequiredScope"/>. Checked on start: each must be one RFC 6749 scope-token
    /// (printable ASCII, no space, <c>"</c> or <c>\</c>) of at most 128 characters.
    /// </summary>
    public IList<string> Scopes { get; } = new List<string>();

    /// <summary>
    /// The code of the account payments are recorded against (a bank account, or an account with payments enabled),
    /// e.g. <c>090</c>. Xero needs one on every payment and the canonical <see cref="NewPayment"/> has none, so a payment
    /// is refused before any request while this is <see langword="null"/> (the default).
    /// </summary>
    public string? PaymentAccountCode { get; set; }

    /// <summary>
    /// The revenue account code put on new invoice lines, e.g. <c>200</c>. Xero needs an account on every line before
    /// an invoice can be approved; drafts may go without. <see langword="null"/> (the default) sends none.
    /// </summary>
    public string? SalesAccountCode { get; set; }

    /// <summary>
    /// The expense account code put on bill lines that name none (<see cref="NewBillLine.CategoryId"/> is Xero's
    /// <c>AccountCode</c>), e.g. <c>400</c>. Xero approves a bill only with an account on every line, and Ledgerline records
    /// bills approved, so a line without either is refused before any request. <see langword="null"/> (the default) sets
    /// none.
    /// </summary>
    public string? PurchaseAccountCode { get; set; }

    /// <summary>
    /// The code of the bank account expenses are paid from, e.g. <c>090</c>: Xero records spent money through a bank
    /// account and in its currency, and the canonical <see cref="NewExpense"/> names none, so an expense is refused while
    /// this is <see langword="null"/> (the default).
    /// </summary>
    public string? ExpenseBankAccountCode { get; set; }

    /// <summary>
    /// The expense account code put on a new expense that names no <see cref="NewExpense.CategoryId"/>, e.g. <c>429</c>.
    /// <see langword="null"/> (the default): an expense without a category is refused before any request.
    /// </summary>
    public string? ExpenseAccountCode { get; set; }

    /// <summary>
    /// The <c>ReportTaxType</c> of a tax rate Ledgerline creates: a canonical tax rate is a sales tax, so <c>OUTPUT</c>
    /// (the default; Australian, New Zealand and UK organisations need one). <see langword="null"/> sends none, for
    /// regions where Xero takes none.
    /// </summary>
    public string? SalesTaxReportType { get; set; } = "OUTPUT";

    /// <summary>Records per list page asked of Xero (1 to 100; Xero's default is 100). Default 100.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// The most pages (requests) one listing reads (default 1000: at 100 a page, about 87,500 records of a paged list,
    /// whose requests after the first overlap the last record read and add up to 99 each; 100,000 records of an unpaged
    /// one). A listing that would need more fails with <see cref="InvalidProviderResponseException"/> instead of running
    /// unbounded.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 1000;

    /// <summary>Refresh the access token this long before it expires (Xero's live 30 minutes). Default 5 minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a call waits for a token refresh before it fails with a retryable <see cref="ProviderUnavailableException"/>
    /// (a call whose access token has not expired yet uses it instead). Default 30 seconds.
    /// </summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one refresh, once sent, may take (its retries after a lost answer included) before it is abandoned; its
    /// answer is saved whenever it arrives within this time. Xero lets a refresh token be reused for 30 minutes after its
    /// first use, so a lost answer is recovered by sending it again within this deadline. Default 5 minutes; at least
    /// <see cref="TokenRequestTimeout"/> and less than 30 minutes.
    /// </summary>
    public TimeSpan TokenRefreshDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest <c>Retry-After</c> honoured by waiting; beyond it the call fails with <see cref="RateLimitedException"/>. Default 30 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt of an API call (Accounting, <c>/connections</c>) may wait for Xero's answer to begin, and again
    /// how long reading that answer's body may take. Default 30 seconds; from 10 milliseconds to 10 minutes. It replaces
    /// <see cref="HttpClient"/>'s 100-second default, which does not apply. A read that times out is retried like any
    /// transport failure (<see cref="MaxRetries"/>) and then fails with <see cref="ProviderUnavailableException"/>; a write
    /// that was sent and timed out is never retried and fails with <see cref="OutcomeUnknownException"/>. The caller's own
    /// cancellation always passes through as cancellation. Token requests have <see cref="TokenRequestTimeout"/> instead.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries for safe requests (GET) on 429, 5xx and transport errors. Writes are never repeated. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Whether each record keeps Xero's JSON object as <see cref="LedgerRecord.RawRepresentation"/> (default
    /// <see langword="true"/>); turn it off for bulk reads that only need the canonical fields.
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
        $"XeroOptions {{ ClientId = {ClientId}, ClientSecret = ***, ApiBaseUrl = {ApiBaseUrl}, IdentityBaseUrl = {IdentityBaseUrl}, LoginBaseUrl = {LoginBaseUrl} }}";
}
