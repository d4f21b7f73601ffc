using System.Globalization;
using System.Runtime.CompilerServices;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// What every Accounting store shares: reads by id (GUIDs only; anything else cannot name a record, so no request is
/// sent), and listings that always page (<c>page</c>, <c>pageSize</c>; only paged invoice lists carry their lines),
/// narrowed server-side by the entity's filters and <c>If-Modified-Since</c>, then exactly by the query's own
/// <see cref="RecordQuery{T}.Matches"/>. A listing reads page after page until Xero's <c>pagination</c> says it is done
/// (or, without it, a short page), and fails typed past <see cref="XeroOptions.MaxPages"/>. Every request after the
/// first is a window that starts at or before the last record read (<see cref="PageWindows"/>), checked by a
/// <see cref="XeroWindowSequence"/>, so a record that moves onto a page already read fails the listing instead of being
/// skipped. The cursor of <c>ListPageAsync</c> is the number of records read, Xero's <c>itemCount</c> and the last id. Xero pages some lists not at all (<see cref="Paged"/> false: items, tax
/// rates): one answer holds every record, bounded like a paged listing, and <c>ListPageAsync</c> pages it here, ordered
/// by id, its cursor the last id of the previous page.
/// </summary>
internal abstract class XeroStore<TRecord, TQuery, TWire, TResult>(XeroLedgerContext context)
    where TRecord : LedgerRecord
    where TQuery : RecordQuery<TRecord>, new()
    where TResult : class, IXeroList<TWire>
{
    protected XeroLedgerContext Context { get; } = context;

    protected abstract EntityKind Entity { get; }

    /// <summary>Where the records sit in the envelope, e.g. <c>Contacts</c>.</summary>
    protected abstract string ListKey { get; }

    protected abstract Task<IApiResponse<TResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken);

    protected abstract Task<IApiResponse<TResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken);

    /// <summary>Sets the server-side filters that cover the query (they may return more; never fewer).</summary>
    protected abstract void ServerFilters(TQuery query, XeroListQuery list);

    /// <summary>Whether the server-side filters answer the query exactly, so Xero's item count is the query's total.</summary>
    protected abstract bool ServerFiltersExact(TQuery query);

    /// <summary>The mapping of one wire record (invoices need the organisation's tax rates first).</summary>
    protected abstract ValueTask<Func<TWire, TRecord>> MapperAsync(CancellationToken cancellationToken);

    /// <summary>Whether a record read by id belongs to this store (a bill is not an invoice); others read as not found.</summary>
    protected virtual bool Belongs(TWire wire) => true;

    /// <summary>Whether Xero pages this list; an unpaged one (items, tax rates) answers every record at once.</summary>
    protected virtual bool Paged => true;

    /// <summary>Refuses, as not found and before any request, an id that cannot name a record (by default: not a GUID).</summary>
    protected virtual void RequireId(string id) => RequireGuid(id);

    public async Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await ReadOneAsync(await FetchAsync(id, cancellationToken), id, cancellationToken);

    /// <summary>Asks Xero for one record (<c>GetCallAsync</c>), refusing an id that cannot name one before any request.</summary>
    private async Task<XeroResult<TResult>> FetchAsync(string id, CancellationToken cancellationToken)
    {
        var call = Call("get", id);
        RequireId(id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        return await Context.Http.SendAsync(call, t => GetCallAsync(id, tenant, t), cancellationToken);
    }

    public async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var call = Call("list", null);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var map = await MapperAsync(cancellationToken);
        if (!Paged)
        {
            foreach (var record in await FetchAllAsync(call, tenant, query, map, cancellationToken))
            {
                yield return record;
            }

            yield break;
        }

        var sequence = new XeroWindowSequence(call);
        var pageSize = Context.Options.PageSize;
        var window = new PageWindow(1, pageSize);
        for (var requests = 1; ; requests++)
        {
            if (requests > Context.Options.MaxPages)
            {
                throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty,
                    $"Xero's listing did not end within {Context.Options.MaxPages} pages ({nameof(XeroOptions.MaxPages)})");
            }

            var (records, pagination, received) = await FetchAsync(call, tenant, query, window.Page, window.PerPage, map, cancellationToken);
            var overlap = sequence.Accept(Ids(records), pagination, window);
            for (var i = overlap; i < records.Count; i++)
            {
                if (query.Matches(records[i]))
                {
                    yield return records[i];
                }
            }

            if (!sequence.HasMore(window, received))
            {
                yield break;
            }

            window = PageWindows.Next(sequence.Read, sequence.Total ?? int.MaxValue, pageSize);
        }
    }

    public async Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        if (!Paged)
        {
            return await UnpagedPageAsync(query, cursor, cancellationToken);
        }

        var position = ParsePosition(cursor);
        var call = Call("list", null);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var map = await MapperAsync(cancellationToken);
        var (window, sequence) = position.Last is { } last
            ? (PageWindows.Next(position.Read, position.Total ?? int.MaxValue, query.PageSize), XeroWindowSequence.Resume(call, position.Read, position.Total, last))
            : (new PageWindow(1, query.PageSize), new XeroWindowSequence(call));
        var (records, pagination, received) = await FetchAsync(call, tenant, query, window.Page, window.PerPage, map, cancellationToken);
        var overlap = sequence.Accept(Ids(records), pagination, window);
        var added = Math.Min(records.Count - overlap, query.PageSize);
        var read = (int)window.Start + overlap + added;
        var more = sequence.Total is { } counted ? read < counted : received >= window.PerPage || overlap + added < records.Count;
        var next = more && added > 0 ? Position(read, sequence.Total, records[overlap + added - 1].Id) : null;
        var total = ServerFiltersExact(query) ? pagination?.ItemCount : null;
        return new Page<TRecord>(records.Skip(overlap).Take(added).Where(query.Matches).ToArray(), next, total);
    }

    private static string[] Ids(IReadOnlyList<TRecord> records) => [.. records.Select(r => r.Id)];

    private static string Position(int read, int? total, string last) => new XeroPosition(read, total, last).ToString();

    /// <summary>Reads a position this store issued (<see cref="XeroPosition"/>); no cursor is the listing's start.</summary>
    private static (int Read, int? Total, string? Last) ParsePosition(string? cursor)
    {
        if (cursor is null)
        {
            return (0, null, null);
        }

        var position = XeroPosition.Parse(cursor);
        return (position.Read, position.Total, position.Last);
    }

    protected XeroCall Call(string operation, string? id) => new(Entity, operation, Context.ConnectionId, id);

    /// <summary>
    /// The call of a create, carrying the caller's idempotency key: <see cref="XeroHttp"/> sends it as
    /// <c>Idempotency-Key</c> on the request, and an error on the call says whether it carried one. Every store's
    /// <c>CreateAsync(draft, options, …)</c> builds its call here.
    /// </summary>
    protected XeroCall CreateCall(CreateOptions? options) => Call("create", null) with { IdempotencyKey = options?.IdempotencyKey };

    /// <summary>
    /// Reads a record as <see cref="GetAsync"/> does, together with Xero's own form of it, for a change that must keep what
    /// only that form holds (e.g. each line's discount).
    /// </summary>
    protected async Task<(TRecord Record, TWire Wire)> GetWithWireAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await FetchAsync(id, cancellationToken);
        var record = await ReadOneAsync(answer, id, cancellationToken);
        return (record, XeroEnvelope.Records<TWire, TResult>(answer, ListKey)[0]);
    }

    /// <summary>Reads the one record of an answer about record <paramref name="id"/>.</summary>
    protected async Task<TRecord> ReadOneAsync(XeroResult<TResult> answer, string id, CancellationToken cancellationToken)
    {
        var wires = XeroEnvelope.Records<TWire, TResult>(answer, ListKey);
        if ((wires.Count == 1 && !Belongs(wires[0])) || (wires.Count == 0 && answer.Call.Operation == "get"))
        {
            throw new RecordNotFoundException(Entity, id) { Provider = XeroRequest.ProviderName };
        }

        var map = await MapperAsync(cancellationToken);
        return XeroEnvelope.Single(answer.Call, answer.Status, answer.Body, XeroEnvelope.Map(answer, ListKey, Context.Options.KeepRawRepresentation, map));
    }

    /// <summary>Xero's ids are GUIDs; any other text cannot name a record (and would be read by Xero as a number or code).</summary>
    protected void RequireGuid(string id)
    {
        if (!Guid.TryParseExact(id, "D", out _))
        {
            throw new RecordNotFoundException(Entity, id) { Provider = XeroRequest.ProviderName };
        }
    }

    /// <summary>A Xero <c>where</c> string literal.</summary>
    protected static string Literal(string text) => XeroWhere.Literal(text);

    /// <summary>A Xero <c>where</c> date literal.</summary>
    protected static string DateLiteral(DateOnly date) => XeroWhere.Date(date);

    /// <summary>The <c>where</c> clauses of a date range on <paramref name="member"/>.</summary>
    protected static IEnumerable<string> DateRange(string member, DateRange? range)
    {
        if (range?.From is { } from)
        {
            yield return $"{member}>={DateLiteral(from)}";
        }

        if (range?.To is { } to)
        {
            yield return $"{member}<={DateLiteral(to)}";
        }
    }

    /// <summary>Joins <c>where</c> clauses with AND; null when there are none.</summary>
    protected static string? And(IEnumerable<string> clauses) => string.Join(" AND ", clauses) is { Length: > 0 } where ? where : null;

    /// <summary>
    /// One page of an unpaged list: every record matching the query, ordered by id, after the cursor's id. Each call reads
    /// the whole list again, so records added or removed meanwhile move no other record between pages.
    /// </summary>
    private async Task<Page<TRecord>> UnpagedPageAsync(TQuery query, string? after, CancellationToken cancellationToken)
    {
        var call = Call("list", null);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var map = await MapperAsync(cancellationToken);
        var all = (await FetchAllAsync(call, tenant, query, map, cancellationToken)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var start = after is null ? 0 : all.FindIndex(r => string.CompareOrdinal(r.Id, after) > 0) is var i and >= 0 ? i : all.Count;
        var items = all.Skip(start).Take(query.PageSize).ToArray();
        var next = start + items.Length < all.Count ? items[^1].Id : null;
        return new Page<TRecord>(items, next, all.Count);
    }

    /// <summary>
    /// Every record of an unpaged list that matches the query, in Xero's order, each once. The answer is read whole (at
    /// most <see cref="XeroBodyHandler.MaxBytes"/>) and may hold at most <see cref="XeroOptions.MaxPages"/> ×
    /// <see cref="XeroOptions.PageSize"/> records, the bound of a paged listing; a bigger one fails typed.
    /// </summary>
    private async Task<IReadOnlyList<TRecord>> FetchAllAsync(
        XeroCall call, string tenant, TQuery query, Func<TWire, TRecord> map, CancellationToken cancellationToken)
    {
        var list = new XeroListQuery();
        ServerFilters(query, list);
        var since = query.UpdatedSince is { } updated ? Mapping.XeroValues.IfModifiedSince(updated) : null;
        var answer = await Context.Http.SendAsync(call, t => ListCallAsync(list, since, tenant, t), cancellationToken);
        var bound = (long)Context.Options.MaxPages * Context.Options.PageSize;
        if (XeroEnvelope.Records<TWire, TResult>(answer, ListKey).Count > bound)
        {
            throw XeroErrorTable.Invalid(call, answer.Status, ReadOnlyMemory<byte>.Empty,
                $"Xero's unpaged {ListKey} list holds more than {bound} records ({nameof(XeroOptions.MaxPages)} × {nameof(XeroOptions.PageSize)})");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. XeroEnvelope.Map(answer, ListKey, Context.Options.KeepRawRepresentation, map).Where(r => query.Matches(r) && seen.Add(r.Id))];
    }

    private async Task<(IReadOnlyList<TRecord> Records, PaginationWire? Pagination, int Received)> FetchAsync(
        XeroCall call, string tenant, TQuery query, int page, int pageSize, Func<TWire, TRecord> map, CancellationToken cancellationToken)
    {
        var list = new XeroListQuery { Page = page, PageSize = pageSize };
        ServerFilters(query, list);
        var since = query.UpdatedSince is { } updated ? Mapping.XeroValues.IfModifiedSince(updated) : null;
        var answer = await Context.Http.SendAsync(call, t => ListCallAsync(list, since, tenant, t), cancellationToken);
        var records = XeroEnvelope.Map(answer, ListKey, Context.Options.KeepRawRepresentation, map);
        return (records, answer.Content!.Pagination, records.Count);
    }
}
