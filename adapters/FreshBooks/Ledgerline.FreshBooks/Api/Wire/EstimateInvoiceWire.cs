using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>An invoice made from an estimate, as the estimate's <c>invoices</c> include lists it.</summary>
internal sealed record EstimateInvoiceWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; set; }

    [JsonPropertyName("invoice_number")]
    public string? InvoiceNumber { get; set; }

    [JsonPropertyName("status")]
    public int? Status { get; set; }
}
