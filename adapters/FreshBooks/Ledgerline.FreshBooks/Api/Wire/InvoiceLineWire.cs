using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>An invoice line. <c>taxAmount1/2</c> are percents here, unlike on expenses.</summary>
internal sealed record InvoiceLineWire
{
    [JsonPropertyName("lineid")]
    public long? LineId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("qty")]
    public string? Quantity { get; set; }

    [JsonPropertyName("unit_cost")]
    public MoneyWire? UnitCost { get; set; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("taxName1")]
    public string? TaxName1 { get; set; }

    [JsonPropertyName("taxAmount1")]
    public string? TaxPercent1 { get; set; }

    [JsonPropertyName("taxName2")]
    public string? TaxName2 { get; set; }

    [JsonPropertyName("taxAmount2")]
    public string? TaxPercent2 { get; set; }

    [JsonPropertyName("type")]
    public int? Type { get; set; }
}
