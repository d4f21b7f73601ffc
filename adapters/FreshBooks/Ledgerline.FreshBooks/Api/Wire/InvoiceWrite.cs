using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable invoice fields.</summary>
internal sealed record InvoiceWrite
{
    [JsonPropertyName("customerid")]
    public long? CustomerId { get; init; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; init; }

    [JsonPropertyName("due_offset_days")]
    public int? DueOffsetDays { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    [JsonPropertyName("invoice_number")]
    public string? InvoiceNumber { get; init; }

    [JsonPropertyName("discount_value")]
    public string? DiscountValue { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("terms")]
    public string? Terms { get; init; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<InvoiceLineWrite>? Lines { get; init; }

    /// <summary>
    /// A state change (0 active, 1 deleted, 2 archived). FreshBooks discards every other field of a body that carries it,
    /// so it is sent alone.
    /// </summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }

    /// <summary>
    /// The mark-as-sent action (a draft becomes sent, nothing is emailed). FreshBooks runs actions only from a body without
    /// <c>vis_state</c> and ignores ordinary fields beside them, so it is sent alone.
    /// </summary>
    [JsonPropertyName("action_mark_as_sent")]
    public bool? ActionMarkAsSent { get; init; }
}
