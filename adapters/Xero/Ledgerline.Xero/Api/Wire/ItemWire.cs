using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>An item as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class ItemWire
{
    public string? ItemID { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool? IsSold { get; set; }

    public ItemDetailsWire? SalesDetails { get; set; }

    public bool? IsTrackedAsInventory { get; set; }

    public decimal? QuantityOnHand { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>An item's sales (or purchase) defaults: Xero's <c>Purchase</c> schema.</summary>
internal sealed class ItemDetailsWire
{
    public decimal? UnitPrice { get; set; }

    public string? AccountCode { get; set; }

    public string? TaxType { get; set; }
}

/// <summary>The answer of the Items endpoints (unpaged).</summary>
internal sealed class ItemsResult : IXeroList<ItemWire>
{
    public const string ListKey = "Items";

    public List<ItemWire>? Items { get; set; }

    [JsonIgnore]
    public PaginationWire? Pagination => null;

    [JsonIgnore]
    public List<ItemWire>? Records => Items;
}
