using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks invoice as returned with <c>include[]=lines</c>.</summary>
internal sealed record InvoiceWire
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; init; }

    [JsonPropertyName("invoice_number")]
    public string? InvoiceNumber { get; init; }

    [JsonPropertyName("customerid")]
    public long? CustomerId { get; init; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; init; }

    [JsonPropertyName("due_date")]
    public string? DueDate { get; init; }

    [JsonPropertyName("due_offset_days")]
    public int? DueOffsetDays { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    /// <summary>The total after discount and tax.</summary>
    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("outstanding")]
    public MoneyWire? Outstanding { get; init; }

    [JsonPropertyName("paid")]
    public MoneyWire? Paid { get; init; }

    /// <summary>Negative in FreshBooks' own fixtures (-4.40 for a 10 % discount on 44.00).</summary>
    [JsonPropertyName("discount_total")]
    public MoneyWire? DiscountTotal { get; init; }

    /// <summary>The discount percent, as a string.</summary>
    [JsonPropertyName("discount_value")]
    public string? DiscountValue { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("v3_status")]
    public string? V3Status { get; init; }

    [JsonPropertyName("display_status")]
    public string? DisplayStatus { get; init; }

    [JsonPropertyName("payment_status")]
    public string? PaymentStatus { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("terms")]
    public string? Terms { get; init; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>US/Eastern wall-clock time.</summary>
    [JsonPropertyName("updated")]
    public string? Updated { get; init; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<InvoiceLineWire>? Lines { get; init; }
}
