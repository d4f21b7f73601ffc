using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// The accounting store, driven by an <see cref="AccountingEntity{TRecord, TQuery, TWire, TBody, TResult}"/>: the
/// <c>/accounting/account/{accountId}/…</c> endpoints, the <c>response.result</c> envelope, <c>vis_state</c> changes sent
/// alone, server-side filters followed by the entity's exact client-side filter, and paging. An entity's own store only
/// builds its write bodies.
/// </summary>
/// <remarks>
/// States map onto <c>search[vis_state]</c>, which takes one value, so a query for several states that FreshBooks'
/// default listing (active + archived) does not cover is answered as consecutive listings (<see cref="FreshBooksListing"/>).
/// </remarks>
internal abstract class AccountingStore<TRecord, TDraft, TChanges, TQuery, TWire, TBody, TResult>(
    FreshBooksLedgerContext context, AccountingEntity<TRecord, TQuery, TWire, TBody, TResult> entity)
    : ILedgerStore<TRecord, TDraft, TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery<TRecord>, new()
    where TResult : class, IWireResult<TWire>
{
    protected FreshBooksLedgerContext Context { get; } = context;

    protected AccountingEntity<TRecord, TQuery, TWire, TBody, TResult> Entity { get; } = entity;

    /// <summary>The body of a create.</summary>
    protected abstract ValueTask<TBody> CreateBodyAsync(TDraft draft, FreshBooksCall call, CancellationToken cancellationToken);

    /// <summary>The body of an update.</summary>
    protected abstract ValueTask<TBody> UpdateBodyAsync(string id, TChanges changes, FreshBooksCall call, CancellationToken cancellationToken);

    public async Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("get", id);
        var number = FreshBooksListing.Number(Entity.Entity, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.ReadScope, cancellationToken);
        var answer = await Context.Http.SendAsync(call,
            t => Entity.Get(Context.Accounting, account, number, Search(), Context.ConnectionId, t), cancellationToken);
        return Single(answer);
    }

    /// <summary>
    /// Reads record <paramref name="id"/> both mapped and as FreshBooks sent it, for what the canonical record does not carry
    /// (the provider-only fields of its lines, which an update that gives a line back must keep).
    /// </summary>
    protected async Task<(TRecord Record, TWire Wire)> GetWithWireAsync(string id, CancellationToken cancellationToken)
    {
        var call = Call("get", id);
        var number = FreshBooksListing.Number(Entity.Entity, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.ReadScope, cancellationToken);
        var answer = await Context.Http.SendAsync(call,
            t => Entity.Get(Context.Accounting, account, number, Search(), Context.ConnectionId, t), cancellationToken);
        TWire? wire = default;
        var record = FreshBooksEnvelope.Single<TWire, TRecord>(answer.Response, FreshBooksEnvelope.Result(answer, Entity.Path), Entity.Path,
            keepRaw: false, w =>
            {
                wire = w;
                return Map(w);
            });
        return (record, wire!);
    }

    public async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var call = Call("list", null);
        Context.Mapping.Prepare<TWire, TRecord>();
        var account = await Context.Connection.AccountIdAsync(call, Entity.ReadScope, cancellationToken);
        var records = FreshBooksListing.ListAsync(
            Listings(query),
            (segment, window, t) => FetchAsync(call, account, query, segment, window, t),
            Context.Options.PageConcurrency,
            query.Matches,
            cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }

    public async Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var call = Call("list", null);
        var segments = Listings(query);
        var account = await Context.Connection.AccountIdAsync(call, Entity.ReadScope, cancellationToken);
        return await FreshBooksListing.ListPageAsync(
            segments,
            cursor,
            query.PageSize,
            (segment, window, t) => FetchAsync(call, account, query, segment, window, t),
            query.Matches,
            Entity.ServerFiltersExact(query),
            cancellationToken);
    }

    public async Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var call = Call("create", null);
        var account = await Context.Connection.AccountIdAsync(call, Entity.WriteScope, cancellationToken);
        var body = await CreateBodyAsync(draft, call, cancellationToken);
        var answer = await Context.Http.SendAsync(call,
            t => Entity.Create(Context.Accounting, account, Search(), body, Context.ConnectionId, t), cancellationToken);
        return Single(answer);
    }

    public async Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var call = Call("update", id);
        var number = FreshBooksListing.Number(Entity.Entity, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.WriteScope, cancellationToken);
        var body = await UpdateBodyAsync(id, changes, call, cancellationToken);
        return await PutAsync(call, account, number, body, cancellationToken);
    }

    public Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        SetStateAsync("archive", id, RecordState.Archived, nameof(StoreOperations.Archive), cancellationToken);

    public Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        SetStateAsync("restore", id, RecordState.Active, nameof(StoreOperations.Restore), cancellationToken);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Entity.HardDelete is not { } delete)
        {
            await SetStateAsync("delete", id, RecordState.Deleted, nameof(StoreOperations.Delete), cancellationToken);
            return;
        }

        var call = Call("delete", id);
        var number = FreshBooksListing.Number(Entity.Entity, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.WriteScope, cancellationToken);
        await Context.Http.SendAsync(call, t => delete(Context.Accounting, account, number, Context.ConnectionId, t), cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="body"/> as an update of record <paramref name="id"/> under its own operation name (a
    /// lifecycle action such as <c>action_mark_as_sent</c>) and reads the record FreshBooks answers.
    /// </summary>
    protected async Task<TRecord> ActionAsync(string operation, string id, TBody body, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var number = FreshBooksListing.Number(Entity.Entity, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.WriteScope, cancellationToken);
        return await PutAsync(call, account, number, body, cancellationToken);
    }

    protected FreshBooksCall Call(string operation, string? id) => new(Entity.Entity, operation, Context.ConnectionId, id);

    /// <summary>The <c>search[vis_state]</c> of each listing a states query needs (null: FreshBooks' default, active + archived).</summary>
    internal static IReadOnlyList<int?> Segments(RecordStates states) => states switch
    {
        RecordStates.Active => [0],
        RecordStates.Archived => [2],
        RecordStates.Deleted => [1],
        RecordStates.NotDeleted => [null],
        RecordStates.Active | RecordStates.Deleted => [0, 1],
        RecordStates.Archived | RecordStates.Deleted => [2, 1],
        _ => [null, 1],
    };

    /// <summary>
    /// The listings a query needs: one per <c>search[vis_state]</c> its states need (one plain listing for an entity without
    /// <c>vis_state</c>), times one per value of the entity's single-valued split filter, if the query needs one.
    /// </summary>
    private IReadOnlyList<Segment> Listings(TQuery query)
    {
        var states = Entity.StateBody is null ? [null] : Segments(query.States);
        var splits = Entity.Splits?.Invoke(query);
        if (splits is not { Count: > 0 })
        {
            return [.. states.Select(visState => new Segment(visState, null))];
        }

        return [.. states.SelectMany(visState => splits.Select(split => new Segment(visState, split)))];
    }

    private async Task<TRecord> SetStateAsync(string operation, string id, RecordState state, string feature, CancellationToken cancellationToken)
    {
        var stateBody = Entity.StateBody
            ?? throw new OperationNotSupportedException(FreshBooksRequest.ProviderName, Entity.Entity, feature);
        var call = Call(operation, id);
        var number = FreshBooksListing.Number(Entity.Entity, id);
        var account = await Context.Connection.AccountIdAsync(call, Entity.WriteScope, cancellationToken);
        return await PutAsync(call, account, number, stateBody(FreshBooksValues.VisState(state)), cancellationToken);
    }

    private async Task<TRecord> PutAsync(FreshBooksCall call, string account, long number, TBody body, CancellationToken cancellationToken)
    {
        var answer = await Context.Http.SendAsync(call,
            t => Entity.Update(Context.Accounting, account, number, Search(), body, Context.ConnectionId, t), cancellationToken);
        return Single(answer);
    }

    private TRecord Single(Http.FreshBooksResult<AccountingEnvelope<TResult>> answer) =>
        FreshBooksEnvelope.Single<TWire, TRecord>(answer.Response, FreshBooksEnvelope.Result(answer, Entity.Path), Entity.Path,
            Context.Options.KeepRawRepresentation, Map);

    private async Task<PendingPage<TRecord>> FetchAsync(
        FreshBooksCall call, string account, TQuery query, Segment segment, PageWindow window, CancellationToken cancellationToken)
    {
        var search = Search();
        search.Page = window.Page;
        search.PerPage = window.PerPage;
        search.VisState = segment.VisState;
        Entity.ServerFilters(query, search);
        if (segment.Split is { } split)
        {
            Entity.ApplySplit!(split, search);
        }

        // The page is read typed from the bytes the body handler holds, not by Refit (which would copy it first), and only
        // when the pager asks: after it has sent its next request.
        var response = await Context.Http.ReceiveBodyAsync(call,
            t => Entity.List(Context.Accounting, account, search, Context.ConnectionId, t), cancellationToken);
        return PendingPage<TRecord>.Deferred(() =>
        {
            var answer = FreshBooksEnvelope.Deserialize<AccountingEnvelope<TResult>>(response);
            return FreshBooksEnvelope.Page<TWire, TRecord>(answer.Response, FreshBooksEnvelope.Result(answer, Entity.Path), Entity.Path,
                Context.Options.KeepRawRepresentation, Map);
        });
    }

    private TRecord Map(TWire wire) => Context.Mapping.Map<TWire, TRecord>(wire);

    private AccountingSearch Search() => new() { Include = Entity.Includes };

    /// <summary>One listing of a query: its <c>search[vis_state]</c> (null: FreshBooks' default) and split value, if any.</summary>
    private readonly record struct Segment(int? VisState, string? Split);
}
