using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.TimeEntries;

internal sealed class InMemoryTimeEntryStore(InMemoryLedger ledger)
    : InMemoryStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(ledger, EntityKind.TimeEntry, ledger.TimeEntryTable), ITimeEntryStore
{
    protected override TimeEntry Create(NewTimeEntry draft, DateTimeOffset now) => new()
    {
        Id = string.Empty,
        UpdatedAt = now,
        StartedAt = draft.StartedAt.ToUniversalTime(),
        Duration = draft.Duration,
        Billable = draft.Billable,
        ContactId = Text(draft.ContactId),
        ProjectId = Text(draft.ProjectId),
        Note = Text(draft.Note),
    };

    protected override TimeEntry Update(TimeEntry current, TimeEntryChanges changes) => current with
    {
        StartedAt = changes.StartedAt?.ToUniversalTime() ?? current.StartedAt,
        Duration = changes.Duration ?? current.Duration,
        Billable = changes.Billable ?? current.Billable,
        ContactId = Change(current.ContactId, changes.ContactId),
        ProjectId = Change(current.ProjectId, changes.ProjectId),
        Note = Change(current.Note, changes.Note),
    };

    protected override bool Matches(TimeEntry record, TimeEntryQuery query) =>
        (query.ContactId is not { } contactId || record.ContactId == contactId) &&
        (query.ProjectId is not { } projectId || record.ProjectId == projectId) &&
        (query.StartedFrom is not { } from || record.StartedAt >= from) &&
        (query.StartedTo is not { } to || record.StartedAt <= to) &&
        (query.Billable is not { } billable || record.Billable == billable) &&
        (query.Billed is not { } billed || record.Billed == billed);
}
