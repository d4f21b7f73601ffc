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
/// (or, without it, a short page), and fails typed past <see cref="XeroOptions.MaxPages"/>. The cursor of
/// <c>ListPageAsync</c> is Xero's page number.
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

    public async Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("get", id);
        RequireGuid(id);
        var tenant = await Context.Connection.TenantIdAsync(cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => GetCallAsync(id, tenant, t), cancellationToken);
        return await ReadOneAsync(answer, id, cancellationToken);
    }

    public async IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var call = Call("list", null);
        var tenant = await Context.Connection.TenantIdAsync(cancellationToken);
        var map = await MapperAsync(cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            if (page > Context.Options.MaxPages)
            {
                throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty,
                    $"Xero's listing did not end within {Context.Options.MaxPages} pages ({nameof(XeroOptions.MaxPages)})");
            }

            var (records, pagination, received) = await FetchAsync(call, tenant, query, page, Context.Options.PageSize, map, cancellationToken);
            foreach (var record in records)
            {
                if (query.Matches(record) && seen.Add(record.Id))
                {
                    yield return record;
                }
            }

            if (!HasNext(page, pagination, received, Context.Options.PageSize))
            {
                yield break;
            }
        }
    }

    public async Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TQuery();
        var page = 1;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            throw new InvalidCursorException("The cursor does not name a Xero page. Pass back NextCursor exactly as received.");
        }

        var call = Call("list", null);
        var tenant = await Context.Connection.TenantIdAsync(cancellationToken);
        var map = await MapperAsync(cancellationToken);
        var (records, pagination, received) = await FetchAsync(call, tenant, query, page, query.PageSize, map, cancellationToken);
        var next = HasNext(page, pagination, received, query.PageSize) ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        var total = ServerFiltersExact(query) ? pagination?.ItemCount : null;
        return new Page<TRecord>(records.Where(query.Matches).ToArray(), next, total);
    }

    protected XeroCall Call(string operation, string? id) => new(Entity, operation, Context.ConnectionId, id);

    /// <summary>Reads the one record of an answer about record <paramref name="id"/>.</summary>
    protected async Task<TRecord> ReadOneAsync(XeroResult<TResult> answer, string id, CancellationToken cancellationToken)
    {
        var wires = XeroEnvelope.Records<TWire, TResult>(answer, ListKey);
        if (wires.Count == 1 && !Belongs(wires[0]))
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
    protected static string Literal(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A Xero <c>where</c> date literal.</summary>
    protected static string DateLiteral(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"DateTime({date.Year}, {date.Month:00}, {date.Day:00})");

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

    private static bool HasNext(int page, PaginationWire? pagination, int received, int pageSize) =>
        pagination?.PageCount is { } pages ? page < pages : received >= pageSize;
}
