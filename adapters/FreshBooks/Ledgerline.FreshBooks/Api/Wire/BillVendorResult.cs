using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>bill_vendors/bill_vendors</c>: <c>bill_vendor</c>, or <c>bill_vendors[]</c> with the page counters beside it.</summary>
internal sealed record BillVendorResult : PageCounters, IWireResult<BillVendorWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "bill_vendor";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "bill_vendors";

    [JsonPropertyName(SingleKey)]
    public BillVendorWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<BillVendorWire>))]

    public IReadOnlyList<BillVendorWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
