using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A time entry (<c>/timetracking/business/{id}/time_entries</c>); its timestamps are ISO UTC.</summary>
internal sealed record TimeEntryWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("identity_id")]
    public long? IdentityId { get; set; }

    /// <summary>False while a timer is running.</summary>
    [JsonPropertyName("is_logged")]
    public bool? IsLogged { get; set; }

    [JsonPropertyName("started_at")]
    public string? StartedAt { get; set; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; set; }

    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; set; }

    [JsonPropertyName("project_id")]
    public long? ProjectId { get; set; }

    [JsonPropertyName("task_id")]
    public long? TaskId { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("active")]
    public bool? Active { get; set; }

    [JsonPropertyName("billable")]
    public bool? Billable { get; set; }

    [JsonPropertyName("billed")]
    public bool? Billed { get; set; }

    /// <summary>Whole seconds; absent or null while running.</summary>
    [JsonPropertyName("duration")]
    public long? Duration { get; set; }

    [JsonPropertyName("timer")]
    public TimerWire? Timer { get; set; }
}
