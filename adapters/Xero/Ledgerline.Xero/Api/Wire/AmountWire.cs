using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A Projects API money object: <c>{"currency":"NZD","value":99.99}</c>.</summary>
internal sealed class AmountWire
{
    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    [JsonPropertyName("value")]
    public decimal? Value { get; set; }
}
