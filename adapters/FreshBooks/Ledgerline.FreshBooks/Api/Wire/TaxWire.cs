using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks tax (<c>taxes/taxes</c>). It has no <c>vis_state</c>: a deleted tax is gone.</summary>
internal sealed record TaxWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("taxid")]
    public long? TaxId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The registration number printed on documents.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>The rate in percent as a decimal string (<c>"13"</c>, <c>"9.975"</c>).</summary>
    [JsonPropertyName("amount")]
    public string? Amount { get; set; }

    [JsonPropertyName("compound")]
    public bool? Compound { get; set; }

    [JsonPropertyName("updated")]
    public string? Updated { get; set; }
}
