using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable time entry fields.</summary>
internal sealed record TimeEntryWrite
{
    [JsonPropertyName("is_logged")]
    public bool? IsLogged { get; init; }

    [JsonPropertyName("started_at")]
    public string? StartedAt { get; init; }

    [JsonPropertyName("duration")]
    public long? Duration { get; init; }

    [JsonPropertyName("billable")]
    public bool? Billable { get; init; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; init; }

    [JsonPropertyName("project_id")]
    public long? ProjectId { get; init; }

    [JsonPropertyName("task_id")]
    public long? TaskId { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
