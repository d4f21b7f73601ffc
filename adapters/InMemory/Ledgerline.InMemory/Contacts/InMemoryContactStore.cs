using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Contacts;

internal sealed class InMemoryContactStore(InMemoryLedger ledger)
    : InMemoryStore<Contact, NewContact, ContactChanges, ContactQuery>(ledger, EntityKind.Contact, ledger.ContactTable), IContactStore
{
    protected override Contact Create(NewContact draft, DateTimeOffset now) => Identified(new Contact
    {
        Id = string.Empty,
        UpdatedAt = now,
        FirstName = Text(draft.FirstName),
        LastName = Text(draft.LastName),
        Organization = Text(draft.Organization),
        Email = Text(draft.Email),
        Phones = [.. draft.Phones],
        BillingAddress = draft.BillingAddress,
        Currency = draft.Currency,
        Notes = Text(draft.Notes),
    });

    protected override Contact Update(Contact current, ContactChanges changes) => Identified(current with
    {
        FirstName = Change(current.FirstName, changes.FirstName),
        LastName = Change(current.LastName, changes.LastName),
        Organization = Change(current.Organization, changes.Organization),
        Email = Change(current.Email, changes.Email),
        Phones = changes.Phones is { } phones ? [.. phones] : current.Phones,
        BillingAddress = changes.BillingAddress ?? current.BillingAddress,
        Currency = changes.Currency ?? current.Currency,
        Notes = Change(current.Notes, changes.Notes),
    });

    // Changes can clear every name the draft rule demanded; the result must still say who the contact is.
    private Contact Identified(Contact contact) =>
        contact.FirstName is null && contact.LastName is null && contact.Organization is null && contact.Email is null
            ? throw Invalid(
                nameof(Contact.Organization),
                "A contact needs at least one of FirstName, LastName, Organization or Email; these changes would clear them all.",
                "ContactIdentityRequired")
            : contact;
}
