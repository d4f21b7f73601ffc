using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>Contacts over FreshBooks clients (<c>users/clients</c>).</summary>
internal sealed class FreshBooksContactStore(FreshBooksLedgerContext context)
    : AccountingStore<Contact, ClientWire, NewContact, ContactChanges, ContactQuery>(context), IContactStore
{
    protected override EntityKind Entity => EntityKind.Contact;

    protected override string Resource => "users/clients";

    protected override string SingleKey => "client";

    protected override string ListKey => "clients";

    protected override string ScopeObject => "clients";

    protected override void ApplyFilters(ContactQuery query, AccountingSearch search)
    {
        search.UpdatedMin = UpdatedMin(query);
        search.Email = query.Email;
        search.OrganizationLike = query.OrganizationContains;
    }

    protected override bool Matches(Contact record, ContactQuery query) =>
        MatchesCommon(record, query) &&
        (query.Email is not { } email || string.Equals(record.Email, email, StringComparison.OrdinalIgnoreCase)) &&
        (query.OrganizationContains is not { } part || (record.Organization?.Contains(part, StringComparison.OrdinalIgnoreCase) ?? false));

    protected override bool ServerFiltersExact(ContactQuery query) => query.UpdatedSince is null;

    protected override ValueTask<object> CreateBodyAsync(NewContact draft, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(draft.Adapt<NewContact, ClientWrite>(Context.Mapping));

    protected override ValueTask<object> UpdateBodyAsync(string id, ContactChanges changes, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(changes.Adapt<ContactChanges, ClientWrite>(Context.Mapping));
}
