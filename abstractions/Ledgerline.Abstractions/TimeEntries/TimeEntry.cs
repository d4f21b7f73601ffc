namespace Ledgerline;

/// <summary>Time logged (or being logged, when <see cref="IsRunning"/>) by a team member.</summary>
public sealed record TimeEntry : LedgerRecord
{
    /// <summary>When the work started, in UTC.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long; <see langword="null"/> while a timer is running.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Whether a timer is still running for this entry.</summary>
    public bool IsRunning { get; init; }

    /// <summary>Whether the time can be billed.</summary>
    public bool Billable { get; init; }

    /// <summary>Whether the time has been billed on an invoice.</summary>
    public bool Billed { get; init; }

    /// <summary>The contact the work was for.</summary>
    public string? ContactId { get; init; }

    /// <summary>The project the work was for.</summary>
    public string? ProjectId { get; init; }

    /// <summary>What was done.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The project task the time was logged against, when there is one: FreshBooks <c>task_id</c>, Xero <c>taskId</c>
    /// (every Xero time entry has one; its charge type decides <see cref="Billable"/>).
    /// </summary>
    public string? TaskId { get; init; }

    /// <summary>Who logged the time, in the provider's ids: FreshBooks <c>identity_id</c>, Xero <c>userId</c> (a Projects user).</summary>
    public string? UserId { get; init; }
}

/// <summary>The input that logs a <see cref="TimeEntry"/>.</summary>
public sealed record NewTimeEntry
{
    /// <summary>When the work started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long, positive and under 24 hours.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Whether the time can be billed.</summary>
    public bool Billable { get; init; }

    /// <summary>The contact the work was for.</summary>
    public string? ContactId { get; init; }

    /// <summary>The project the work was for.</summary>
    public string? ProjectId { get; init; }

    /// <summary>What was done.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The project task to log against. Xero needs one (with <see cref="ProjectId"/> and <see cref="UserId"/>) and
    /// refuses a draft without it before any request; Ledgerline never creates or picks a task. FreshBooks: <c>task_id</c>.
    /// </summary>
    public string? TaskId { get; init; }

    /// <summary>
    /// Who logs the time. Xero needs a Projects user (<c>GET /ProjectsUsers</c>) and refuses a draft without one before
    /// any request; Ledgerline never picks a user. FreshBooks logs time as the connected identity and refuses one.
    /// </summary>
    public string? UserId { get; init; }
}

/// <summary>Changes to a <see cref="TimeEntry"/>: a <see langword="null"/> property is left as it is.</summary>
public sealed record TimeEntryChanges
{
    /// <summary>New start.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>New duration.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>New billable flag.</summary>
    public bool? Billable { get; init; }

    /// <summary>New contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>New project.</summary>
    public string? ProjectId { get; init; }

    /// <summary>New note.</summary>
    public string? Note { get; init; }

    /// <summary>New task.</summary>
    public string? TaskId { get; init; }
}

/// <summary>Filters for listing time entries.</summary>
public sealed record TimeEntryQuery : RecordQuery<TimeEntry>
{
    /// <summary>Only entries for this contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only entries for this project.</summary>
    public string? ProjectId { get; init; }

    /// <summary>Only entries started at or after this instant.</summary>
    public DateTimeOffset? StartedFrom { get; init; }

    /// <summary>Only entries started at or before this instant.</summary>
    public DateTimeOffset? StartedTo { get; init; }

    /// <summary>Only billable (or only non-billable) entries.</summary>
    public bool? Billable { get; init; }

    /// <summary>Only billed (or only unbilled) entries.</summary>
    public bool? Billed { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(TimeEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (ContactId is not { } contactId || record.ContactId == contactId) &&
            (ProjectId is not { } projectId || record.ProjectId == projectId) &&
            (StartedFrom is not { } from || record.StartedAt >= from) &&
            (StartedTo is not { } to || record.StartedAt <= to) &&
            (Billable is not { } billable || record.Billable == billable) &&
            (Billed is not { } billed || record.Billed == billed);
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(ContactId), ContactId);
        QueryFilter.Add(filters, nameof(ProjectId), ProjectId);
        QueryFilter.Add(filters, nameof(StartedFrom), StartedFrom);
        QueryFilter.Add(filters, nameof(StartedTo), StartedTo);
        QueryFilter.Add(filters, nameof(Billable), Billable);
        QueryFilter.Add(filters, nameof(Billed), Billed);
    }
}

/// <summary>Time entries (in FreshBooks they live under a business, not an accounting account).</summary>
public interface ITimeEntryStore : ILedgerStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>;
