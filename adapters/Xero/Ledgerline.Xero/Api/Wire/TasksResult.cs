using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A page of a project's tasks: <c>{"pagination":{…},"items":[…]}</c>.</summary>
internal sealed class TasksResult : IXeroList<TaskWire>
{
    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonPropertyName("items")]
    public List<TaskWire>? Items { get; set; }

    [JsonIgnore]
    public List<TaskWire>? Records => Items;
}
