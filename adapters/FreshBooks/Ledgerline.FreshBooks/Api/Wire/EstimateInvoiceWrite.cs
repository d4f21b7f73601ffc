using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// An invoice made from an estimate: its customer, currency, lines, discount, notes and terms, and <c>estimateid</c>
/// (writable on create only), which links the two. FreshBooks has no convert endpoint.
/// </summary>
internal sealed record EstimateInvoiceWrite
{
    [JsonPropertyName("estimateid")]
    public required long EstimateId { get; init; }

    [JsonPropertyName("customerid")]
    public required long CustomerId { get; init; }

    [JsonPropertyName("currency_code")]
    public required string CurrencyCode { get; init; }

    [JsonPropertyName("discount_value")]
    public string? DiscountValue { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("terms")]
    public string? Terms { get; init; }

    [JsonPropertyName("lines")]
    public required IReadOnlyList<InvoiceLineWrite> Lines { get; init; }
}
