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

    /// <summary>Whether tax 2 is charged on the amount plus tax 1; kept when the line is given back by its id.</summary>
    [JsonPropertyName("compounded_tax")]
    public bool? CompoundedTax { get; set; }

    /// <summary>0 a normal line, 1 a rebilled expense (<see cref="ExpenseId"/> names it); kept when the line is given back.</summary>
    [JsonPropertyName("type")]
    public int? Type { get; set; }

    /// <summary>The expense a rebilled line bills (0 on a normal line); kept when the line is given back.</summary>
    [JsonPropertyName("expenseid")]
    public long? ExpenseId { get; set; }
}
