using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A line as sent; every line of the document is sent whenever lines change (FreshBooks replaces them). A line given back
/// by its id carries the current line's <c>type</c>, <c>expenseid</c> and <c>compounded_tax</c> (<see cref="Mapping.KeptLines"/>).
/// </summary>
internal sealed record InvoiceLineWrite
{
    [JsonPropertyName("type")]
    public int Type { get; init; }

    /// <summary>The expense a rebilled line (<see cref="Type"/> 1) bills; omitted on a normal line.</summary>
    [JsonPropertyName("expenseid")]
    public long? ExpenseId { get; init; }

    /// <summary>Whether tax 2 compounds on tax 1; omitted (FreshBooks' default, not compounded) on a new line.</summary>
    [JsonPropertyName("compounded_tax")]
    public bool? CompoundedTax { get; init; }

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
