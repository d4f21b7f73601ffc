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
/// Time entries (<c>/timetracking/business/{businessId}/time_entries</c>), under the business id rather than the account
/// id. FreshBooks deletes them for good (DELETE → 204) and has no archive, so this store has neither archive nor restore
/// and lists active entries only.
/// </summary>
internal sealed class FreshBooksTimeEntryStore(FreshBooksLedgerContext context) : ITimeEntryStore
{
    private const string ReadScope = "user:time_entries:read";
    private const string WriteScope = "user:time_entries:write";

    public async Task<TimeEntry> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("get", id);
        var number = Number(id);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var response = await context.Http.SendAsync(call,
            t => context.TimeTracking.GetTimeEntryAsync(business, number, context.ConnectionId, t), cancellationToken);
        return Single(response);
    }

    public async IAsyncEnumerable<TimeEntry> ListAsync(TimeEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TimeEntryQuery();
        var call = Call("list", null);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var pages = FreshBooksPaging.ListAsync(
            (page, t) => FetchAsync(call, business, query, page, RecordQuery.MaxPageSize, t),
            context.Options.PageConcurrency,
            new HashSet<string>(StringComparer.Ordinal),
            r => r.Id,
            r => Matches(r, query),
            cancellationToken);
        await foreach (var record in pages)
        {
            yield return record;
        }
    }

    public async Task<Page<TimeEntry>> ListPageAsync(TimeEntryQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TimeEntryQuery();
        var call = Call("list", null);
        var page = 1;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            throw FreshBooksStoreRecords.InvalidCursor();
        }

        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var fetched = await FetchAsync(call, business, query, page, query.PageSize, cancellationToken);
        var next = page < fetched.Info.Pages ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<TimeEntry>(fetched.Items.Where(r => Matches(r, query)).ToArray(), next, fetched.Info.Total);
    }

    public async Task<TimeEntry> CreateAsync(NewTimeEntry draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var call = Call("create", null);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        var body = draft.Adapt<NewTimeEntry, TimeEntryWrite>(context.Mapping);
        var response = await context.Http.SendAsync(call,
            t => context.TimeTracking.CreateTimeEntryAsync(business, FreshBooksJson.Envelope("time_entry", body), context.ConnectionId, t),
            cancellationToken);
        return Single(response);
    }

    public async Task<TimeEntry> UpdateAsync(string id, TimeEntryChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var call = Call("update", id);
        var number = Number(id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        var body = changes.Adapt<TimeEntryChanges, TimeEntryWrite>(context.Mapping);
        var response = await context.Http.SendAsync(call,
            t => context.TimeTracking.UpdateTimeEntryAsync(business, number, FreshBooksJson.Envelope("time_entry", body), context.ConnectionId, t),
            cancellationToken);
        return Single(response);
    }

    public Task<TimeEntry> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(FreshBooksRequest.ProviderName, EntityKind.TimeEntry, nameof(StoreOperations.Archive));

    public Task<TimeEntry> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(FreshBooksRequest.ProviderName, EntityKind.TimeEntry, nameof(StoreOperations.Restore));

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("delete", id);
        var number = Number(id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        await context.Http.SendAsync(call,
            t => context.TimeTracking.DeleteTimeEntryAsync(business, number, context.ConnectionId, t), cancellationToken);
    }

    /// <summary>
    /// FreshBooks filters <c>updated_since</c> exactly (ISO UTC) against a timestamp it does not return on time entries, so
    /// <c>UpdatedSince</c> is left to the server; every other filter is also checked here.
    /// </summary>
    private static bool Matches(TimeEntry record, TimeEntryQuery query) =>
        query.States.Includes(record.State) &&
        (query.UpdatedSince is not { } since || record.UpdatedAt >= since || !HasUpdatedAt(record)) &&
        (query.ContactId is not { } contact || record.ContactId == contact) &&
        (query.ProjectId is not { } project || record.ProjectId == project) &&
        (query.StartedFrom is not { } from || record.StartedAt >= from) &&
        (query.StartedTo is not { } to || record.StartedAt <= to) &&
        (query.Billable is not { } billable || record.Billable == billable) &&
        (query.Billed is not { } billed || record.Billed == billed);

    private static bool HasUpdatedAt(TimeEntry record) =>
        record.RawRepresentation is JsonElement { ValueKind: JsonValueKind.Object } raw &&
        raw.TryGetProperty("updated_at", out var updated) && updated.ValueKind == JsonValueKind.String;

    private async Task<FetchedPage<TimeEntry>> FetchAsync(
        FreshBooksCall call, string business, TimeEntryQuery query, int page, int perPage, CancellationToken cancellationToken)
    {
        var search = new TimeEntrySearch
        {
            Page = page,
            PerPage = perPage,
            ClientId = FreshBooksValues.ParseId(query.ContactId),
            ProjectId = FreshBooksValues.ParseId(query.ProjectId),
            StartedFrom = query.StartedFrom is { } from ? FreshBooksValues.Utc(from) : null,
            StartedTo = query.StartedTo is { } to ? FreshBooksValues.Utc(to) : null,
            UpdatedSince = query.UpdatedSince is { } since ? FreshBooksValues.Utc(CeilingToSecond(since)) : null,
            Billable = query.Billable is { } billable ? (billable ? "true" : "false") : null,
            Billed = query.Billed is { } billed ? (billed ? "true" : "false") : null,
        };
        var response = await context.Http.SendAsync(call,
            t => context.TimeTracking.ListTimeEntriesAsync(business, search, context.ConnectionId, t), cancellationToken);
        using var document = FreshBooksEnvelope.Parse(response);
        var (items, info) = FreshBooksEnvelope.ProjectList(response, document, "time_entries");
        return FreshBooksStoreRecords.Page<TimeEntryWire, TimeEntry>(response, items, info, context.Mapping, context.Options.KeepRawRepresentation);
    }

    /// <summary>
    /// FreshBooks compares <c>updated_since</c> at whole seconds and keeps whole-second timestamps, so rounding a
    /// fractional instant up keeps the comparison exact (a record stamped at the truncated second is earlier than it).
    /// </summary>
    private static DateTimeOffset CeilingToSecond(DateTimeOffset instant)
    {
        var remainder = instant.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? instant : instant.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    private TimeEntry Single(FreshBooksResponse response)
    {
        using var document = FreshBooksEnvelope.Parse(response);
        return FreshBooksEnvelope.Record<TimeEntryWire, TimeEntry>(response, FreshBooksEnvelope.ProjectSingle(response, document, "time_entry"), context.Mapping, context.Options.KeepRawRepresentation);
    }

    private FreshBooksCall Call(string operation, string? id) => new(EntityKind.TimeEntry, operation, context.ConnectionId, id);

    private static long Number(string id) => FreshBooksStoreRecords.Number(EntityKind.TimeEntry, id);
}
