using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks payment (<c>payments/payments</c>).</summary>
internal sealed record PaymentWire
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("logid")]
    public long? LogId { get; init; }

    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; init; }

    [JsonPropertyName("clientid")]
    public long? ClientId { get; init; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("date")]
    public string? Date { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("updated")]
    public string? Updated { get; init; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
