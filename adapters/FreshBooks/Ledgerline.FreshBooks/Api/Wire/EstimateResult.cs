using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>estimates/estimates</c>: <c>estimate</c>, or <c>estimates[]</c> with the page counters beside it.</summary>
internal sealed record EstimateResult : PageCounters, IWireResult<EstimateWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "estimate";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "estimates";

    [JsonPropertyName(SingleKey)]
    public EstimateWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<EstimateWire>))]

    public IReadOnlyList<EstimateWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
