using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A line as sent; every line of the invoice is sent whenever lines change (FreshBooks replaces them).</summary>
internal sealed record InvoiceLineWrite
{
    [JsonPropertyName("type")]
    public int Type { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("qty")]
    public required string Quantity { get; init; }

    [JsonPropertyName("unit_cost")]
    public required MoneyWire UnitCost { get; init; }

    [JsonPropertyName("taxName1")]
    public string? TaxName1 { get; init; }

    [JsonPropertyName("taxAmount1")]
    public string? TaxPercent1 { get; init; }

    [JsonPropertyName("taxName2")]
    public string? TaxName2 { get; init; }

    [JsonPropertyName("taxAmount2")]
    public string? TaxPercent2 { get; init; }
}
