using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks expense. <c>taxAmount1/2</c> are money objects here, unlike on invoice lines.</summary>
internal sealed record ExpenseWire
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("expenseid")]
    public long? ExpenseId { get; init; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("date")]
    public string? Date { get; init; }

    [JsonPropertyName("vendor")]
    public string? Vendor { get; init; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; init; }

    /// <summary>0 means none.</summary>
    [JsonPropertyName("clientid")]
    public long? ClientId { get; init; }

    [JsonPropertyName("staffid")]
    public long? StaffId { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("taxName1")]
    public string? TaxName1 { get; init; }

    [JsonPropertyName("taxAmount1")]
    public MoneyWire? TaxAmount1 { get; init; }

    [JsonPropertyName("taxPercent1")]
    public string? TaxPercent1 { get; init; }

    [JsonPropertyName("taxName2")]
    public string? TaxName2 { get; init; }

    [JsonPropertyName("taxAmount2")]
    public MoneyWire? TaxAmount2 { get; init; }

    [JsonPropertyName("taxPercent2")]
    public string? TaxPercent2 { get; init; }

    [JsonPropertyName("updated")]
    public string? Updated { get; init; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
