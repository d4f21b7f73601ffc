using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>taxes/taxes</c>: <c>tax</c>, or <c>taxes[]</c> with the page counters beside it.</summary>
internal sealed record TaxResult : PageCounters, IWireResult<TaxWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "tax";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "taxes";

    [JsonPropertyName(SingleKey)]
    public TaxWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<TaxWire>))]

    public IReadOnlyList<TaxWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
