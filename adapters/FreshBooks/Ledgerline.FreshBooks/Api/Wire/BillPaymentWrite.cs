using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable bill payment fields (<c>billid</c> is ignored on update).</summary>
internal sealed record BillPaymentWrite
{
    [JsonPropertyName("billid")]
    public long? BillId { get; init; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("paid_date")]
    public string? PaidDate { get; init; }

    [JsonPropertyName("payment_type")]
    public string? PaymentType { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>A state change (0 active, 1 deleted, 2 archived), sent alone.</summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
