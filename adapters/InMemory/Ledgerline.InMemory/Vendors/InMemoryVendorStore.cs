using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Vendors;

internal sealed class InMemoryVendorStore(InMemoryLedger ledger)
    : InMemoryStore<Vendor, NewVendor, VendorChanges, VendorQuery>(ledger, EntityKind.Vendor, ledger.VendorTable), IVendorStore
{
    protected override Vendor Create(NewVendor draft, DateTimeOffset now) => new()
    {
        Id = string.Empty,
        UpdatedAt = now,
        Name = draft.Name,
        FirstName = Text(draft.FirstName),
        LastName = Text(draft.LastName),
        Email = Text(draft.Email),
        Phone = Text(draft.Phone),
        Website = Text(draft.Website),
        AccountNumber = Text(draft.AccountNumber),
        Address = draft.Address,
        Currency = draft.Currency,
        Notes = Text(draft.Notes),
    };

    protected override Vendor Update(Vendor current, VendorChanges changes) => current with
    {
        Name = changes.Name ?? current.Name,
        FirstName = Change(current.FirstName, changes.FirstName),
        LastName = Change(current.LastName, changes.LastName),
        Email = Change(current.Email, changes.Email),
        Phone = Change(current.Phone, changes.Phone),
        Website = Change(current.Website, changes.Website),
        AccountNumber = Change(current.AccountNumber, changes.AccountNumber),
        Address = changes.Address ?? current.Address,
        Currency = changes.Currency ?? current.Currency,
        Notes = Change(current.Notes, changes.Notes),
    };
}
