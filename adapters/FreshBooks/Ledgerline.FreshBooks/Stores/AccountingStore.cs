using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// What every accounting store does the same way: the <c>/accounting/account/{accountId}/{resource}</c> paths, the
/// <c>response.result</c> envelope, <c>vis_state</c> changes sent alone, server-side filters that cover the query followed
/// by an exact client-side filter, and paging.
/// </summary>
/// <remarks>
/// States map onto <c>search[vis_state]</c>, which takes one value, so a query for several states that FreshBooks'
/// default listing (active + archived) does not cover is answered as consecutive listings ("segments"). A raw
/// <see cref="ListPageAsync"/> position is the FreshBooks page number (<c>"2"</c>), prefixed by the segment after the first
/// (<c>"1:2"</c>).
/// </remarks>
internal abstract class AccountingStore<TRecord, TWire, TDraft, TChanges, TQuery>(FreshBooksLedgerContext context)
    : ILedgerStore<TRecord, TDraft, TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery, new()
{
    protected FreshBooksLedgerContext Context { get; } = context;

    protected abstract EntityKind Entity { get; }

    /// <summary>The two-segment resource path, e.g. <c>users/clients</c>.</summary>
    protected abstract string Resource { get; }

    /// <summary>The envelope key of one record, e.g. <c>client</c>.</summary>
    protected abstract string SingleKey { get; }

    /// <summary>The envelope key of a list, e.g. <c>clients</c>.</summary>
    protected abstract string ListKey { get; }

    /// <summary>The scope object, e.g. <c>clients</c> for <c>user:clients:read</c>.</summary>
    protected abstract string ScopeObject { get; }

    /// <summary><c>include[]</c> values sent on every call (invoices: <c>lines</c>).</summary>
    protected virtual IReadOnlyList<string>? Includes => null;

    protected string ReadScope => $"user:{ScopeObject}:read";

    protected string WriteScope => $"user:{ScopeObject}:write";

    /// <summary>Sets the server-side filters that cover the query (they may return more; never fewer).</summary>
    protected abstract void ApplyFilters(TQuery query, AccountingSearch search);

    /// <summary>Whether a record matches the query's own filters exactly (states and <c>UpdatedSince</c> are checked here).</summary>
    protected abstract bool Matches(TRecord record, TQuery query);

    /// <summary>Whether the server-side filters answer the query exactly, so FreshBooks' total is the query's total.</summary>
    protected abstract bool ServerFiltersExact(TQuery query);

    /// <summary>The body of a create.</summary>
    protected abstract ValueTask<object> CreateBodyAsync(TDraft draft, FreshBooksCall call, CancellationToken cancellationToken);

    /// <summary>The body of an update.</summary>
    protected abstract ValueTask<object> UpdateBodyAsync(string id, TChanges changes, FreshBooksCall call, CancellationToken cancellationToken);

    public async Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("get", id);
        var number = Number(id);
        var account = await Context.Connection.AccountIdAsync(call, ReadScope, cancellationToken);
        var response = await Context.Http.SendAsync(call,
            t => Context.Accounting.GetAsync(account, Path(number), new AccountingSearch { Include = Includes }, Context.ConnectionId, t),
            cancellationToken);
        return Single(response);
    }

    public async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var call = Call("list", null);
        var account = await Context.Connection.AccountIdAsync(call, ReadScope, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var visState in Segments(query.States))
        {
            var pages = FreshBooksPaging.ListAsync(
                (page, t) => FetchAsync(call, account, query, visState, page, RecordQuery.MaxPageSize, t),
                Context.Options.PageConcurrency,
                seen,
                r => r.Id,
                r => Matches(r, query),
                cancellationToken);
            await foreach (var record in pages)
            {
                yield return record;
            }
        }
    }

    public async Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var call = Call("list", null);
        var segments = Segments(query.States);
        var (segment, page) = ParsePosition(cursor, segments.Count);
        var account = await Context.Connection.AccountIdAsync(call, ReadScope, cancellationToken);
        var fetched = await FetchAsync(call, account, query, segments[segment], page, query.PageSize, cancellationToken);
        var items = fetched.Items.Where(r => Matches(r, query)).ToArray();
        string? next = page < fetched.Info.Pages
            ? Position(segment, page + 1)
            : segment + 1 < segments.Count ? Position(segment + 1, 1) : null;
        var total = segments.Count == 1 && ServerFiltersExact(query) ? fetched.Info.Total : null;
        return new Page<TRecord>(items, next, total);
    }

    public async Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var call = Call("create", null);
        var account = await Context.Connection.AccountIdAsync(call, WriteScope, cancellationToken);
        var body = await CreateBodyAsync(draft, call, cancellationToken);
        var response = await Context.Http.SendAsync(call,
            t => Context.Accounting.CreateAsync(account, Resource, new AccountingSearch { Include = Includes },
                FreshBooksJson.Envelope(SingleKey, body), Context.ConnectionId, t),
            cancellationToken);
        return Single(response);
    }

    public async Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var call = Call("update", id);
        var number = Number(id);
        var account = await Context.Connection.AccountIdAsync(call, WriteScope, cancellationToken);
        var body = await UpdateBodyAsync(id, changes, call, cancellationToken);
        return await PutAsync(call, account, number, body, cancellationToken);
    }

    public Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        SetStateAsync("archive", id, RecordState.Archived, cancellationToken);

    public Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        SetStateAsync("restore", id, RecordState.Active, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        SetStateAsync("delete", id, RecordState.Deleted, cancellationToken);

    /// <summary>Maps one wire record.</summary>
    protected TRecord Map(FreshBooksResponse response, JsonElement element) =>
        FreshBooksEnvelope.Record<TWire, TRecord>(response, element, Context.Mapping, Context.Options.KeepRawRepresentation);

    protected FreshBooksCall Call(string operation, string? id) => new(Entity, operation, Context.ConnectionId, id);

    /// <summary>FreshBooks' integer id; an id that is not one cannot exist.</summary>
    protected long Number(string id) => FreshBooksStoreRecords.Number(Entity, id);

    /// <summary>The client-side checks every store shares: states and the exact <c>UpdatedSince</c>.</summary>
    protected static bool MatchesCommon(TRecord record, TQuery query) =>
        query.States.Includes(record.State) && (query.UpdatedSince is not { } since || record.UpdatedAt >= since);

    /// <summary>A date range as <c>search[date_min]</c>/<c>search[date_max]</c> (both inclusive, like <see cref="DateRange"/>).</summary>
    protected static void ApplyDateRange(DateRange? range, AccountingSearch search)
    {
        if (range is { } r)
        {
            search.DateMin = r.From is { } from ? FreshBooksValues.Date(from) : null;
            search.DateMax = r.To is { } to ? FreshBooksValues.Date(to) : null;
        }
    }

    /// <summary>The day-granular <c>search[updated_min]</c> covering <c>UpdatedSince</c> (FreshBooks compares Eastern dates).</summary>
    protected static string? UpdatedMin(TQuery query) =>
        query.UpdatedSince is { } since ? FreshBooksValues.Date(EasternTime.DateOf(since)) : null;

    private async Task<TRecord> SetStateAsync(string operation, string id, RecordState state, CancellationToken cancellationToken)
    {
        var call = Call(operation, id);
        var number = Number(id);
        var account = await Context.Connection.AccountIdAsync(call, WriteScope, cancellationToken);
        return await PutAsync(call, account, number, new VisStateWrite(FreshBooksValues.VisState(state)), cancellationToken);
    }

    private async Task<TRecord> PutAsync(FreshBooksCall call, string account, long number, object body, CancellationToken cancellationToken)
    {
        var response = await Context.Http.SendAsync(call,
            t => Context.Accounting.UpdateAsync(account, Path(number), new AccountingSearch { Include = Includes },
                FreshBooksJson.Envelope(SingleKey, body), Context.ConnectionId, t),
            cancellationToken);
        return Single(response);
    }

    private TRecord Single(FreshBooksResponse response)
    {
        using var document = FreshBooksEnvelope.Parse(response);
        return Map(response, FreshBooksEnvelope.AccountingSingle(response, document, SingleKey));
    }

    private async Task<FetchedPage<TRecord>> FetchAsync(
        FreshBooksCall call, string account, TQuery query, int? visState, int page, int perPage, CancellationToken cancellationToken)
    {
        var search = new AccountingSearch { Page = page, PerPage = perPage, VisState = visState, Include = Includes };
        ApplyFilters(query, search);
        var response = await Context.Http.SendAsync(call,
            t => Context.Accounting.GetAsync(account, Resource, search, Context.ConnectionId, t),
            cancellationToken);
        using var document = FreshBooksEnvelope.Parse(response);
        var (items, info) = FreshBooksEnvelope.AccountingList(response, document, ListKey);
        return FreshBooksStoreRecords.Page<TWire, TRecord>(response, items, info, Context.Mapping, Context.Options.KeepRawRepresentation);
    }

    private string Path(long number) => string.Create(CultureInfo.InvariantCulture, $"{Resource}/{number}");

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

    private static string Position(int segment, int page) =>
        segment == 0 ? page.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{segment}:{page}");

    private static (int Segment, int Page) ParsePosition(string? cursor, int segments)
    {
        if (cursor is null)
        {
            return (0, 1);
        }

        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        var segmentText = colon < 0 ? "0" : cursor[..colon];
        var pageText = colon < 0 ? cursor : cursor[(colon + 1)..];
        return int.TryParse(segmentText, NumberStyles.None, CultureInfo.InvariantCulture, out var segment) && segment < segments &&
            int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? (segment, page)
            : throw FreshBooksStoreRecords.InvalidCursor();
    }
}
