namespace Ledgerline;

/// <summary>
/// A canonical change event: a provider said that a record was created, changed or deleted. Treat it as a hint, not as
/// the record's state: providers send thin notices, may deliver late, more than once, or out of order. Act on
/// <see cref="Record"/> (the state fetched when the event was received, when asked for) or fetch the record yourself.
/// </summary>
public sealed record LedgerChange
{
    /// <summary>The provider that reported the change, e.g. <c>FreshBooks</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The kind of record that changed.</summary>
    public required EntityKind Entity { get; init; }

    /// <summary>What happened to it.</summary>
    public required ChangeKind Kind { get; init; }

    /// <summary>The record's id, as the stores use it.</summary>
    public required string EntityId { get; init; }

    /// <summary>
    /// The application's connection the change belongs to (open it with <see cref="ILedgerFactory.Open(string)"/>), or
    /// <see langword="null"/> when no connection is known for <see cref="AccountId"/>.
    /// </summary>
    public string? ConnectionId { get; init; }

    /// <summary>The provider's account the change happened in (for FreshBooks, the <c>account_id</c>; for Xero, the organisation's <c>tenantId</c>).</summary>
    public required string AccountId { get; init; }

    /// <summary>
    /// When Ledgerline received the notice (UTC). FreshBooks does not say when the change itself happened; Xero does
    /// (<c>eventDateUtc</c>, in <see cref="ProviderFields"/>).
    /// </summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The provider's own name for the event, e.g. <c>invoice.update</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>
    /// Identifies the notice for de-duplication: the same account, event name and record give the same key. Providers
    /// sign no event id, so on FreshBooks a redelivery and a second change of the same kind to the same record share a
    /// key; Xero's key also holds the event's <c>eventDateUtc</c>, so only a redelivery of the same event shares it.
    /// </summary>
    public required string DedupeKey { get; init; }

    /// <summary>
    /// Whether a notice with the same <see cref="DedupeKey"/> was received within the receiver's duplicate window.
    /// A duplicate is still handed over, so that an application can choose to skip it or to re-read the record.
    /// </summary>
    public bool IsDuplicate { get; init; }

    /// <summary>
    /// The record as fetched through the stores when the notice was received, when the receiver was asked to fetch
    /// records. <see langword="null"/> when not fetched, for deletions, and when the record no longer exists.
    /// </summary>
    public LedgerRecord? Record { get; init; }

    /// <summary>
    /// Every field of the provider's notice as received, in order (for FreshBooks: <c>name</c>, <c>object_id</c>,
    /// <c>account_id</c>, <c>business_id</c>, <c>identity_id</c>, <c>user_id</c>; for Xero, the event's fields with
    /// <c>data.Type</c>/<c>data.Status</c> flattened, then the batch's <c>firstEventSequence</c>, <c>lastEventSequence</c>
    /// and <c>entropy</c>), for what the canonical event lacks.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ProviderFields { get; init; } = [];
}
