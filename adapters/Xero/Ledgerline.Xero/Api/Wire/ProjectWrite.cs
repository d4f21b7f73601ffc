using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>
/// The body of <c>POST /Projects</c> and <c>PUT /Projects/{id}</c> (Xero's <c>ProjectCreateOrUpdate</c>): <c>PUT</c>
/// replaces the name, deadline and estimate, so an update sends every one it keeps.
/// </summary>
internal sealed record ProjectWrite
{
    [JsonPropertyName("contactId")]
    public string? ContactId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("estimateAmount")]
    public decimal? EstimateAmount { get; init; }

    /// <summary>ISO-8601 UTC.</summary>
    [JsonPropertyName("deadlineUtc")]
    public string? DeadlineUtc { get; init; }
}
