namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>What became of one request to the webhook endpoint.</summary>
public enum FreshBooksWebhookStatus
{
    /// <summary>An authentic notice, turned into <see cref="FreshBooksWebhookResult.Change"/>. Answer 200.</summary>
    Accepted,

    /// <summary>A verification notice, completed with FreshBooks; the callback is live. Answer 200.</summary>
    VerificationCompleted,

    /// <summary>A verification notice Ledgerline did not complete itself (see <see cref="FreshBooksWebhookResult.Verification"/>). Answer 202.</summary>
    VerificationReceived,

    /// <summary>The signature is missing or wrong, or FreshBooks refused the verifier. Answer 401.</summary>
    Unauthorized,

    /// <summary>The body is not a well-formed FreshBooks notice (bad form encoding, a missing field, an unknown event). Answer 400.</summary>
    Malformed,
}

/// <summary>The outcome of <see cref="IFreshBooksWebhookReceiver.ReceiveAsync"/>.</summary>
public sealed record FreshBooksWebhookResult
{
    /// <summary>What happened.</summary>
    public required FreshBooksWebhookStatus Status { get; init; }

    /// <summary>Why the request was refused, safe to return to the caller and to log (never a secret).</summary>
    public string? Error { get; init; }

    /// <summary>The canonical change, when <see cref="Status"/> is <see cref="FreshBooksWebhookStatus.Accepted"/>.</summary>
    public LedgerChange? Change { get; init; }

    /// <summary>The verification notice, when <see cref="Status"/> is <see cref="FreshBooksWebhookStatus.VerificationReceived"/>.</summary>
    public FreshBooksVerificationRequest? Verification { get; init; }

    /// <summary>The HTTP status to answer with.</summary>
    public int HttpStatusCode => Status switch
    {
        FreshBooksWebhookStatus.Accepted or FreshBooksWebhookStatus.VerificationCompleted => 200,
        FreshBooksWebhookStatus.VerificationReceived => 202,
        FreshBooksWebhookStatus.Unauthorized => 401,
        _ => 400,
    };
}

/// <summary>
/// A verification notice FreshBooks sent after a callback was created: send <see cref="Verifier"/> back with
/// <see cref="IFreshBooksWebhookSubscriptions.VerifyAsync"/> to make the callback live. The verifier is a secret:
/// <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="CallbackId">The callback to verify (the notice's <c>object_id</c>).</param>
/// <param name="AccountId">The FreshBooks account, when the notice or the secret store says.</param>
/// <param name="ConnectionId">The application's connection for the account, when known.</param>
/// <param name="Verifier">The verification code, also the key FreshBooks signs the callback's deliveries with.</param>
public sealed record FreshBooksVerificationRequest(string CallbackId, string? AccountId, string? ConnectionId, string Verifier)
{
    /// <summary>Describes the notice without the verifier.</summary>
    public override string ToString() =>
        $"FreshBooksVerificationRequest {{ CallbackId = {CallbackId}, AccountId = {AccountId}, ConnectionId = {ConnectionId}, Verifier = *** }}";
}

/// <summary>
/// Optional: what an application registers to take verification notices Ledgerline does not complete itself (automatic
/// completion is off, or no connection is known for the account).
/// </summary>
public interface IFreshBooksWebhookVerificationHandler
{
    /// <summary>Handles one verification notice.</summary>
    Task HandleAsync(FreshBooksVerificationRequest request, CancellationToken cancellationToken = default);
}

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
