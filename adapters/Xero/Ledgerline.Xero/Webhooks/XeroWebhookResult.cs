namespace Ledgerline.Xero.Webhooks;

/// <summary>The outcome of <see cref="IXeroWebhookReceiver.ReceiveAsync"/>.</summary>
public sealed record XeroWebhookResult
{
    /// <summary>What happened.</summary>
    public required XeroWebhookStatus Status { get; init; }

    /// <summary>Why the request was refused, safe to return and to log (never the key or the signature).</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The canonical changes, in the order of the events: one per event and connection its organisation resolves to
    /// (one with a null <see cref="LedgerChange.ConnectionId"/> when none does).
    /// </summary>
    public IReadOnlyList<LedgerChange> Changes { get; init; } = [];

    /// <summary>
    /// Authentic events Ledgerline has no canonical change for (a <c>SUBSCRIPTION</c> event, a supplier credit note,
    /// a category or event type Xero adds later): kept, never dropped, for <see cref="IXeroUnmappedWebhookEventHandler"/>.
    /// </summary>
    public IReadOnlyList<XeroWebhookEvent> Unmapped { get; init; } = [];

    /// <summary>Whether the request was an intent-to-receive validation (correctly signed, no events).</summary>
    public bool IsIntentToReceive { get; init; }

    /// <summary><c>firstEventSequence</c> of an accepted payload.</summary>
    public long FirstEventSequence { get; init; }

    /// <summary><c>lastEventSequence</c> of an accepted payload.</summary>
    public long LastEventSequence { get; init; }

    /// <summary>The HTTP status to answer with: 200, 401 or 400.</summary>
    public int HttpStatusCode => Status switch
    {
        XeroWebhookStatus.Accepted => 200,
        XeroWebhookStatus.Unauthorized => 401,
        _ => 400,
    };
}
