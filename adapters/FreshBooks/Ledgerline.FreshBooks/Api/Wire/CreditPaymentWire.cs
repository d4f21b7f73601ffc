using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A payment that spent a credit note, as <c>payments/payments?search[creditid]=…</c> lists it.</summary>
internal sealed record CreditPaymentWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("logid")]
    public long? LogId { get; set; }

    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; set; }

    [JsonPropertyName("creditid")]
    public long? CreditId { get; set; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("date")]
    public string? Date { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
