namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>A FreshBooks webhook callback.</summary>
public sealed record FreshBooksCallback
{
    /// <summary>FreshBooks' callback id.</summary>
    public required string Id { get; init; }

    /// <summary>The FreshBooks event subscribed to, e.g. <c>invoice.create</c> or <c>invoice</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>Where deliveries are posted.</summary>
    public required Uri Uri { get; init; }

    /// <summary>Whether the verification round-trip is complete (the callback delivers only then).</summary>
    public bool Verified { get; init; }

    /// <summary>When FreshBooks last changed the callback (UTC), when it says.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The canonical topic the event name stands for, or <see langword="null"/> for events Ledgerline does not model.</summary>
    public LedgerChangeTopic? Topic { get; init; }
}
