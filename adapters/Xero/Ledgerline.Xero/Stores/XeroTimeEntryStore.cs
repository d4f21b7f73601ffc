using System.Runtime.CompilerServices;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Mapster;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Time entries over Xero's Projects API (<c>/projects.xro/2.0/Projects/{projectId}/Time</c>, scope <c>projects</c>).
/// A Xero time entry belongs to a project and a task and is logged by a Projects user, in whole minutes (1–59940): a
/// draft without <see cref="NewTimeEntry.ProjectId"/>, <see cref="NewTimeEntry.TaskId"/> or
/// <see cref="NewTimeEntry.UserId"/>, or with a duration that is not whole minutes, is refused before any request
/// (nothing is rounded, no task or user is picked). Xero reads an entry only through its project, so the canonical id
/// is <c>{projectId}:{timeEntryId}</c>. Billable is the task's charge type (<c>TIME</c>/<c>FIXED</c>), so a draft must
/// state the task's; the contact is the project's. Changes are a <c>PUT</c> of the whole entry (read first; Xero clears a
/// description it does not receive). Deleted for good. Listing reads each project (or the one named) with Xero's
/// filters <c>contactId</c> (on projects), <c>dateAfterUtc</c>/<c>dateBeforeUtc</c>, <c>isChargeable</c>, <c>states</c>,
/// then exactly; Xero keeps no change time, so no <c>UpdatedSince</c>. Every list (projects, tasks, entries) overlaps
/// (<see cref="XeroProjectsRead"/>), so a record that moves while it is read fails the listing typed. The cursor names
/// the project and the position in its entries (<see cref="ListPageAsync"/>).
/// </summary>
internal sealed class XeroTimeEntryStore(XeroLedgerContext context) : ITimeEntryStore
{
    /// <summary>The <c>modelState</c> key of the Projects API's refusal of a time entry's task.</summary>
    private const string UnknownTaskCode = "model.TaskId";

    public async Task<TimeEntry> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var (projectId, entryId) = Split(id);
        var tenant = await context.Connection.TenantIdAsync(Call("get", id), cancellationToken);
        var answer = await context.Http.SendAsync(Call("get", id), t => context.Projects.GetTimeEntryAsync(projectId, entryId, tenant, context.ConnectionId, t), cancellationToken);
        var wire = XeroProjectsRead.Wire(answer);
        var project = await ProjectAsync(projectId, cancellationToken);
        var chargeable = await ChargeableAsync(projectId, XeroValues.Required(wire.TaskId, "taskId"), cancellationToken);
        return XeroProjectsRead.One(answer, context.Options.KeepRawRepresentation, w => Map(w, project, chargeable));
    }

    public async IAsyncEnumerable<TimeEntry> ListAsync(TimeEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new TimeEntryQuery();
        var call = Call("list", null);
        var tenant = await context.Connection.TenantIdAsync(call, cancellationToken);
        foreach (var project in await ProjectsAsync(query, cancellationToken))
        {
            var projectId = XeroValues.Required(project.ProjectId, "projectId");
            var tasks = await TasksAsync(projectId, cancellationToken);
            var wires = XeroProjectsRead.AllAsync<TimeEntryWire, TimeEntriesResult>(context, call,
                (page, size, t) => context.Projects.ListTimeEntriesAsync(projectId, Query(query, page, size), tenant, context.ConnectionId, t), w => w.TimeEntryId, cancellationToken);
            await foreach (var wire in wires)
            {
                var entry = MapListed(call, wire, project, tasks);
                if (query.Matches(entry))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>
    /// One page of one project's entries (up to <see cref="RecordQuery.PageSize"/>); projects without a matching entry
    /// are skipped, so a page is empty only at the end. The cursor names the project, alone at its start
    /// (<c>{projectId}</c>) or with the position in its entries (<c>{projectId}:{read}/{total}/{last}</c>, see
    /// <see cref="XeroPosition"/>): the next window repeats the last entry read, so an entry that moves within the project
    /// between calls fails the page typed instead of being skipped.
    /// </summary>
    public async Task<Page<TimeEntry>> ListPageAsync(TimeEntryQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        query ??= new TimeEntryQuery();
        var (startProject, from) = cursor is null ? (null, null) : ParseCursor(cursor);
        var projects = await ProjectsAsync(query, cancellationToken);
        var index = startProject is null ? 0 : projects.FindIndex(p => string.Equals(p.ProjectId, startProject, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new InvalidCursorException("The cursor names a Xero project that is no longer listed. Start the listing again.");
        }

        var call = Call("list", null);
        var tenant = await context.Connection.TenantIdAsync(call, cancellationToken);
        for (; index < projects.Count; index++, from = null)
        {
            var project = projects[index];
            var projectId = XeroValues.Required(project.ProjectId, "projectId");
            var page = await XeroProjectsRead.PageAsync<TimeEntryWire, TimeEntriesResult>(context, call,
                (number, size, t) => context.Projects.ListTimeEntriesAsync(projectId, Query(query, number, size), tenant, context.ConnectionId, t),
                w => w.TimeEntryId, from, query.PageSize, cancellationToken);
            if (page.Take == 0)
            {
                continue;
            }

            var tasks = await TasksAsync(projectId, cancellationToken);
            var records = XeroEnvelope.Map<TimeEntryWire, TimeEntry, TimeEntriesResult>(page.Answer, ProjectsResult.ListKey, context.Options.KeepRawRepresentation, w => MapListed(call, w, project, tasks))
                .Skip(page.Skip).Take(page.Take).Where(query.Matches).ToArray();
            var next = page.Next is { } position
                ? projectId + ProjectsValues.IdSeparator + position
                : index + 1 < projects.Count ? projects[index + 1].ProjectId : null;
            return new Page<TimeEntry>(records, next);
        }

        return new Page<TimeEntry>([], null);
    }

    /// <summary>
    /// Logs time on a project's task for a Projects user. The project is read (its contact; not found:
    /// <see cref="RecordNotFoundException"/> for the project) and the task (its charge type must match
    /// <see cref="NewTimeEntry.Billable"/>) before the write.
    /// </summary>
    public async Task<TimeEntry> CreateAsync(NewTimeEntry draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var projectId = draft.ProjectId ?? throw XeroRefusal.Field(nameof(NewTimeEntry.ProjectId), "Xero logs time on a project; give ProjectId.");
        var taskId = draft.TaskId ?? throw XeroRefusal.Field(nameof(NewTimeEntry.TaskId), "Xero logs time against a task of the project; give TaskId (Ledgerline never picks or creates one).");
        var userId = draft.UserId ?? throw XeroRefusal.Field(nameof(NewTimeEntry.UserId), "Xero logs time for a Projects user (GET /ProjectsUsers); give UserId (Ledgerline never picks one).");
        var minutes = Minutes(draft.Duration, nameof(NewTimeEntry.Duration));
        RequireGuid(userId, nameof(NewTimeEntry.UserId), "a Xero Projects user id");
        RequireGuid(taskId, nameof(NewTimeEntry.TaskId), "a Xero task id");
        if (!XeroProjectsRead.IsGuid(projectId))
        {
            throw XeroProjectsRead.NotFound(EntityKind.Project, projectId);
        }

        // The scope first: the project and its task are read before the entry is sent.
        var tenant = await context.Connection.TenantIdAsync(Call("create", null), cancellationToken);
        var project = await ProjectAsync(projectId, cancellationToken);
        RequireContact(draft.ContactId, project);
        var chargeable = await ChargeableAsync(projectId, taskId, cancellationToken);
        RequireBillable(draft.Billable, chargeable, nameof(NewTimeEntry.Billable));
        var body = new TimeEntryWrite
        {
            UserId = userId,
            TaskId = taskId,
            DateUtc = ProjectsValues.Format(draft.StartedAt),
            Duration = minutes,
            Description = draft.Note,
        };
        var answer = await context.Http.SendAsync(Call("create", null),
            t => context.Projects.CreateTimeEntryAsync(projectId, body, tenant, context.ConnectionId, t), cancellationToken);
        return XeroProjectsRead.One(answer, context.Options.KeepRawRepresentation, w => Map(w, project, chargeable));
    }

    /// <summary>
    /// Changes an entry: reads it, sends the whole entry with the changes (Xero's <c>PUT</c> replaces it), reads it back.
    /// Xero cannot move an entry to another project or contact. A new task whose charge type would change
    /// <see cref="TimeEntry.Billable"/> needs <see cref="TimeEntryChanges.Billable"/> stated too.
    /// </summary>
    public async Task<TimeEntry> UpdateAsync(string id, TimeEntryChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var (projectId, entryId) = Split(id);
        var minutes = changes.Duration is { } duration ? Minutes(duration, nameof(TimeEntryChanges.Duration)) : (long?)null;
        if (changes.ProjectId is { } movedTo && movedTo != projectId)
        {
            throw XeroRefusal.Field(nameof(TimeEntryChanges.ProjectId), "Xero cannot move a time entry to another project; delete it and log it there.");
        }

        if (changes.TaskId is { } newTask)
        {
            RequireGuid(newTask, nameof(TimeEntryChanges.TaskId), "a Xero task id");
        }

        var tenant = await context.Connection.TenantIdAsync(Call("update", id), cancellationToken);
        var current = XeroProjectsRead.Wire(await context.Http.SendAsync(Call("get", id),
            t => context.Projects.GetTimeEntryAsync(projectId, entryId, tenant, context.ConnectionId, t), cancellationToken));
        var project = await ProjectAsync(projectId, cancellationToken);
        RequireContact(changes.ContactId, project);
        var currentTask = XeroValues.Required(current.TaskId, "taskId");
        var taskId = changes.TaskId ?? currentTask;
        var chargeable = await ChargeableAsync(projectId, taskId, cancellationToken);
        if (changes.Billable is { } billable)
        {
            RequireBillable(billable, chargeable, nameof(TimeEntryChanges.Billable));
        }
        else if (taskId != currentTask && chargeable != await ChargeableAsync(projectId, currentTask, cancellationToken))
        {
            throw XeroRefusal.Field(nameof(TimeEntryChanges.TaskId),
                $"The new task's charge type makes the time {(chargeable ? "billable" : "not billable")}; state Billable = {(chargeable ? "true" : "false")} with the task.");
        }

        var body = new TimeEntryWrite
        {
            UserId = XeroValues.Required(current.UserId, "userId"),
            TaskId = taskId,
            DateUtc = changes.StartedAt is { } started ? ProjectsValues.Format(started) : XeroValues.Required(current.DateUtc, "dateUtc"),
            Duration = minutes ?? current.Duration ?? throw XeroErrorTable.Invalid(Call("get", id), 200, ReadOnlyMemory<byte>.Empty, "Xero sent a time entry without a duration"),
            Description = changes.Note is null ? current.Description : XeroValues.Text(changes.Note),
        };
        await context.Http.SendAsync(Call("update", id), t => context.Projects.UpdateTimeEntryAsync(projectId, entryId, body, tenant, context.ConnectionId, t), cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes an entry for good (<c>DELETE</c> → 204); it is not found afterwards.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var (projectId, entryId) = Split(id);
        var tenant = await context.Connection.TenantIdAsync(Call("delete", id), cancellationToken);
        await context.Http.SendAsync(Call("delete", id), t => context.Projects.DeleteTimeEntryAsync(projectId, entryId, tenant, context.ConnectionId, t), cancellationToken);
    }

    /// <summary>Xero deletes time entries for good and archives none; refused before any request.</summary>
    public Task<TimeEntry> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.TimeEntry, nameof(StoreOperations.Archive));

    /// <summary>Xero deletes time entries for good; there is nothing to restore. Refused before any request.</summary>
    public Task<TimeEntry> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.TimeEntry, nameof(StoreOperations.Restore));

    private static (string ProjectId, string EntryId) Split(string id) =>
        ProjectsValues.SplitTimeEntryId(id) ?? throw XeroProjectsRead.NotFound(EntityKind.TimeEntry, id);

    /// <summary>
    /// Reads a cursor this store issued: a project id, alone or with an <see cref="XeroPosition"/>. A page number issued
    /// before windows overlapped (<c>{projectId}:2</c>) is an <see cref="InvalidCursorException"/>.
    /// </summary>
    private static (string Project, XeroPosition? From) ParseCursor(string cursor)
    {
        var at = cursor.IndexOf(ProjectsValues.IdSeparator, StringComparison.Ordinal);
        var project = at < 0 ? cursor : cursor[..at];
        if (!XeroProjectsRead.IsGuid(project))
        {
            throw new InvalidCursorException("The cursor does not name a Xero project. Pass back NextCursor exactly as received.");
        }

        return (project, at < 0 ? null : XeroPosition.Parse(cursor[(at + 1)..]));
    }

    /// <summary>Xero logs whole minutes: a duration with seconds is refused, never rounded.</summary>
    private static long Minutes(TimeSpan duration, string field) =>
        duration.Ticks % TimeSpan.TicksPerMinute == 0 && duration > TimeSpan.Zero && duration.TotalMinutes <= TimeEntryRegister.MaxMinutes
            ? (long)duration.TotalMinutes
            : throw XeroRefusal.Field(field, $"Xero logs whole minutes (1 to {TimeEntryRegister.MaxMinutes}); {duration:c} is not. Round it yourself, e.g. to {TimeSpan.FromMinutes(Math.Max(1, Math.Round(duration.TotalMinutes))):c}.");

    private static void RequireGuid(string id, string field, string what)
    {
        if (!XeroProjectsRead.IsGuid(id))
        {
            throw XeroRefusal.Field(field, $"'{(id.Length > 64 ? id[..64] : id)}' is not {what} (a GUID).");
        }
    }

    private static void RequireContact(string? contactId, ProjectWire project)
    {
        if (contactId is not null && !string.Equals(contactId, project.ContactId, StringComparison.OrdinalIgnoreCase))
        {
            throw XeroRefusal.Field(nameof(NewTimeEntry.ContactId),
                "Xero takes a time entry's contact from its project; leave ContactId null or give the project's contact.");
        }
    }

    private static void RequireBillable(bool billable, bool chargeable, string field)
    {
        if (billable != chargeable)
        {
            throw XeroRefusal.Field(field, chargeable
                ? "The task is charged (TIME or FIXED), so Xero bills its time: set Billable = true, or log against a NON_CHARGEABLE task."
                : "The task is NON_CHARGEABLE, so Xero bills none of its time: set Billable = false, or log against a TIME or FIXED task.");
        }
    }

    /// <summary>The projects whose entries a query can hold: the one it names, or every project (of its contact).</summary>
    private async Task<List<ProjectWire>> ProjectsAsync(TimeEntryQuery query, CancellationToken cancellationToken)
    {
        if (query.ProjectId is { } projectId)
        {
            if (!XeroProjectsRead.IsGuid(projectId))
            {
                return [];
            }

            try
            {
                var project = await ProjectAsync(projectId, cancellationToken);
                return query.ContactId is { } contact && !string.Equals(contact, project.ContactId, StringComparison.OrdinalIgnoreCase) ? [] : [project];
            }
            catch (RecordNotFoundException)
            {
                return [];
            }
        }

        if (query.ContactId is { } contactId && !XeroProjectsRead.IsGuid(contactId))
        {
            return [];
        }

        var tenant = await context.Connection.TenantIdAsync(Call("list", null), cancellationToken);
        var projects = new List<ProjectWire>();
        var listing = XeroProjectsRead.AllAsync<ProjectWire, ProjectsResult>(context, new XeroCall(EntityKind.Project, "list", context.ConnectionId),
            (page, size, t) => context.Projects.ListProjectsAsync(new XeroProjectsQuery { Page = page, PageSize = size, ContactId = query.ContactId }, tenant, context.ConnectionId, t),
            w => w.ProjectId, cancellationToken);
        await foreach (var project in listing)
        {
            projects.Add(project);
        }

        return projects;
    }

    private async Task<ProjectWire> ProjectAsync(string projectId, CancellationToken cancellationToken)
    {
        var tenant = await context.Connection.TenantIdAsync(Call("get", projectId), cancellationToken);
        var answer = await context.Http.SendAsync(new XeroCall(EntityKind.Project, "get", context.ConnectionId, projectId),
            t => context.Projects.GetProjectAsync(projectId, tenant, context.ConnectionId, t), cancellationToken);
        return XeroProjectsRead.Wire(answer);
    }

    /// <summary>
    /// Whether time on the task is billable (<c>TIME</c> or <c>FIXED</c>). A task the project lacks is the field error
    /// Xero gives a time entry naming it, coded like every Projects API field error (<see cref="XeroErrorTable.ProjectsField"/>)
    /// by Xero's <c>modelState</c> key, <c>model.TaskId</c>, as an unknown user is <c>model.UserId</c>.
    /// </summary>
    private async Task<bool> ChargeableAsync(string projectId, string taskId, CancellationToken cancellationToken)
    {
        var tenant = await context.Connection.TenantIdAsync(Call("get", taskId), cancellationToken);
        var call = Call("get", taskId);
        XeroResult<TaskWire> answer;
        try
        {
            answer = await context.Http.SendAsync(call, t => context.Projects.GetTaskAsync(projectId, taskId, tenant, context.ConnectionId, t), cancellationToken);
        }
        catch (RecordNotFoundException missing)
        {
            throw new LedgerValidationException([new FieldError(nameof(NewTimeEntry.TaskId), $"Xero has no task {taskId} on project {projectId}.", UnknownTaskCode)], missing)
            {
                Provider = XeroRequest.ProviderName, StatusCode = missing.StatusCode,
            };
        }

        return Chargeable(call, answer.Status, answer.Body, XeroProjectsRead.Wire(answer).ChargeType);
    }

    private async Task<Dictionary<string, bool>> TasksAsync(string projectId, CancellationToken cancellationToken)
    {
        var tenant = await context.Connection.TenantIdAsync(Call("list", null), cancellationToken);
        var call = Call("list", null);
        var tasks = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var listing = XeroProjectsRead.AllAsync<TaskWire, TasksResult>(context, call,
            (page, size, t) => context.Projects.ListTasksAsync(projectId, new XeroPageQuery { Page = page, PageSize = size }, tenant, context.ConnectionId, t), w => w.TaskId, cancellationToken);
        await foreach (var task in listing)
        {
            tasks[XeroValues.Required(task.TaskId, "taskId")] = Chargeable(call, 200, ReadOnlyMemory<byte>.Empty, task.ChargeType);
        }

        return tasks;
    }

    private static bool Chargeable(XeroCall call, int status, ReadOnlyMemory<byte> body, string? chargeType) => chargeType switch
    {
        "TIME" or "FIXED" => true,
        "NON_CHARGEABLE" => false,
        _ => throw XeroErrorTable.Invalid(call, status, body, $"Xero sent a task whose chargeType '{chargeType}' is none of TIME, FIXED, NON_CHARGEABLE"),
    };

    private TimeEntry MapListed(XeroCall call, TimeEntryWire wire, ProjectWire project, Dictionary<string, bool> tasks) =>
        tasks.TryGetValue(wire.TaskId ?? string.Empty, out var chargeable)
            ? Map(wire, project, chargeable)
            : throw XeroErrorTable.Invalid(call, 200, ReadOnlyMemory<byte>.Empty, $"Xero listed a time entry on task '{wire.TaskId}', which its project does not list");

    private TimeEntry Map(TimeEntryWire wire, ProjectWire project, bool chargeable) =>
        new XeroTimeEntry(wire, XeroValues.Text(project.ContactId), chargeable).Adapt<XeroTimeEntry, TimeEntry>(context.Mapping);

    private static XeroTimeQuery Query(TimeEntryQuery query, int page, int pageSize) => new()
    {
        Page = page,
        PageSize = pageSize,
        States = query.Billed is { } billed ? (billed ? "INVOICED" : "ACTIVE,LOCKED") : null,
        IsChargeable = query.Billable is { } billable ? (billable ? "true" : "false") : null,
        DateAfterUtc = query.StartedFrom is { } from ? ProjectsValues.Format(from) : null,
        DateBeforeUtc = query.StartedTo is { } to ? ProjectsValues.Format(to) : null,
    };

    private XeroCall Call(string operation, string? id) => new(EntityKind.TimeEntry, operation, context.ConnectionId, id);
}
