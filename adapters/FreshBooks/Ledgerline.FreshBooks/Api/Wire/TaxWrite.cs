using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable tax fields.</summary>
internal sealed record TaxWrite
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>The percent, sent as a decimal string so that every digit is kept (FreshBooks answers it as one).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; init; }

    [JsonPropertyName("compound")]
    public bool? Compound { get; init; }
}
