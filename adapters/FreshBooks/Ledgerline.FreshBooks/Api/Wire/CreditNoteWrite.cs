using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable credit note fields.</summary>
internal sealed record CreditNoteWrite
{
    [JsonPropertyName("clientid")]
    public long? ClientId { get; init; }

    [JsonPropertyName("create_date")]
    public string? CreateDate { get; init; }

    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    [JsonPropertyName("credit_number")]
    public string? CreditNumber { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<InvoiceLineWrite>? Lines { get; init; }

    /// <summary>A state change (0 active, 1 deleted, 2 archived), sent alone.</summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
