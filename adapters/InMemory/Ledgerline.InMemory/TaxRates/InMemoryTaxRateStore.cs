using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.TaxRates;

internal sealed class InMemoryTaxRateStore(InMemoryLedger ledger)
    : InMemoryStore<TaxRate, NewTaxRate, TaxRateChanges, TaxRateQuery>(ledger, EntityKind.TaxRate, ledger.TaxRateTable), ITaxRateStore
{
    protected override TaxRate Create(NewTaxRate draft, DateTimeOffset now) => new()
    {
        Id = string.Empty,
        UpdatedAt = now,
        Name = draft.Name,
        Percent = draft.Percent,
        RegistrationNumber = Text(draft.RegistrationNumber),
        IsCompound = draft.IsCompound,
    };

    protected override TaxRate Update(TaxRate current, TaxRateChanges changes) => current with
    {
        Name = changes.Name ?? current.Name,
        Percent = changes.Percent ?? current.Percent,
        RegistrationNumber = Change(current.RegistrationNumber, changes.RegistrationNumber),
        IsCompound = changes.IsCompound ?? current.IsCompound,
    };
}
