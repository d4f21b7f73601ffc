using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks money object: <c>{"amount": "41.94", "code": "CAD"}</c>, the amount a string kept exactly.</summary>
internal sealed record MoneyWire
{
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }
}
