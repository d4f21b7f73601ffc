using System.Runtime.CompilerServices;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Time entries (<c>/timetracking/business/{businessId}/time_entries</c>), under the business id rather than the account
/// id, with bare <c>{"time_entry":…}</c> bodies. FreshBooks deletes them for good (DELETE → 204) and has no archive, so
/// this store has neither archive nor restore and lists active entries only. Listing and cursors are the accounting
/// stores' (<see cref="FreshBooksListing"/>), with one segment.
/// </summary>
internal sealed class FreshBooksTimeEntryStore(FreshBooksLedgerContext context) : ITimeEntryStore
{
    private const string ReadScope = "user:time_entries:read";
    private const string WriteScope = "user:time_entries:write";

    private static readonly RecordPath Path = RecordPath.Root(TimeEntryResult.SingleKey, TimeEntryResult.ListKey);

    private static readonly IReadOnlyList<int?> OneListing = [null];

    /// <summary>
    /// The exact client-side filter: the query's own <see cref="RecordQuery{TRecord}.Matches"/>. FreshBooks filters
    /// <c>updated_since</c> exactly (ISO UTC) against a timestamp it does not return on time entries, so for an entry
    /// without one <c>UpdatedSince</c> is left to the server and every other filter is still checked here.
    /// </summary>
    private static Func<TimeEntry, bool> Matches(TimeEntryQuery query)
    {
        var withoutSince = query with { UpdatedSince = null };
        return record => HasUpdatedAt(record) ? query.Matches(record) : withoutSince.Matches(record);
    }

    public async Task<TimeEntry> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("get", id);
        var number = FreshBooksListing.Number(EntityKind.TimeEntry, id);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var answer = await context.Http.SendAsync(call,
            t => context.TimeTracking.GetTimeEntryAsync(business, number, context.ConnectionId, t), cancellationToken);
        return Single(answer);
    }

    public async IAsyncEnumerable<TimeEntry> ListAsync(TimeEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TimeEntryQuery();
        var call = Call("list", null);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        var records = FreshBooksListing.ListAsync(
            OneListing,
            async (_, window, t) => PendingPage<TimeEntry>.Done(await FetchAsync(call, business, query, window, t)),
            context.Options.PageConcurrency,
            Matches(query),
            cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }

    public async Task<Page<TimeEntry>> ListPageAsync(TimeEntryQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TimeEntryQuery();
        var call = Call("list", null);
        var business = await context.Connection.BusinessIdAsync(call, ReadScope, cancellationToken);
        return await FreshBooksListing.ListPageAsync(
            OneListing,
            cursor,
            query.PageSize,
            async (_, window, t) => PendingPage<TimeEntry>.Done(await FetchAsync(call, business, query, window, t)),
            Matches(query),
            serverCountExact: true,
            cancellationToken);
    }

    public async Task<TimeEntry> CreateAsync(NewTimeEntry draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.UserId is not null)
        {
            throw new LedgerValidationException([new FieldError(nameof(NewTimeEntry.UserId),
                "FreshBooks logs time as the connected identity; it cannot be logged for another user. Leave UserId null.", "NotSupportedByProvider")])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        var call = Call("create", null);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        var body = new TimeEntryBody(context.Mapping.Map<NewTimeEntry, TimeEntryWrite>(draft));
        var answer = await context.Http.SendAsync(call,
            t => context.TimeTracking.CreateTimeEntryAsync(business, body, context.ConnectionId, t), cancellationToken);
        return Single(answer);
    }

    public async Task<TimeEntry> UpdateAsync(string id, TimeEntryChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var call = Call("update", id);
        var number = FreshBooksListing.Number(EntityKind.TimeEntry, id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        var body = new TimeEntryBody(context.Mapping.Map<TimeEntryChanges, TimeEntryWrite>(changes));
        var answer = await context.Http.SendAsync(call,
            t => context.TimeTracking.UpdateTimeEntryAsync(business, number, body, context.ConnectionId, t), cancellationToken);
        return Single(answer);
    }

    public Task<TimeEntry> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(FreshBooksRequest.ProviderName, EntityKind.TimeEntry, nameof(StoreOperations.Archive));

    public Task<TimeEntry> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(FreshBooksRequest.ProviderName, EntityKind.TimeEntry, nameof(StoreOperations.Restore));

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var call = Call("delete", id);
        var number = FreshBooksListing.Number(EntityKind.TimeEntry, id);
        var business = await context.Connection.BusinessIdAsync(call, WriteScope, cancellationToken);
        await context.Http.SendAsync(call,
            t => context.TimeTracking.DeleteTimeEntryAsync(business, number, context.ConnectionId, t), cancellationToken);
    }

    private static bool HasUpdatedAt(TimeEntry record) =>
        record.RawRepresentation is JsonElement { ValueKind: JsonValueKind.Object } raw &&
        raw.TryGetProperty("updated_at", out var updated) && updated.ValueKind == JsonValueKind.String;

    private async Task<FetchedPage<TimeEntry>> FetchAsync(
        FreshBooksCall call, string business, TimeEntryQuery query, PageWindow window, CancellationToken cancellationToken)
    {
        var search = new TimeEntrySearch
        {
            Page = window.Page,
            PerPage = window.PerPage,
            ClientId = FreshBooksValues.ParseId(query.ContactId),
            ProjectId = FreshBooksValues.ParseId(query.ProjectId),
            StartedFrom = query.StartedFrom is { } from ? FreshBooksValues.Utc(from) : null,
            StartedTo = query.StartedTo is { } to ? FreshBooksValues.Utc(to) : null,
            UpdatedSince = query.UpdatedSince is { } since ? FreshBooksValues.Utc(CeilingToSecond(since)) : null,
            Billable = query.Billable is { } billable ? (billable ? "true" : "false") : null,
            Billed = query.Billed is { } billed ? (billed ? "true" : "false") : null,
        };
        var answer = await context.Http.SendAsync(call,
            t => context.TimeTracking.ListTimeEntriesAsync(business, search, context.ConnectionId, t), cancellationToken);
        return FreshBooksEnvelope.Page<TimeEntryWire, TimeEntry>(answer.Response, FreshBooksEnvelope.Result(answer, Path), Path,
            context.Options.KeepRawRepresentation, Map);
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

    private TimeEntry Single(FreshBooksResult<TimeEntryResult> answer) =>
        FreshBooksEnvelope.Single<TimeEntryWire, TimeEntry>(answer.Response, FreshBooksEnvelope.Result(answer, Path), Path,
            context.Options.KeepRawRepresentation, Map);

    private TimeEntry Map(TimeEntryWire wire) => context.Mapping.Map<TimeEntryWire, TimeEntry>(wire);

    private FreshBooksCall Call(string operation, string? id) => new(EntityKind.TimeEntry, operation, context.ConnectionId, id);
}
