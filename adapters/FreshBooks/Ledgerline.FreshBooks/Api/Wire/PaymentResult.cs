using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>payments/payments</c>: <c>payment</c>, or <c>payments[]</c> with the page counters beside it.</summary>
internal sealed record PaymentResult : PageCounters, IWireResult<PaymentWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "payment";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "payments";

    [JsonPropertyName(SingleKey)]
    public PaymentWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<PaymentWire>))]

    public IReadOnlyList<PaymentWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
