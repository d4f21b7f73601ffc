using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable payment fields.</summary>
internal sealed record PaymentWrite
{
    [JsonPropertyName("invoiceid")]
    public long? InvoiceId { get; init; }

    [JsonPropertyName("amount")]
    public MoneyWire? Amount { get; init; }

    [JsonPropertyName("date")]
    public string? Date { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>
    /// A state change (0 active, 1 deleted, 2 archived). FreshBooks discards every other field of a body that carries it,
    /// so it is sent alone.
    /// </summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
