namespace Ledgerline;

/// <summary>
/// A product or service from the business's catalogue, used to fill invoice lines. FreshBooks: an item
/// (<c>items/items</c>, tax ids <c>tax1</c>/<c>tax2</c>, <c>inventory</c>); Xero: an item (<c>Code</c>, sales details,
/// <c>QuantityOnHand</c> when tracked as inventory).
/// </summary>
public sealed record Item : LedgerRecord
{
    /// <summary>The name; required.</summary>
    public required string Name { get; init; }

    /// <summary>The business's own code for it (SKU, Xero item code), when it has one.</summary>
    public string? Code { get; init; }

    /// <summary>Description copied onto invoice lines.</summary>
    public string? Description { get; init; }

    /// <summary>The default selling price per unit, when the provider has one.</summary>
    public Money? UnitPrice { get; init; }

    /// <summary>The tax rates (<see cref="TaxRate"/> ids) applied by default when the item is invoiced.</summary>
    public IReadOnlyList<string> TaxRateIds { get; init; } = [];

    /// <summary>How many are in stock, where the provider tracks inventory for the item; <see langword="null"/> otherwise.</summary>
    public decimal? QuantityOnHand { get; init; }
}

/// <summary>The input that creates an <see cref="Item"/>.</summary>
public sealed record NewItem
{
    /// <summary>The name; required.</summary>
    public required string Name { get; init; }

    /// <summary>The business's own code (SKU), if any.</summary>
    public string? Code { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Default selling price per unit, not negative.</summary>
    public Money? UnitPrice { get; init; }

    /// <summary>Default tax rates, by <see cref="TaxRate"/> id; each must exist.</summary>
    public IReadOnlyList<string> TaxRateIds { get; init; } = [];

    /// <summary>Stock on hand, for providers that track inventory.</summary>
    public decimal? QuantityOnHand { get; init; }
}

/// <summary>Changes to an <see cref="Item"/>: a <see langword="null"/> property is left as it is; an empty string clears the field.</summary>
public sealed record ItemChanges
{
    /// <summary>New name.</summary>
    public string? Name { get; init; }

    /// <summary>New code.</summary>
    public string? Code { get; init; }

    /// <summary>New description.</summary>
    public string? Description { get; init; }

    /// <summary>New unit price.</summary>
    public Money? UnitPrice { get; init; }

    /// <summary>Replaces the default tax rates.</summary>
    public IReadOnlyList<string>? TaxRateIds { get; init; }

    /// <summary>New stock on hand.</summary>
    public decimal? QuantityOnHand { get; init; }
}

/// <summary>Filters for listing items.</summary>
public sealed record ItemQuery : RecordQuery<Item>
{
    /// <summary>Only the item with exactly this code (case-sensitive, as SKUs are).</summary>
    public string? Code { get; init; }

    /// <summary>Only items whose name contains this text (case-insensitive).</summary>
    public string? NameContains { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Item record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Code is not { } code || string.Equals(record.Code, code, StringComparison.Ordinal)) &&
            (NameContains is not { } name || record.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(Code), Code);
        QueryFilter.Add(filters, nameof(NameContains), NameContains);
    }
}

/// <summary>The product and service catalogue (FreshBooks items, Xero items).</summary>
public interface IItemStore : ILedgerStore<Item, NewItem, ItemChanges, ItemQuery>;
