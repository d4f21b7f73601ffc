using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A time tracking body, bare (no <c>response</c> wrapper): <c>time_entry</c>, or <c>time_entries[]</c> with the page
/// counters in <c>meta</c>.
/// </summary>
internal sealed record TimeEntryResult : IWireResult<TimeEntryWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "time_entry";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "time_entries";

    [JsonPropertyName(SingleKey)]
    public TimeEntryWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<TimeEntryWire>))]

    public IReadOnlyList<TimeEntryWire>? Records { get; set; }

    [JsonPropertyName("meta")]
    public PageCounters? Meta { get; set; }

    [JsonIgnore]
    public PageCounters? Counters => Meta;
}
