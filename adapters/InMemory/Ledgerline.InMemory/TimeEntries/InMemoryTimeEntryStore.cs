using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.TimeEntries;

internal sealed class InMemoryTimeEntryStore(InMemoryLedger ledger)
    : InMemoryStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(ledger, EntityKind.TimeEntry, ledger.TimeEntryTable), ITimeEntryStore
{
    protected override TimeEntry Create(NewTimeEntry draft, DateTimeOffset now) => Referenced(new TimeEntry
    {
        Id = string.Empty,
        UpdatedAt = now,
        StartedAt = draft.StartedAt.ToUniversalTime(),
        Duration = draft.Duration,
        Billable = draft.Billable,
        ContactId = Text(draft.ContactId),
        ProjectId = Text(draft.ProjectId),
        Note = Text(draft.Note),

        // InMemory keeps no tasks or users: the ids are kept as given (the reference provider refuses nothing a provider might take).
        TaskId = Text(draft.TaskId),
        UserId = Text(draft.UserId),
    });

    protected override TimeEntry Update(TimeEntry current, TimeEntryChanges changes) => Referenced(current with
    {
        StartedAt = changes.StartedAt?.ToUniversalTime() ?? current.StartedAt,
        Duration = changes.Duration ?? current.Duration,
        Billable = changes.Billable ?? current.Billable,
        ContactId = Change(current.ContactId, changes.ContactId),
        ProjectId = Change(current.ProjectId, changes.ProjectId),
        Note = Change(current.Note, changes.Note),
        TaskId = Change(current.TaskId, changes.TaskId),
    });

    // The contact and project an entry names must exist, and not be deleted, as a provider's would.
    private TimeEntry Referenced(TimeEntry entry)
    {
        if (entry.ContactId is { } contactId)
        {
            Ledger.InvoiceStore.RequireContact(contactId);
        }

        if (entry.ProjectId is { } projectId)
        {
            var project = Ledger.ProjectTable.Find(projectId) ?? throw NotFound(EntityKind.Project, projectId);
            if (project.State == RecordState.Deleted)
            {
                throw IsDeleted(EntityKind.Project, projectId);
            }
        }

        return entry;
    }
}
