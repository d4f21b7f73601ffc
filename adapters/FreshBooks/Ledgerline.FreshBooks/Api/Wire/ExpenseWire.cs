using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks expense. <c>taxAmount1/2</c> are money objects here, unlike on invoice lines.</summary>
internal sealed record ExpenseWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("expenseid")]
    public long? ExpenseId { get; set; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("date")]
    public string? Date { get; set; }

    [JsonPropertyName("vendor")]
    public string? Vendor { get; set; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; set; }

    /// <summary>0 means none.</summary>
    [JsonPropertyName("clientid")]
    public long? ClientId { get; set; }

    [JsonPropertyName("staffid")]
    public long? StaffId { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("taxName1")]
    public string? TaxName1 { get; set; }

    [JsonPropertyName("taxAmount1")]
    public MoneyWire? TaxAmount1 { get; set; }

    [JsonPropertyName("taxPercent1")]
    public string? TaxPercent1 { get; set; }

    [JsonPropertyName("taxName2")]
    public string? TaxName2 { get; set; }

    [JsonPropertyName("taxAmount2")]
    public MoneyWire? TaxAmount2 { get; set; }

    [JsonPropertyName("taxPercent2")]
    public string? TaxPercent2 { get; set; }

    [JsonPropertyName("updated")]
    public string? Updated { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
