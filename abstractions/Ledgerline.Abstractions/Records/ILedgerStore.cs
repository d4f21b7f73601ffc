namespace Ledgerline;

/// <summary>
/// The operations every canonical store offers. The entity stores (<see cref="IInvoiceStore"/>, …) fix the type
/// parameters; code written against them runs the same on every provider. A provider that lacks an operation or a filter
/// says so in <see cref="LedgerCapabilities"/>, and the call fails with <see cref="OperationNotSupportedException"/>
/// before any request is sent.
/// </summary>
/// <typeparam name="TRecord">The canonical record.</typeparam>
/// <typeparam name="TDraft">The input that creates a record.</typeparam>
/// <typeparam name="TChanges">The input that changes a record; it changes only what it names.</typeparam>
/// <typeparam name="TQuery">The typed list query.</typeparam>
public interface ILedgerStore<TRecord, in TDraft, in TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery
{
    /// <summary>Gets a record by id, whatever its state (deleted records are still readable).</summary>
    /// <exception cref="RecordNotFoundException">No record has this id.</exception>
    Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every record the query matches, fetching pages as the caller enumerates. Each record is yielded once,
    /// even if records move between pages while listing.
    /// </summary>
    IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one page; pass the previous page's <see cref="Page{T}.NextCursor"/> with the same query for the next.</summary>
    /// <exception cref="InvalidCursorException">The cursor is malformed or belongs to another query.</exception>
    Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a record. An invalid draft is refused with <see cref="LedgerValidationException"/> and nothing is sent.</summary>
    Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a record with <paramref name="options"/>, e.g. an idempotency key so that the create can be repeated safely
    /// after <see cref="OutcomeUnknownException"/>: <c>CreateAsync(draft, CreateOptions.WithIdempotencyKey(key))</c>.
    /// Without a key it is <see cref="CreateAsync(TDraft, CancellationToken)"/>.
    /// </summary>
    /// <param name="draft">The new record.</param>
    /// <param name="options">The create's options; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <exception cref="LedgerValidationException">The draft is invalid, or the key is (field <c>IdempotencyKey</c>); nothing is sent.</exception>
    /// <exception cref="OperationNotSupportedException">
    /// A key was given and the provider does not honour keys on this store's creates
    /// (<see cref="StoreCapabilities.IdempotencyKeys"/>); nothing is sent.
    /// </exception>
    /// <exception cref="IdempotencyKeyConflictException">The key was first used with a different draft, or that create is still running.</exception>
    /// <remarks>
    /// For provider authors: a store that honours keys implements this overload (and declares
    /// <see cref="StoreCapabilities.IdempotencyKeys"/>); Ledgerline validates the key and checks the capability before the
    /// store is called. The default refuses any key and creates as usual without one, so a store written before keys
    /// existed never drops a key silently.
    /// </remarks>
    Task<TRecord> CreateAsync(TDraft draft, CreateOptions? options, CancellationToken cancellationToken = default) =>
        options?.IdempotencyKey is null
            ? CreateAsync(draft, cancellationToken)
            : throw IdempotencyRefusal.For(GetType(), typeof(TRecord), nameof(StoreOperations.Create));

    /// <summary>Changes the fields <paramref name="changes"/> names and leaves the rest as they are.</summary>
    /// <exception cref="RecordDeletedException">The record is deleted; restore it first.</exception>
    Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default);

    /// <summary>Archives a record: hidden from default lists, still counted and restorable.</summary>
    Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Restores an archived or deleted record to <see cref="RecordState.Active"/>.</summary>
    Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record (soft where the provider keeps deleted records; see <see cref="StoreCapabilities.SoftDelete"/>).</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
