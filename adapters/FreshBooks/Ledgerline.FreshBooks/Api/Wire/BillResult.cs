using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>bills/bills</c>: <c>bill</c>, or <c>bills[]</c> with the page counters beside it.</summary>
internal sealed record BillResult : PageCounters, IWireResult<BillWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "bill";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "bills";

    [JsonPropertyName(SingleKey)]
    public BillWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<BillWire>))]

    public IReadOnlyList<BillWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
