namespace Ledgerline.Xero.Api;

/// <summary>An item as Ledgerline writes it; a null member is left out, so Xero keeps its value.</summary>
internal sealed record ItemWrite
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Xero replaces the sales details whole, so a change sends every member it keeps.</summary>
    public ItemDetailsWrite? SalesDetails { get; init; }
}

/// <summary>An item's sales defaults to write.</summary>
internal sealed record ItemDetailsWrite
{
    public decimal? UnitPrice { get; init; }

    public string? AccountCode { get; init; }

    public string? TaxType { get; init; }
}

/// <summary>The body of an item write: Xero's plural envelope with one element.</summary>
internal sealed record ItemsBody(IReadOnlyList<ItemWrite> Items);
