using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable estimate fields, and its actions (each sent alone: FreshBooks runs only the actions of a body that has any).</summary>
internal sealed record EstimateWrite
{
    [JsonPropertyName("customerid")]
    public long? CustomerId { get; init; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    [JsonPropertyName("estimate_number")]
    public string? EstimateNumber { get; init; }

    [JsonPropertyName("discount_value")]
    public string? DiscountValue { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("terms")]
    public string? Terms { get; init; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<InvoiceLineWrite>? Lines { get; init; }

    /// <summary>A state change (0 active, 1 deleted, 2 archived), sent alone.</summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }

    /// <summary>Moves a draft to sent (status 2) without sending anything.</summary>
    [JsonPropertyName("action_mark_as_sent")]
    public bool? ActionMarkAsSent { get; init; }

    /// <summary>Records the client's acceptance (status 5, <c>accepted</c> true).</summary>
    [JsonPropertyName("action_accept")]
    public bool? ActionAccept { get; init; }
}
