using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A page of projects: <c>{"pagination":{…},"items":[…]}</c>.</summary>
internal sealed class ProjectsResult : IXeroList<ProjectWire>
{
    /// <summary>Where the records sit in a Projects API list.</summary>
    public const string ListKey = "items";

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonPropertyName("items")]
    public List<ProjectWire>? Items { get; set; }

    [JsonIgnore]
    public List<ProjectWire>? Records => Items;
}
