using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks bill payment (<c>bill_payments/bill_payments</c>). FreshBooks sends no timestamp on it.</summary>
internal sealed record BillPaymentWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("billid")]
    public long? BillId { get; set; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("paid_date")]
    public string? PaidDate { get; set; }

    [JsonPropertyName("payment_type")]
    public string? PaymentType { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
