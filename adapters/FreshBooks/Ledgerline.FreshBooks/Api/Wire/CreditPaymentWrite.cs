using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A payment of type Credit naming the credit note it spends: FreshBooks has no apply-credit endpoint, so applying credit
/// to an invoice is recorded as such a payment on the invoice.
/// </summary>
internal sealed record CreditPaymentWrite
{
    /// <summary>The payment type that spends a credit note.</summary>
    public const string CreditType = "Credit";

    [JsonPropertyName("invoiceid")]
    public required long InvoiceId { get; init; }

    [JsonPropertyName("amount")]
    public required MoneyWire Amount { get; init; }

    [JsonPropertyName("date")]
    public required string Date { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = CreditType;

    [JsonPropertyName("creditid")]
    public required long CreditId { get; init; }
}
