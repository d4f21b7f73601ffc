using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks estimate as returned with <c>include[]=lines</c> and <c>include[]=invoices</c>. Estimates have no due date.</summary>
internal sealed record EstimateWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("estimateid")]
    public long? EstimateId { get; set; }

    [JsonPropertyName("estimate_number")]
    public string? EstimateNumber { get; set; }

    [JsonPropertyName("customerid")]
    public long? CustomerId { get; set; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; set; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; set; }

    /// <summary>The total after discount and tax.</summary>
    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    /// <summary>Negative, as on an invoice.</summary>
    [JsonPropertyName("discount_total")]
    public MoneyWire? DiscountTotal { get; set; }

    /// <summary>The discount percent, as a string.</summary>
    [JsonPropertyName("discount_value")]
    public string? DiscountValue { get; set; }

    /// <summary>1 draft, 2 sent, 3 viewed, 4 replied (Classic), 5 accepted, 6 invoiced (its invoice was sent).</summary>
    [JsonPropertyName("status")]
    public int? Status { get; set; }

    [JsonPropertyName("ui_status")]
    public string? UiStatus { get; set; }

    [JsonPropertyName("display_status")]
    public string? DisplayStatus { get; set; }

    [JsonPropertyName("accepted")]
    public bool? Accepted { get; set; }

    [JsonPropertyName("invoiced")]
    public bool? Invoiced { get; set; }

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

    /// <summary>The live invoices made from the estimate (<c>include[]=invoices</c>).</summary>
    [JsonPropertyName("invoices")]
    public IReadOnlyList<EstimateInvoiceWire>? Invoices { get; set; }
}
