using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A time entry (<c>/timetracking/business/{id}/time_entries</c>); its timestamps are ISO UTC.</summary>
internal sealed record TimeEntryWire
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("identity_id")]
    public long? IdentityId { get; init; }

    /// <summary>False while a timer is running.</summary>
    [JsonPropertyName("is_logged")]
    public bool? IsLogged { get; init; }

    [JsonPropertyName("started_at")]
    public string? StartedAt { get; init; }

    [JsonPropertyName("created_at")]
    public string? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public string? UpdatedAt { get; init; }

    [JsonPropertyName("client_id")]
    public long? ClientId { get; init; }

    [JsonPropertyName("project_id")]
    public long? ProjectId { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    [JsonPropertyName("billable")]
    public bool? Billable { get; init; }

    [JsonPropertyName("billed")]
    public bool? Billed { get; init; }

    /// <summary>Whole seconds; absent or null while running.</summary>
    [JsonPropertyName("duration")]
    public long? Duration { get; init; }

    [JsonPropertyName("timer")]
    public TimerWire? Timer { get; init; }
}
