using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>payments/payments</c> read as the payments that spent a credit note.</summary>
internal sealed record CreditPaymentResult : PageCounters, IWireResult<CreditPaymentWire>
{
    [JsonPropertyName(PaymentResult.SingleKey)]
    public CreditPaymentWire? Record { get; set; }

    [JsonPropertyName(PaymentResult.ListKey)]
    [JsonConverter(typeof(WireListConverter<CreditPaymentWire>))]
    public IReadOnlyList<CreditPaymentWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
