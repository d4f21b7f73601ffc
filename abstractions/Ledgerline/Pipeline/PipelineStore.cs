using System.Runtime.CompilerServices;

namespace Ledgerline.Pipeline;

/// <summary>
/// The store applications call: turns each call into a <see cref="StoreRequest"/>, runs it through the middleware and
/// finally through the provider's store (or refuses it, when the provider has none). Written once for every entity; an
/// entity's store interface is implemented by a one-line subclass in <see cref="LedgerEntities"/>.
/// </summary>
internal abstract class PipelineStore<TRecord, TDraft, TChanges, TQuery> : ILedgerStore<TRecord, TDraft, TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery, new()
{
    private readonly StoreScope _scope;
    private readonly ILedgerStore<TRecord, TDraft, TChanges, TQuery>? _provider;
    private readonly StoreRequestHandler _invoke;
    private readonly StoreListHandler _list;

    protected PipelineStore(StoreScope scope, ILedgerStore<TRecord, TDraft, TChanges, TQuery>? provider, IReadOnlyList<StoreMiddleware> middleware)
    {
        _scope = scope;
        _provider = provider;
        (_invoke, _list) = StoreChain.Compose(middleware, ProviderBoundary.Guard(ProviderAsync), ProviderBoundary.Guard(ProviderList));
    }

    // Every method is async (or an iterator) so that a refusal surfaces when the call is awaited or enumerated, like any
    // other failure, and never stops a caller's sibling calls from starting.
    public async Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Record(await _invoke(_scope.Request(StoreOperation.Get, id: id), cancellationToken));

    public async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = _scope.Request(StoreOperation.List, query: query ?? new TQuery());
        await foreach (var record in _list(request, cancellationToken).WithCancellation(cancellationToken))
        {
            yield return record as TRecord ?? throw Mismatch(typeof(TRecord), record);
        }
    }

    public async Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var result = await _invoke(_scope.Request(StoreOperation.ListPage, query: query ?? new TQuery(), cursor: cursor), cancellationToken);
        return result as Page<TRecord> ?? throw Mismatch(typeof(Page<TRecord>), result);
    }

    public async Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default) =>
        Record(await _invoke(_scope.Request(StoreOperation.Create, input: draft), cancellationToken));

    public async Task<TRecord> CreateAsync(TDraft draft, CreateOptions? options, CancellationToken cancellationToken = default) =>
        Record(await _invoke(_scope.Request(StoreOperation.Create, input: draft, idempotencyKey: options?.IdempotencyKey), cancellationToken));

    public async Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default) =>
        Record(await _invoke(_scope.Request(StoreOperation.Update, id: id, input: changes), cancellationToken));

    public async Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        Record(await _invoke(_scope.Request(StoreOperation.Archive, id: id), cancellationToken));

    public async Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        Record(await _invoke(_scope.Request(StoreOperation.Restore, id: id), cancellationToken));

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        await _invoke(_scope.Request(StoreOperation.Delete, id: id), cancellationToken);

    private ValueTask<object?> ProviderAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        var store = Provider(request);
        return request.Operation switch
        {
            StoreOperation.Get => Result(store.GetAsync(Id(request), cancellationToken)),
            StoreOperation.ListPage => Result(store.ListPageAsync(Query(request), request.Cursor, cancellationToken)),
            StoreOperation.Create => Result(request.IdempotencyKey is { } key
                ? store.CreateAsync(Input<TDraft>(request), CreateOptions.WithIdempotencyKey(key), cancellationToken)
                : store.CreateAsync(Input<TDraft>(request), cancellationToken)),
            StoreOperation.Update => Result(store.UpdateAsync(Id(request), Input<TChanges>(request), cancellationToken)),
            StoreOperation.Archive => Result(store.ArchiveAsync(Id(request), cancellationToken)),
            StoreOperation.Restore => Result(store.RestoreAsync(Id(request), cancellationToken)),
            StoreOperation.Delete => Completed(store.DeleteAsync(Id(request), cancellationToken)),
            StoreOperation.List => throw new InvalidOperationException("A store middleware passed List on through InvokeAsync; lists go through ListAsync."),
            _ => ProviderActionAsync(request, store, cancellationToken),
        };
    }

    /// <summary>Runs an entity's own operation (e.g. <see cref="StoreOperation.MarkSent"/>) on the provider's store; the entity's store class overrides it.</summary>
    protected virtual ValueTask<object?> ProviderActionAsync(
        StoreRequest request, ILedgerStore<TRecord, TDraft, TChanges, TQuery> provider, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{request.Entity} stores have no {request.Operation} operation.");

    /// <summary>Sends an entity's own operation on one record through the pipeline and returns the record.</summary>
    protected Task<TRecord> InvokeAsync(StoreOperation operation, string id, object? input, CancellationToken cancellationToken) =>
        InvokeAsync<TRecord>(operation, id, input, cancellationToken);

    /// <summary>Sends an entity's own operation on one record through the pipeline and returns its result (e.g. the invoice an estimate became).</summary>
    protected async Task<TResult> InvokeAsync<TResult>(StoreOperation operation, string id, object? input, CancellationToken cancellationToken, string? idempotencyKey = null)
        where TResult : class
    {
        var result = await _invoke(_scope.Request(operation, id: id, input: input, idempotencyKey: idempotencyKey), cancellationToken);
        return result as TResult ?? throw Mismatch(typeof(TResult), result);
    }

    /// <summary>Adapts a provider task for <see cref="ProviderActionAsync"/>.</summary>
    protected static ValueTask<object?> Result<T>(Task<T> task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : Awaited(task);

    /// <summary>The request's record id.</summary>
    protected static string Id(StoreRequest request) => request.Id ?? throw new InvalidOperationException("A store middleware removed the request's id.");

    private IAsyncEnumerable<LedgerRecord> ProviderList(StoreRequest request, CancellationToken cancellationToken) =>
        request.Operation == StoreOperation.List
            ? Provider(request).ListAsync(Query(request), cancellationToken)
            : throw new InvalidOperationException($"A store middleware passed {request.Operation} on through ListAsync; only List streams.");

    // The guard refuses calls to a store the provider lacks before they get here; this covers middleware that skips it.
    private ILedgerStore<TRecord, TDraft, TChanges, TQuery> Provider(StoreRequest request) =>
        _provider ?? throw new OperationNotSupportedException(request.ProviderName, request.Entity, request.RequiredCapability.ToString());

    private static async ValueTask<object?> Awaited<T>(Task<T> task) => await task;

    private static async ValueTask<object?> Completed(Task task)
    {
        await task;
        return null;
    }

    private static TQuery Query(StoreRequest request) =>
        request.Query as TQuery ?? throw Mismatch(typeof(TQuery), request.Query);

    /// <summary>The request's input as <typeparamref name="T"/>.</summary>
    protected static T Input<T>(StoreRequest request)
        where T : class =>
        request.Input as T ?? throw Mismatch(typeof(T), request.Input);

    private static TRecord Record(object? result) => result as TRecord ?? throw Mismatch(typeof(TRecord), result);

    private static InvalidOperationException Mismatch(Type expected, object? actual) =>
        new($"A store middleware produced {(actual is null ? "null" : ProviderBoundary.Name(actual.GetType()))} where {ProviderBoundary.Name(expected)} was expected.");
}
