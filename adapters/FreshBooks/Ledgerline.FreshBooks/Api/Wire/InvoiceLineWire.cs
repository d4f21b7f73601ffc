using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>An invoice line. <c>taxAmount1/2</c> are percents here, unlike on expenses.</summary>
internal sealed record InvoiceLineWire
{
    [JsonPropertyName("lineid")]
    public long? LineId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("qty")]
    public string? Quantity { get; init; }

    [JsonPropertyName("unit_cost")]
    public MoneyWire? UnitCost { get; init; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("taxName1")]
    public string? TaxName1 { get; init; }

    [JsonPropertyName("taxAmount1")]
    public string? TaxPercent1 { get; init; }

    [JsonPropertyName("taxName2")]
    public string? TaxName2 { get; init; }

    [JsonPropertyName("taxAmount2")]
    public string? TaxPercent2 { get; init; }

    [JsonPropertyName("type")]
    public int? Type { get; init; }
}
