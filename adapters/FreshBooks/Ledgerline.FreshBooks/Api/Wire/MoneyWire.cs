using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks money object: <c>{"amount": "41.94", "code": "CAD"}</c>, the amount a string kept exactly.</summary>
internal sealed record MoneyWire
{
    [JsonPropertyName("amount")]
    public string? Amount { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }
}
