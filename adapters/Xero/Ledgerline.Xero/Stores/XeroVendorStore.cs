using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Vendors over Xero contacts (<c>/Contacts</c>): Xero keeps one contact list, each contact usable as customer and as
/// supplier, so a vendor is a contact under the same id, and <c>ledger.Vendors</c> lists every contact (active by default,
/// archived with <c>includeArchived=true</c>), exactly as <c>ledger.Contacts</c> does. Not only those Xero flags
/// <c>IsSupplier</c>: Xero sets that flag itself once a bill names the contact, so a vendor just created would be missing
/// from the list until billed, and the flag's change does not move <c>UpdatedDateUTC</c>, so incremental sync could never
/// see a contact become a supplier. <c>IsSupplier</c> stays readable in <see cref="LedgerRecord.RawRepresentation"/>.
/// </summary>
/// <remarks>
/// Writes: <c>Name</c> is the vendor's name (unique among active contacts, Xero's rule); the phone is the <c>DEFAULT</c>
/// slot; the address the postal (<c>POBOX</c>) one; <c>AccountNumber</c> (at most 50 characters) and <c>DefaultCurrency</c>
/// as given. Refused before any request: notes (Xero contacts have none) and a web site (Xero lets only its own app set
/// <c>Website</c>). Archived and restored through <c>ContactStatus</c>; never deleted. Filters: <c>NameContains</c>
/// (<c>Name.Contains</c>, then exact), <c>UpdatedSince</c> (<c>If-Modified-Since</c>, then exact).
/// </remarks>
internal sealed class XeroVendorStore(XeroLedgerContext context)
    : XeroStore<Vendor, VendorQuery, ContactWire, ContactsResult>(context), IVendorStore
{
    /// <summary>Xero's longest <c>AccountNumber</c>.</summary>
    private const int AccountNumberLength = 50;

    protected override EntityKind Entity => EntityKind.Vendor;

    protected override string ListKey => ContactsResult.ListKey;

    public Task<Vendor> CreateAsync(NewVendor draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Vendor> CreateAsync(NewVendor draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Refuse(draft.Notes, !string.IsNullOrEmpty(draft.Website), draft.AccountNumber);
        RefuseLong(draft.Name, draft.FirstName, draft.LastName, draft.Email);
        var body = new ContactWrite
        {
            Name = draft.Name.Trim(),
            FirstName = draft.FirstName,
            LastName = draft.LastName,
            EmailAddress = draft.Email,
            AccountNumber = draft.AccountNumber,
            DefaultCurrency = draft.Currency?.Value,
            Addresses = draft.Address is { } address ? [XeroContactStore.Address(address)] : null,
            Phones = draft.Phone is { Length: > 0 } phone ? [new PhoneWrite(VendorRegister.PhoneType, phone)] : null,
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.CreateContactAsync(new ContactsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>Changes a vendor; members left out keep their values at Xero, and an empty string clears one.</summary>
    public async Task<Vendor> UpdateAsync(string id, VendorChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Even an empty web site is refused: it asks to clear a value only Xero's app can change.
        Refuse(changes.Notes, changes.Website is not null, changes.AccountNumber);
        RefuseLong(changes.Name, changes.FirstName, changes.LastName, changes.Email);
        RequireGuid(id);
        var body = new ContactWrite
        {
            ContactID = id,
            Name = changes.Name?.Trim(),
            FirstName = changes.FirstName,
            LastName = changes.LastName,
            EmailAddress = changes.Email,
            AccountNumber = changes.AccountNumber,
            DefaultCurrency = changes.Currency?.Value,
            Addresses = changes.Address is { } address ? [XeroContactStore.Address(address)] : null,
            Phones = changes.Phone is { } phone ? [new PhoneWrite(VendorRegister.PhoneType, phone)] : null,
        };
        return await PostAsync("update", id, body, cancellationToken);
    }

    public Task<Vendor> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        SetStatusAsync("archive", id, "ARCHIVED", cancellationToken);

    public Task<Vendor> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        SetStatusAsync("restore", id, "ACTIVE", cancellationToken);

    /// <summary>Xero never deletes a contact (archive it instead); refused before any request.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Vendor, nameof(StoreOperations.Delete));

    protected override Task<IApiResponse<ContactsResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.GetContactAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<ContactsResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Accounting.ListContactsAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override void ServerFilters(VendorQuery query, XeroListQuery list)
    {
        list.IncludeArchived = query.States.Includes(RecordState.Archived) ? "true" : null;
        list.Where = And(Clauses(query));
    }

    protected override bool ServerFiltersExact(VendorQuery query) =>
        query.UpdatedSince is null && query.NameContains is null && query.States != RecordStates.Archived;

    protected override ValueTask<Func<ContactWire, Vendor>> MapperAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<ContactWire, Vendor>>(wire => Context.Mapping.Map<ContactWire, Vendor>(wire));

    private static IEnumerable<string> Clauses(VendorQuery query)
    {
        if (query.States == RecordStates.Archived)
        {
            yield return "ContactStatus==\"ARCHIVED\"";
        }

        if (query.NameContains is { } name)
        {
            yield return $"Name.Contains({Literal(name)})";
        }
    }

    private async Task<Vendor> SetStatusAsync(string operation, string id, string status, CancellationToken cancellationToken)
    {
        RequireGuid(id);
        return await PostAsync(operation, id, new ContactWrite { ContactID = id, ContactStatus = status }, cancellationToken);
    }

    private async Task<Vendor> PostAsync(string operation, string id, ContactWrite body, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Accounting.UpdateContactAsync(id, new ContactsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, id, cancellationToken);
    }

    /// <summary>Xero documents 255 characters for a contact's <c>Name</c>, <c>FirstName</c>, <c>LastName</c> and <c>EmailAddress</c>.</summary>
    private static void RefuseLong(string? name, string? firstName, string? lastName, string? email)
    {
        XeroRefusal.MaxLength(nameof(NewVendor.Name), name?.Trim(), 255, "Name");
        XeroRefusal.MaxLength(nameof(NewVendor.FirstName), firstName, 255, "FirstName");
        XeroRefusal.MaxLength(nameof(NewVendor.LastName), lastName, 255, "LastName");
        XeroRefusal.MaxLength(nameof(NewVendor.Email), email, 255, "EmailAddress");
    }

    private static void Refuse(string? notes, bool website, string? accountNumber)
    {
        if (notes is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewVendor.Notes), "Xero contacts have no notes.");
        }

        if (website)
        {
            throw XeroRefusal.Field(nameof(NewVendor.Website), "Xero lets only its own app set a contact's web site (Website is read-only in its API).");
        }

        if (accountNumber is { Length: > AccountNumberLength })
        {
            throw XeroRefusal.Field(nameof(NewVendor.AccountNumber), $"Xero keeps at most {AccountNumberLength} characters of an account number.");
        }
    }
}
