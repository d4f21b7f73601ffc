namespace Ledgerline;

/// <summary>
/// Behaviour around every store call of every entity and provider, written once (as <c>Microsoft.Extensions.AI</c>'s
/// delegating chat clients are): auditing, metrics of your own, caching, a read-only switch. Register with
/// <c>services.AddLedgerline().UseStoreMiddleware&lt;T&gt;()</c>. Each method passes the call on by invoking
/// <c>next</c> (possibly with an altered request) or answers it itself; the default implementations pass it on unchanged.
/// </summary>
/// <remarks>
/// <para>
/// Order, outermost first: Ledgerline's logging, tracing and metrics; its guards (capabilities, then validation of ids,
/// drafts, changes and queries, so nothing invalid or unsupported gets further); its cursor binding; then application
/// middleware in registration order; then the provider's store. Your middleware therefore sees only calls that the
/// provider will receive: supported, valid, with a non-null query and the provider's own cursor position. A request your
/// middleware rewrites (<c>request with { … }</c>) is not validated again: keep what you change valid, or the provider
/// refuses it (as FreshBooks does an invalid page size).
/// </para>
/// <para>
/// Middleware is resolved once and shared by every ledger: keep it thread-safe and free of per-call state. Let
/// cancellation (<see cref="OperationCanceledException"/>) pass; an exception you throw reaches the caller as it is, so
/// throw <see cref="LedgerlineException"/>s to keep the contract that only those leave Ledgerline.
/// </para>
/// </remarks>
public abstract class StoreMiddleware
{
    /// <summary>
    /// Handles every operation but <see cref="StoreOperation.List"/>. The result must be what the store method returns:
    /// the record for get, create, update, archive and restore; the page (an <see cref="IPage"/>) for list-page;
    /// <see langword="null"/> for delete.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public virtual ValueTask<object?> InvokeAsync(StoreRequest request, StoreRequestHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return next(request, cancellationToken);
    }

    /// <summary>
    /// Handles <see cref="StoreOperation.List"/>: return the records to stream, usually <c>next(request, cancellationToken)</c>
    /// or an async iterator over it. Records must stay of the entity's record type. Nothing runs until the caller enumerates.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public virtual IAsyncEnumerable<LedgerRecord> ListAsync(StoreRequest request, StoreListHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return next(request, cancellationToken);
    }
}
