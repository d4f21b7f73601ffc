using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Items. <c>sku</c> is the code, <c>unit_cost</c> the unit price, <c>tax1</c>/<c>tax2</c> the default tax ids (0 = none,
/// kept in that order), <c>inventory</c> the stock on hand (null when not tracked). <c>qty</c>, the quantity a line starts
/// with, has no canonical field. Id, name and <c>updated</c> are required.
/// </summary>
internal sealed class ItemRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ItemWire, Item>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, s.ItemId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Updated))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.VisState))
            .Map(d => d.Name, s => FreshBooksValues.RequiredText(s.Name, "name"))
            .Map(d => d.Code, s => FreshBooksValues.Text(s.Sku))
            .Map(d => d.Description, s => FreshBooksValues.Text(s.Description))
            .Map(d => d.UnitPrice, s => s.UnitCost == null ? (Money?)null : FreshBooksValues.RequiredMoney(s.UnitCost, null, "unit_cost"))
            .Map(d => d.TaxRateIds, s => TaxIds(s.Tax1, s.Tax2))
            .Map(d => d.QuantityOnHand, s => FreshBooksValues.Decimal(s.Inventory))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewItem, ItemWrite>()
            .Map(d => d.Name, s => s.Name)
            .Map(d => d.Description, s => s.Description)
            .Map(d => d.Sku, s => s.Code)
            .Map(d => d.UnitCost, s => s.UnitPrice.HasValue ? FreshBooksValues.MoneyOut(s.UnitPrice.Value) : null)
            .Map(d => d.Inventory, s => s.QuantityOnHand.HasValue ? FreshBooksValues.Number(s.QuantityOnHand.Value) : null)
            .Map(d => d.Tax1, s => TaxId(s.TaxRateIds, 0))
            .Map(d => d.Tax2, s => TaxId(s.TaxRateIds, 1))
            .Ignore(d => d.VisState);

        config.NewConfig<ItemChanges, ItemWrite>()
            .Map(d => d.Name, s => s.Name)
            .Map(d => d.Description, s => s.Description)
            .Map(d => d.Sku, s => s.Code)
            .Map(d => d.UnitCost, s => s.UnitPrice.HasValue ? FreshBooksValues.MoneyOut(s.UnitPrice.Value) : null)
            .Map(d => d.Inventory, s => s.QuantityOnHand.HasValue ? FreshBooksValues.Number(s.QuantityOnHand.Value) : null)
            .Map(d => d.Tax1, s => s.TaxRateIds == null ? (long?)null : TaxId(s.TaxRateIds, 0))
            .Map(d => d.Tax2, s => s.TaxRateIds == null ? (long?)null : TaxId(s.TaxRateIds, 1))
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<ItemWire, Item>(s => new Item
        {
            Id = FreshBooksValues.RequiredId(s.Id, s.ItemId),
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Updated),
            State = FreshBooksValues.RequiredState(s.VisState),
            Name = FreshBooksValues.RequiredText(s.Name, "name"),
            Code = FreshBooksValues.Text(s.Sku),
            Description = FreshBooksValues.Text(s.Description),
            UnitPrice = s.UnitCost == null ? (Money?)null : FreshBooksValues.RequiredMoney(s.UnitCost, null, "unit_cost"),
            TaxRateIds = TaxIds(s.Tax1, s.Tax2),
            QuantityOnHand = FreshBooksValues.Decimal(s.Inventory),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<NewItem, ItemWrite>(s => new ItemWrite
        {
            Name = s.Name,
            Description = s.Description,
            Sku = s.Code,
            UnitCost = s.UnitPrice.HasValue ? FreshBooksValues.MoneyOut(s.UnitPrice.Value) : null,
            Inventory = s.QuantityOnHand.HasValue ? FreshBooksValues.Number(s.QuantityOnHand.Value) : null,
            Tax1 = TaxId(s.TaxRateIds, 0),
            Tax2 = TaxId(s.TaxRateIds, 1),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<ItemChanges, ItemWrite>(s => new ItemWrite
        {
            Name = s.Name,
            Description = s.Description,
            Sku = s.Code,
            UnitCost = s.UnitPrice.HasValue ? FreshBooksValues.MoneyOut(s.UnitPrice.Value) : null,
            Inventory = s.QuantityOnHand.HasValue ? FreshBooksValues.Number(s.QuantityOnHand.Value) : null,
            Tax1 = s.TaxRateIds == null ? (long?)null : TaxId(s.TaxRateIds, 0),
            Tax2 = s.TaxRateIds == null ? (long?)null : TaxId(s.TaxRateIds, 1),
        });
    }

    /// <summary>The default tax ids in order, FreshBooks' 0 ("none") left out.</summary>
    private static IReadOnlyList<string> TaxIds(long? tax1, long? tax2)
    {
        var first = FreshBooksValues.Reference(tax1);
        var second = FreshBooksValues.Reference(tax2);
        return (first, second) switch
        {
            (null, null) => [],
            ({ } a, null) => [a],
            (null, { } b) => [b],
            ({ } a, { } b) => [a, b],
        };
    }

    /// <summary>
    /// The FreshBooks id of the <paramref name="index"/>th tax rate, 0 when there is none (which clears the slot on
    /// update). The store has already checked every id names an existing tax.
    /// </summary>
    private static long TaxId(IReadOnlyList<string> ids, int index) =>
        ids.Count > index ? FreshBooksValues.ParseId(ids[index]) ?? 0 : 0;
}
