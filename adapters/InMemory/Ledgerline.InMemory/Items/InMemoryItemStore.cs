using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Items;

internal sealed class InMemoryItemStore(InMemoryLedger ledger)
    : InMemoryStore<Item, NewItem, ItemChanges, ItemQuery>(ledger, EntityKind.Item, ledger.ItemTable), IItemStore
{
    protected override Item Create(NewItem draft, DateTimeOffset now)
    {
        RequireTaxRates(draft.TaxRateIds);
        return new Item
        {
            Id = string.Empty,
            UpdatedAt = now,
            Name = draft.Name,
            Code = Text(draft.Code),
            Description = Text(draft.Description),
            UnitPrice = draft.UnitPrice,
            TaxRateIds = [.. draft.TaxRateIds],
            QuantityOnHand = draft.QuantityOnHand,
        };
    }

    protected override Item Update(Item current, ItemChanges changes)
    {
        if (changes.TaxRateIds is { } taxRateIds)
        {
            RequireTaxRates(taxRateIds);
        }

        return current with
        {
            Name = changes.Name ?? current.Name,
            Code = Change(current.Code, changes.Code),
            Description = Change(current.Description, changes.Description),
            UnitPrice = changes.UnitPrice ?? current.UnitPrice,
            TaxRateIds = changes.TaxRateIds is { } ids ? [.. ids] : current.TaxRateIds,
            QuantityOnHand = changes.QuantityOnHand ?? current.QuantityOnHand,
        };
    }
}
