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
}
