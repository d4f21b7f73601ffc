using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A time entry of a project: whole minutes by a user against a task.</summary>
internal sealed class TimeEntryWire
{
    [JsonPropertyName("timeEntryId")]
    public string? TimeEntryId { get; set; }

    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("projectId")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("taskId")]
    public string? TaskId { get; set; }

    [JsonPropertyName("dateUtc")]
    public string? DateUtc { get; set; }

    [JsonPropertyName("dateEnteredUtc")]
    public string? DateEnteredUtc { get; set; }

    /// <summary>Minutes.</summary>
    [JsonPropertyName("duration")]
    public long? Duration { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary><c>ACTIVE</c>, <c>LOCKED</c> or <c>INVOICED</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
