namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Turns one raw FreshBooks webhook request into a result: checks the form, the signature (byte-exact, constant time),
/// completes verification round-trips, maps the event to a canonical <see cref="LedgerChange"/>, flags duplicates and,
/// when asked, fetches the record. Hosts other than ASP.NET Core call it directly; <c>MapFreshBooksWebhooks</c> does so
/// for ASP.NET Core. Malformed input never throws.
/// </summary>
public interface IFreshBooksWebhookReceiver
{
    /// <summary>Receives one request.</summary>
    /// <param name="body">The raw <c>application/x-www-form-urlencoded</c> body, exactly as received.</param>
    /// <param name="signature">The <c>X-FreshBooks-Hmac-SHA256</c> header, if any.</param>
    /// <param name="cancellationToken">Cancels the work (record fetch, verification call).</param>
    Task<FreshBooksWebhookResult> ReceiveAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default);
}
