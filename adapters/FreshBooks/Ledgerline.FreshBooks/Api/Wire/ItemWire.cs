using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A FreshBooks item (<c>items/items</c>): a product or service with a default price and default taxes.</summary>
internal sealed record ItemWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("itemid")]
    public long? ItemId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("sku")]
    public string? Sku { get; set; }

    [JsonPropertyName("unit_cost")]
    public MoneyWire? UnitCost { get; set; }

    /// <summary>The quantity an invoice line starts with (a decimal string); not mapped.</summary>
    [JsonPropertyName("qty")]
    public string? Qty { get; set; }

    /// <summary>Stock on hand (a decimal string), null when not tracked.</summary>
    [JsonPropertyName("inventory")]
    public string? Inventory { get; set; }

    /// <summary>The first default tax's id; 0 for none.</summary>
    [JsonPropertyName("tax1")]
    public long? Tax1 { get; set; }

    /// <summary>The second default tax's id; 0 for none.</summary>
    [JsonPropertyName("tax2")]
    public long? Tax2 { get; set; }

    [JsonPropertyName("updated")]
    public string? Updated { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
