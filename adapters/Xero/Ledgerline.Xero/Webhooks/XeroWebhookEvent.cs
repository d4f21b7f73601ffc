namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// One entry of a Xero webhook's <c>events</c> array, as received. Xero's notices name the record only; read it through
/// <see cref="ResourceUrl"/> or the stores.
/// </summary>
public sealed record XeroWebhookEvent
{
    /// <summary><c>resourceUrl</c>: where the record can be read.</summary>
    public required string ResourceUrl { get; init; }

    /// <summary><c>resourceId</c>: the record's id (a GUID, as the stores use it).</summary>
    public required string ResourceId { get; init; }

    /// <summary><c>eventDateUtc</c> as sent (UTC, no zone suffix, e.g. <c>2024-06-21T01:15:39.902</c>).</summary>
    public required string EventDateUtc { get; init; }

    /// <summary><c>eventType</c>: <c>CREATE</c> or <c>UPDATE</c> (archiving is an update).</summary>
    public required string EventType { get; init; }

    /// <summary><c>eventCategory</c>: <c>CONTACT</c>, <c>INVOICE</c>, <c>CREDITNOTE</c> or <c>SUBSCRIPTION</c>, or one Xero adds later.</summary>
    public required string EventCategory { get; init; }

    /// <summary><c>tenantId</c>: the organisation (or, for <c>SUBSCRIPTION</c>, the application) the event is about.</summary>
    public required string TenantId { get; init; }

    /// <summary><c>tenantType</c>: <c>ORGANISATION</c> or <c>APPLICATION</c>.</summary>
    public required string TenantType { get; init; }

    /// <summary>Every field of the event as received, in order; <c>data</c> members appear as <c>data.Type</c>, <c>data.Status</c>.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; }
}
