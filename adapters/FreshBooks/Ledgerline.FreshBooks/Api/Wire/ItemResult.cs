using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>items/items</c>: <c>item</c>, or <c>items[]</c> with the page counters beside it.</summary>
internal sealed record ItemResult : PageCounters, IWireResult<ItemWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "item";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "items";

    [JsonPropertyName(SingleKey)]
    public ItemWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<ItemWire>))]

    public IReadOnlyList<ItemWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
