using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>bill_payments/bill_payments</c>: <c>bill_payment</c>, or <c>bill_payments[]</c> with the page counters.</summary>
internal sealed record BillPaymentResult : PageCounters, IWireResult<BillPaymentWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "bill_payment";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "bill_payments";

    [JsonPropertyName(SingleKey)]
    public BillPaymentWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<BillPaymentWire>))]

    public IReadOnlyList<BillPaymentWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
