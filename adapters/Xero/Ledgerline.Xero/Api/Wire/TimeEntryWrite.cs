using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>
/// The body of <c>POST</c> and <c>PUT</c> on a project's time (Xero's <c>TimeEntryCreateOrUpdate</c>): every member but
/// the description is required, and <c>PUT</c> clears a description it does not receive, so an update sends them all.
/// </summary>
internal sealed record TimeEntryWrite
{
    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    /// <summary>ISO-8601 UTC.</summary>
    [JsonPropertyName("dateUtc")]
    public required string DateUtc { get; init; }

    /// <summary>Whole minutes, 1–59940.</summary>
    [JsonPropertyName("duration")]
    public required long Duration { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
