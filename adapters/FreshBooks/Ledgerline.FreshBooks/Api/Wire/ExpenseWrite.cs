using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable expense fields.</summary>
internal sealed record ExpenseWrite
{
    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("date")]
    public string? Date { get; init; }

    [JsonPropertyName("vendor")]
    public string? Vendor { get; init; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; init; }

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

    /// <summary>
    /// A state change (0 active, 1 deleted, 2 archived). FreshBooks discards every other field of a body that carries it,
    /// so it is sent alone.
    /// </summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
