namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// How Ledgerline receives Xero webhooks. Xero configures one webhook per app in its developer portal (not through an
/// API) and shows its signing key there. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class XeroWebhookOptions
{
    /// <summary>The configuration section <c>AddXeroWebhooks()</c> binds: <c>Ledgerline:Xero:Webhooks</c>.</summary>
    public const string SectionName = "Ledgerline:Xero:Webhooks";

    /// <summary>
    /// The webhook signing key from Xero's developer portal (a secret). Every request must carry
    /// <c>x-xero-signature</c> = base64(HMAC-SHA256(UTF-8 key, raw body)). Required.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Connections (ids in the <see cref="Ledgerline.Connections.IConnectionStore"/>) whose pinned organisation
    /// (<see cref="XeroConnectionProperties.TenantId"/>) the default resolver matches against an event's <c>tenantId</c>,
    /// with <see cref="LedgerlineOptions.DefaultConnectionId"/>. Register your own <see cref="IXeroTenantResolver"/> when
    /// your connections are found another way.
    /// </summary>
    public IList<string> ConnectionIds { get; } = [];

    /// <summary>The largest request body read, in bytes; larger bodies are refused (413 from the endpoint). Default 256 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a dedupe key is remembered to mark later events <see cref="LedgerChange.IsDuplicate"/>. Default 24 hours, Xero's retry span.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most dedupe keys remembered at once (oldest forgotten first). Default 10,000.</summary>
    public int DuplicateCapacity { get; set; } = 10_000;

    /// <summary>Describes the options without the signing key.</summary>
    public override string ToString() =>
        $"XeroWebhookOptions {{ SigningKey = {(string.IsNullOrEmpty(SigningKey) ? "(none)" : "***")}, ConnectionIds = {ConnectionIds.Count}, MaxBodyBytes = {MaxBodyBytes} }}";
}
