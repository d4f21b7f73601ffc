using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks invoice as returned with <c>include[]=lines</c>.</summary>
internal sealed record InvoiceWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; set; }

    [JsonPropertyName("invoice_number")]
    public string? InvoiceNumber { get; set; }

    [JsonPropertyName("customerid")]
    public long? CustomerId { get; set; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; set; }

    [JsonPropertyName("due_date")]
    public string? DueDate { get; set; }

    [JsonPropertyName("due_offset_days")]
    public int? DueOffsetDays { get; set; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; set; }

    /// <summary>The total after discount and tax.</summary>
    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("outstanding")]
    public MoneyWire? Outstanding { get; set; }

    [JsonPropertyName("paid")]
    public MoneyWire? Paid { get; set; }

    /// <summary>Negative in FreshBooks' own fixtures (-4.40 for a 10 % discount on 44.00).</summary>
    [JsonPropertyName("discount_total")]
    public MoneyWire? DiscountTotal { get; set; }

    /// <summary>The discount percent, as a string.</summary>
    [JsonPropertyName("discount_value")]
    public string? DiscountValue { get; set; }

    [JsonPropertyName("status")]
    public int? Status { get; set; }

    [JsonPropertyName("v3_status")]
    public string? V3Status { get; set; }

    [JsonPropertyName("display_status")]
    public string? DisplayStatus { get; set; }

    [JsonPropertyName("payment_status")]
    public string? PaymentStatus { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("terms")]
    public string? Terms { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    /// <summary>US/Eastern wall-clock time.</summary>
    [JsonPropertyName("updated")]
    public string? Updated { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<InvoiceLineWire>? Lines { get; set; }
}
