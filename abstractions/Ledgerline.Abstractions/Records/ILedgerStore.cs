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
