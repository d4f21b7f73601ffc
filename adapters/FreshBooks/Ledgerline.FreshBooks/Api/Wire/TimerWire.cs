using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The timer attached to a time entry.</summary>
internal sealed record TimerWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("is_running")]
    public bool? IsRunning { get; set; }
}
