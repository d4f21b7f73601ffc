using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A FreshBooks credit note as returned with <c>include[]=lines</c>. <c>paid</c> is the part spent through credit
/// payments; <c>payment_status</c> is unpaid, partial or paid accordingly.
/// </summary>
internal sealed record CreditNoteWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("creditid")]
    public long? CreditId { get; set; }

    [JsonPropertyName("credit_number")]
    public string? CreditNumber { get; set; }

    /// <summary>goodwill, prepayment or overpayment.</summary>
    [JsonPropertyName("credit_type")]
    public string? CreditType { get; set; }

    [JsonPropertyName("clientid")]
    public long? ClientId { get; set; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; set; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; set; }

    /// <summary>The credit granted, tax included.</summary>
    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    /// <summary>The part of the credit spent on invoices.</summary>
    [JsonPropertyName("paid")]
    public MoneyWire? Paid { get; set; }

    [JsonPropertyName("payment_status")]
    public string? PaymentStatus { get; set; }

    /// <summary>draft, created, sent or viewed.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("display_status")]
    public string? DisplayStatus { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("terms")]
    public string? Terms { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

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
