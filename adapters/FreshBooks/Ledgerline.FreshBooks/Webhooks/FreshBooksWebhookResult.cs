namespace Ledgerline.FreshBooks.Webhooks;

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
