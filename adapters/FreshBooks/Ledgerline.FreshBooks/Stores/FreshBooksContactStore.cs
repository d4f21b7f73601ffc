using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>Contacts over FreshBooks clients (<see cref="AccountingEntities.Contacts"/>).</summary>
internal sealed class FreshBooksContactStore(FreshBooksLedgerContext context)
    : AccountingStore<Contact, NewContact, ContactChanges, ContactQuery, ClientWire, ClientBody, ClientResult>(context, AccountingEntities.Contacts), IContactStore
{
    protected override ValueTask<ClientBody> CreateBodyAsync(NewContact draft, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ClientBody(Context.Mapping.Map<NewContact, ClientWrite>(draft)));

    protected override ValueTask<ClientBody> UpdateBodyAsync(string id, ContactChanges changes, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ClientBody(Context.Mapping.Map<ContactChanges, ClientWrite>(changes)));
}
