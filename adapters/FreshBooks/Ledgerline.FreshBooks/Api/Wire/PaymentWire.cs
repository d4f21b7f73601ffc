using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks payment (<c>payments/payments</c>).</summary>
internal sealed record PaymentWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("logid")]
    public long? LogId { get; set; }

    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; set; }

    [JsonPropertyName("clientid")]
    public long? ClientId { get; set; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; set; }

    [JsonPropertyName("date")]
    public string? Date { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }

    [JsonPropertyName("updated")]
    public string? Updated { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
