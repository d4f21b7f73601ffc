namespace Ledgerline;

/// <summary>
/// A project the business does for a contact; time entries refer to one (<see cref="TimeEntry.ProjectId"/>).
/// Archived (<see cref="RecordState.Archived"/>) is FreshBooks' inactive project; <see cref="IsComplete"/> is its
/// <c>complete</c> flag and Xero's <c>CLOSED</c> status. FreshBooks: a project (<c>/projects/business/{id}/project</c>);
/// Xero: a project in the Projects API.
/// </summary>
public sealed record Project : LedgerRecord
{
    /// <summary>The project's name; required.</summary>
    public required string Name { get; init; }

    /// <summary>The contact the work is for, when it has one (FreshBooks allows internal projects).</summary>
    public string? ContactId { get; init; }

    /// <summary>What the project is about.</summary>
    public string? Description { get; init; }

    /// <summary>When it is due.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>How the work is billed.</summary>
    public ProjectBillingMethod BillingMethod { get; init; }

    /// <summary>The agreed price of a <see cref="ProjectBillingMethod.FixedPrice"/> project.</summary>
    public Money? FixedPrice { get; init; }

    /// <summary>The rate per hour of an <see cref="ProjectBillingMethod.Hourly"/> project, when the project sets one.</summary>
    public Money? HourlyRate { get; init; }

    /// <summary>The budget in money (Xero's estimate), when the project has one.</summary>
    public Money? Budget { get; init; }

    /// <summary>Whether the work is done (FreshBooks <c>complete</c>, Xero <c>CLOSED</c>).</summary>
    public bool IsComplete { get; init; }
}

/// <summary>How a project's work is billed. A provider value Ledgerline does not know maps to <see cref="Unknown"/>.</summary>
public enum ProjectBillingMethod
{
    /// <summary>Not set (Xero sets no billing method on a project: its tasks carry rates), or a provider value Ledgerline does not recognise.</summary>
    Unknown = 0,

    /// <summary>One agreed price (<see cref="Project.FixedPrice"/>).</summary>
    FixedPrice,

    /// <summary>By the hour.</summary>
    Hourly,
}

/// <summary>The input that creates a <see cref="Project"/>.</summary>
public sealed record NewProject
{
    /// <summary>The name; required.</summary>
    public required string Name { get; init; }

    /// <summary>The contact the work is for; must exist when given.</summary>
    public string? ContactId { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>
    /// How the work is billed. <see cref="ProjectBillingMethod.Unknown"/> states none, for a provider that bills per task
    /// rather than per project (Xero, which refuses the other two); FreshBooks and InMemory keep what is given.
    /// </summary>
    public ProjectBillingMethod BillingMethod { get; init; } = ProjectBillingMethod.Hourly;

    /// <summary>The agreed price; required for, and only for, <see cref="ProjectBillingMethod.FixedPrice"/>.</summary>
    public Money? FixedPrice { get; init; }

    /// <summary>The hourly rate of an hourly project.</summary>
    public Money? HourlyRate { get; init; }

    /// <summary>The budget in money.</summary>
    public Money? Budget { get; init; }
}

/// <summary>Changes to a <see cref="Project"/>: a <see langword="null"/> property is left as it is; an empty string clears the field.</summary>
public sealed record ProjectChanges
{
    /// <summary>New name; cannot be cleared.</summary>
    public string? Name { get; init; }

    /// <summary>New description.</summary>
    public string? Description { get; init; }

    /// <summary>New due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>New fixed price.</summary>
    public Money? FixedPrice { get; init; }

    /// <summary>New hourly rate.</summary>
    public Money? HourlyRate { get; init; }

    /// <summary>New budget.</summary>
    public Money? Budget { get; init; }

    /// <summary>Marks the work done or reopens it.</summary>
    public bool? IsComplete { get; init; }
}

/// <summary>Filters for listing projects.</summary>
public sealed record ProjectQuery : RecordQuery<Project>
{
    /// <summary>Only projects for this contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only complete (<see langword="true"/>) or only open (<see langword="false"/>) projects.</summary>
    public bool? IsComplete { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Project record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (ContactId is not { } contactId || record.ContactId == contactId) &&
            (IsComplete is not { } complete || record.IsComplete == complete);
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(ContactId), ContactId);
        QueryFilter.Add(filters, nameof(IsComplete), IsComplete);
    }
}

/// <summary>Projects (FreshBooks projects, Xero projects).</summary>
public interface IProjectStore : ILedgerStore<Project, NewProject, ProjectChanges, ProjectQuery>;
