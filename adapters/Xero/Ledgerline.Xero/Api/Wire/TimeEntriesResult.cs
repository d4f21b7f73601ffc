using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A page of a project's time entries: <c>{"pagination":{…},"items":[…]}</c>.</summary>
internal sealed class TimeEntriesResult : IXeroList<TimeEntryWire>
{
    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonPropertyName("items")]
    public List<TimeEntryWire>? Items { get; set; }

    [JsonIgnore]
    public List<TimeEntryWire>? Records => Items;
}
