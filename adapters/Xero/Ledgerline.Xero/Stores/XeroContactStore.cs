using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Contacts over Xero contacts (<c>/Contacts</c>). Created with <c>PUT</c>, changed with <c>POST /Contacts/{id}</c>
/// (members left out keep their values). Archived and restored through <c>ContactStatus</c>; Xero never deletes a
/// contact. Lists leave archived contacts out unless the query asks for them (<c>includeArchived=true</c>).
/// Filters: <c>Email</c> (<c>EmailAddress==</c>, then exact), <c>OrganizationContains</c> (<c>Name.Contains</c>, then
/// exact), <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact).
/// </summary>
internal sealed class XeroContactStore(XeroLedgerContext context)
    : XeroStore<Contact, ContactQuery, ContactWire, ContactsResult>(context), IContactStore
{
    protected override EntityKind Entity => EntityKind.Contact;

    protected override string ListKey => ContactsResult.ListKey;

    public Task<Contact> CreateAsync(NewContact draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Contact> CreateAsync(NewContact draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Refuse(draft.Notes, draft.Phones);
        RefuseLong(draft.Organization, draft.FirstName, draft.LastName, draft.Email);
        var name = ContactNames.Name(draft.Organization, draft.FirstName, draft.LastName, draft.Email)
            ?? throw XeroRefusal.Field(nameof(NewContact.Organization), "Xero needs a name: give an organization, a first or last name, or an e-mail.");
        var body = new ContactWrite
        {
            Name = name,
            FirstName = draft.FirstName,
            LastName = draft.LastName,
            EmailAddress = draft.Email,
            DefaultCurrency = draft.Currency?.Value,
            Addresses = draft.BillingAddress is { } address ? [Address(address)] : null,
            Phones = draft.Phones.Count > 0 ? Phones(draft.Phones) : null,
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreateContactAsync(new ContactsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>
    /// Changes a contact. When a name, organization or e-mail changes, the current contact is read first so that Xero's
    /// <c>Name</c> can be derived again from the merged values (<see cref="ContactNames"/>).
    /// </summary>
    public async Task<Contact> UpdateAsync(string id, ContactChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Refuse(changes.Notes, changes.Phones ?? []);
        RefuseLong(changes.Organization, changes.FirstName, changes.LastName, changes.Email);
        RequireGuid(id);
        string? name = null;
        if (changes.FirstName is not null || changes.LastName is not null || changes.Organization is not null || changes.Email is not null)
        {
            var current = await GetAsync(id, cancellationToken);
            name = ContactNames.Name(
                changes.Organization ?? current.Organization,
                changes.FirstName ?? current.FirstName,
                changes.LastName ?? current.LastName,
                changes.Email ?? current.Email)
                ?? throw XeroRefusal.Field(nameof(ContactChanges.Organization), "Xero needs a name: the change would leave no organization, name or e-mail.");
        }

        var body = new ContactWrite
        {
            ContactID = id,
            Name = name,
            FirstName = changes.FirstName,
            LastName = changes.LastName,
            EmailAddress = changes.Email,
            DefaultCurrency = changes.Currency?.Value,
            Addresses = changes.BillingAddress is { } address ? [Address(address)] : null,
            Phones = changes.Phones is { } phones ? Phones(phones) : null,
        };
        return await PostAsync("update", id, body, cancellationToken);
    }

    public Task<Contact> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        SetStatusAsync("archive", id, "ARCHIVED", cancellationToken);

    public Task<Contact> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        SetStatusAsync("restore", id, "ACTIVE", cancellationToken);

    /// <summary>Xero never deletes a contact (archive it instead); refused before any request.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Contact, nameof(StoreOperations.Delete));

    protected override Task<IApiResponse<ContactsResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetContactAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<ContactsResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListContactsAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override void ServerFilters(ContactQuery query, XeroListQuery list)
    {
        list.IncludeArchived = query.States.Includes(RecordState.Archived) ? "true" : null;
        list.Where = And(Clauses(query));
    }

    protected override bool ServerFiltersExact(ContactQuery query) =>
        query.UpdatedSince is null && query.Email is null && query.OrganizationContains is null && query.States != RecordStates.Archived;

    protected override ValueTask<Func<ContactWire, Contact>> MapperAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<ContactWire, Contact>>(wire => Context.Mapping.Map<ContactWire, Contact>(wire));

    private static IEnumerable<string> Clauses(ContactQuery query)
    {
        if (query.States == RecordStates.Archived)
        {
            yield return "ContactStatus==\"ARCHIVED\"";
        }

        if (query.Email is { } email)
        {
            yield return $"EmailAddress=={Literal(email)}";
        }

        if (query.OrganizationContains is { } organization)
        {
            yield return $"Name.Contains({Literal(organization)})";
        }
    }

    private async Task<Contact> SetStatusAsync(string operation, string id, string status, CancellationToken cancellationToken)
    {
        RequireGuid(id);
        return await PostAsync(operation, id, new ContactWrite { ContactID = id, ContactStatus = status }, cancellationToken);
    }

    private async Task<Contact> PostAsync(string operation, string id, ContactWrite body, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.UpdateContactAsync(id, new ContactsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, id, cancellationToken);
    }

    /// <summary>Xero documents 255 characters for a contact's <c>Name</c>, <c>FirstName</c>, <c>LastName</c> and <c>EmailAddress</c>.</summary>
    private static void RefuseLong(string? organization, string? firstName, string? lastName, string? email)
    {
        XeroRefusal.MaxLength(nameof(NewContact.Organization), organization, 255, "Name");
        XeroRefusal.MaxLength(nameof(NewContact.FirstName), firstName, 255, "FirstName");
        XeroRefusal.MaxLength(nameof(NewContact.LastName), lastName, 255, "LastName");
        XeroRefusal.MaxLength(nameof(NewContact.Email), email, 255, "EmailAddress");
    }

    private static void Refuse(string? notes, IReadOnlyList<ContactPhone> phones)
    {
        if (notes is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewContact.Notes), "Xero contacts have no notes.");
        }

        if (phones.Any(p => p.Kind == PhoneKind.Home))
        {
            throw XeroRefusal.Field(nameof(NewContact.Phones), "Xero has no home phone slot (only default, mobile and fax are mapped).");
        }
    }

    /// <summary>Every mapped phone slot, so that a change replaces them all; an absent kind is cleared.</summary>
    private static IReadOnlyList<PhoneWrite> Phones(IReadOnlyList<ContactPhone> phones) =>
        [.. ContactRegister.PhoneSlots.Select(slot => new PhoneWrite(slot.Type, phones.FirstOrDefault(p => p.Kind == slot.Kind)?.Number ?? string.Empty))];

    internal static AddressWrite Address(PostalAddress address) => new()
    {
        AddressType = ContactRegister.BillingAddressType,
        AddressLine1 = address.Street ?? string.Empty,
        AddressLine2 = address.Street2 ?? string.Empty,
        City = address.City ?? string.Empty,
        Region = address.Region ?? string.Empty,
        PostalCode = address.PostalCode ?? string.Empty,
        Country = address.Country ?? string.Empty,
    };
}
