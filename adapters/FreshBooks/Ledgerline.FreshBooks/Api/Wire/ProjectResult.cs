using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A projects body, bare (no <c>response</c> wrapper): <c>project</c>, or <c>projects[]</c> with the page
/// counters in <c>meta</c>.
/// </summary>
internal sealed record ProjectResult : IWireResult<ProjectWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "project";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "projects";

    [JsonPropertyName(SingleKey)]
    public ProjectWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<ProjectWire>))]

    public IReadOnlyList<ProjectWire>? Records { get; set; }

    [JsonPropertyName("meta")]
    public PageCounters? Meta { get; set; }

    [JsonIgnore]
    public PageCounters? Counters => Meta;
}
