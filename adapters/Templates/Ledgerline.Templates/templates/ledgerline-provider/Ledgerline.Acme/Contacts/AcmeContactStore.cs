using Ledgerline.Acme.Http;

namespace Ledgerline.Acme.Contacts;

/// <summary>
/// Contacts over Acme's API. Not implemented yet, and not declared in <see cref="AcmeCapabilities"/>, so Ledgerline
/// refuses every contact call before it gets here. Declare the operations you implement and the conformance tests for
/// them start running against this class: they fail until it does what the suite expects.
/// </summary>
/// <remarks>
/// What each method must honour (PROVIDER-GUIDE.md): map every field the canonical <see cref="Contact"/> has and invent
/// none (keep Acme's own object in <see cref="LedgerRecord.RawRepresentation"/>, e.g. a <see cref="RawJson"/> of its JSON); a required value missing or unreadable
/// raises <see cref="InvalidProviderResponseException"/> with a bounded excerpt; failures are the typed
/// <see cref="LedgerlineException"/> family (<see cref="AcmeHttp"/>'s error table); cancellation is never wrapped.
/// </remarks>
internal sealed class AcmeContactStore(string connectionId, AcmeHttp http) : IContactStore
{
    /// <summary>The connection every request of this store is made for: pass it to <see cref="AcmeHttp.SendAsync"/>.</summary>
    private string ConnectionId { get; } = connectionId;

    /// <summary>Sends requests through the provider's HTTP client (bearer, retries of safe methods, typed errors).</summary>
    private AcmeHttp Http { get; } = http;

    public Task<Contact> GetAsync(string id, CancellationToken cancellationToken = default) =>
        throw NotImplemented("GET the contact; a 404 becomes RecordNotFoundException(EntityKind.Contact, id)");

    /// <summary>Every record the query matches, page after page; complete or failing typed, never silently short.</summary>
    public IAsyncEnumerable<Contact> ListAsync(ContactQuery? query = null, CancellationToken cancellationToken = default) =>
        throw NotImplemented("page through Acme's list, yielding each record once; narrow coarse server filters with query.Matches(record)");

    /// <summary>
    /// One page. <paramref name="cursor"/> is your own position (a page number, Acme's token) as you returned it in
    /// <see cref="Page{T}.NextCursor"/>: Ledgerline seals it to the query before callers see it.
    /// </summary>
    public Task<Page<Contact>> ListPageAsync(ContactQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        throw NotImplemented("fetch one page at the position in cursor; return the next position or null on the last page");

    public Task<Contact> CreateAsync(NewContact draft, CancellationToken cancellationToken = default) =>
        throw NotImplemented("POST the draft once (never retried); an answer that never came is OutcomeUnknownException");

    // Idempotency keys: if Acme can run a create once per key (an Idempotency-Key header), implement
    //     public Task<Contact> CreateAsync(NewContact draft, CreateOptions? options, CancellationToken cancellationToken = default)
    // sending options?.IdempotencyKey with the create's request only, forward the method above to it with null, set
    // IdempotencyKeySent on the OutcomeUnknownException of a keyed write, map Acme's "key reused" answer to
    // IdempotencyKeyConflictException, and declare IdempotencyKeys = StoreOperations.Create in AcmeCapabilities. If Acme
    // has none, leave it: the interface's default refuses any key, and Ledgerline refuses it before any request.

    public Task<Contact> UpdateAsync(string id, ContactChanges changes, CancellationToken cancellationToken = default) =>
        throw NotImplemented("send only what the changes name; \"\" clears a field, null leaves it alone");

    public Task<Contact> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw NotImplemented("archive: hidden from default lists, still readable by id");

    public Task<Contact> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw NotImplemented("restore an archived or deleted contact to Active");

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        throw NotImplemented("delete; declare SoftDelete to say whether the contact stays readable as Deleted");

    // Reaches callers as a LedgerlineException naming Acme and the call (the pipeline wraps it), so a conformance test
    // that runs into it fails with this text rather than crashing the run.
    private NotImplementedException NotImplemented(string what) =>
        new($"TODO (Acme contacts, connection '{ConnectionId}'): {what} through {nameof(Http)}.{nameof(AcmeHttp.SendAsync)}. See PROVIDER-GUIDE.md.");
}
