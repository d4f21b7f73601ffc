namespace Ledgerline.Stores;

/// <summary>
/// A store that passes every call to an inner store. Derive from it to add behaviour around a store
/// (logging, caching, metrics) while keeping the canonical interface, as Ledgerline's own guards do.
/// </summary>
/// <typeparam name="TRecord">The canonical record.</typeparam>
/// <typeparam name="TDraft">The create input.</typeparam>
/// <typeparam name="TChanges">The update input.</typeparam>
/// <typeparam name="TQuery">The list query.</typeparam>
public abstract class DelegatingStore<TRecord, TDraft, TChanges, TQuery> : ILedgerStore<TRecord, TDraft, TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery
{
    /// <summary>Wraps <paramref name="innerStore"/>.</summary>
    protected DelegatingStore(ILedgerStore<TRecord, TDraft, TChanges, TQuery> innerStore)
    {
        ArgumentNullException.ThrowIfNull(innerStore);
        InnerStore = innerStore;
    }

    /// <summary>The store calls are passed to.</summary>
    protected ILedgerStore<TRecord, TDraft, TChanges, TQuery> InnerStore { get; }

    /// <inheritdoc />
    public virtual Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        InnerStore.GetAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, CancellationToken cancellationToken = default) =>
        InnerStore.ListAsync(query, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        InnerStore.ListPageAsync(query, cursor, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) =>
        InnerStore.CreateAsync(draft, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default) =>
        InnerStore.UpdateAsync(id, changes, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        InnerStore.ArchiveAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        InnerStore.RestoreAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        InnerStore.DeleteAsync(id, cancellationToken);
}
