namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// Turns one raw Xero webhook request into a result: checks <c>x-xero-signature</c> over the raw bytes in constant time
/// (before reading anything else), answers intent to receive, parses the events and maps each to canonical
/// <see cref="LedgerChange"/>s for the connections its organisation resolves to, flagging duplicates. Hosts other than
/// ASP.NET Core call it directly; <c>MapXeroWebhooks</c> does so for ASP.NET Core. Malformed input never throws.
/// </summary>
public interface IXeroWebhookReceiver
{
    /// <summary>Receives one request.</summary>
    /// <param name="body">The raw JSON body, exactly as received (the signature covers these bytes).</param>
    /// <param name="signature">The <c>x-xero-signature</c> header, if any.</param>
    /// <param name="cancellationToken">Cancels the connection lookups.</param>
    Task<XeroWebhookResult> ReceiveAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default);
}
