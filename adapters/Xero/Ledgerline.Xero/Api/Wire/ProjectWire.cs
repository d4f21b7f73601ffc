using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>
/// A project as the Projects API answers it (camelCase, ISO UTC strings, no envelope). Only what the canonical project
/// reads is declared; the money totals (<c>totalTaskAmount</c>, …) stay in the raw representation.
/// </summary>
internal sealed class ProjectWire
{
    [JsonPropertyName("projectId")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("contactId")]
    public string? ContactId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("currencyCode")]
    public string? CurrencyCode { get; set; }

    [JsonPropertyName("deadlineUtc")]
    public string? DeadlineUtc { get; set; }

    [JsonPropertyName("estimate")]
    public AmountWire? Estimate { get; set; }

    /// <summary><c>INPROGRESS</c> or <c>CLOSED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
