using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The writable item fields.</summary>
internal sealed record ItemWrite
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("sku")]
    public string? Sku { get; init; }

    [JsonPropertyName("unit_cost")]
    public MoneyWire? UnitCost { get; init; }

    [JsonPropertyName("inventory")]
    public string? Inventory { get; init; }

    /// <summary>The first default tax's id; 0 clears it.</summary>
    [JsonPropertyName("tax1")]
    public long? Tax1 { get; init; }

    /// <summary>The second default tax's id; 0 clears it.</summary>
    [JsonPropertyName("tax2")]
    public long? Tax2 { get; init; }

    /// <summary>
    /// A state change (0 active, 1 deleted, 2 archived). FreshBooks discards every other field of a body that carries it,
    /// so it is sent alone.
    /// </summary>
    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
