using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>
/// The project-like collections the sandbox serves, each declared once. A path's first segment is the service
/// (<c>timetracking</c>, <c>projects</c>); the router puts <c>business/{businessId}</c> after it.
/// </summary>
internal static class ProjectResources
{
    private static readonly string[] BillingMethods = ["business_rate", "project_rate", "service_rate", "team_member_rate"];
    private static readonly string[] ProjectTypes = ["fixed_price", "hourly_rate"];
    private static readonly HashSet<string> LoggedDuration = new(["logged_duration"], StringComparer.Ordinal);

    public static IReadOnlyList<IResource> Create(SandboxIdentity identity) => [TimeEntries(identity), Projects()];

    private static Resource<TimeEntry> TimeEntries(SandboxIdentity identity) => new()
    {
        Family = ProjectFamily.Instance,
        Path = "timetracking/time_entries",
        SingleKey = "time_entry",
        ListKey = "time_entries",
        ObjectName = "time_entry",
        Scope = "time_entries",
        HardDelete = true,
        Set = s => s.TimeEntries,
        Write = ProjectWriters.TimeEntry,
        ListTotals = ProjectWriters.TimeEntryTotals,
        Binder = new FieldBinder<TimeEntry>()
            .Bool("is_logged", (t, v) => t.IsLogged = v)
            .Bool("billable", (t, v) => t.Billable = v)
            .Bool("billed", (t, v) => t.Billed = v)
            .Bool("internal", (t, v) => t.Internal = v)
            .Bool("active", (t, v) => t.Active = v)
            .NullableInt("duration", (t, v) => t.Duration = v, min: 0)
            .NullableInt("client_id", (t, v) => t.ClientId = v)
            .NullableInt("project_id", (t, v) => t.ProjectId = v)
            .NullableInt("task_id", (t, v) => t.TaskId = v)
            .NullableInt("service_id", (t, v) => t.ServiceId = v)
            .DateTime("started_at", (t, v) => t.StartedAt = v)
            .String("note", (t, v) => t.Note = v)
            .RequiredOnCreate("started_at"),
        New = now => new TimeEntry { IdentityId = identity.Id, Created = now, Updated = now },
        Validate = (t, previous, account, body, errors) =>
        {
            if (t.IsLogged && t.Duration is null)
            {
                errors.Add(ProjectFamily.ValidationErrno, "__root__", "Logged entries must have a duration");
            }
            else if (t.ClientId is { } client && client != 0 && account.Clients.Find(client) is null)
            {
                errors.Add(ProjectFamily.ValidationErrno, "client_id", "Client not found");
            }
            else if (t.ProjectId is { } project && project != 0 && account.Projects.Find(project) is null)
            {
                errors.Add(ProjectFamily.ValidationErrno, "project_id", "Project not found");
            }
        },
        List = new PlainQuery<TimeEntry>()
            .Bool("billable", t => t.Billable)
            .Bool("billed", t => t.Billed)
            .Unless("include_unlogged", t => t.IsLogged)
            .Unless("include_deleted", t => t.Active)
            .Int("client_id", t => t.ClientId)
            .Int("project_id", t => t.ProjectId)
            .Int("identity_id", t => t.IdentityId)
            .Time("started_from", (t, at) => t.StartedAt >= at)
            .Time("started_to", (t, at) => t.StartedAt <= at)
            .Time("updated_since", (t, at) => t.Updated >= at),
    };

    private static Resource<Project> Projects() => new()
    {
        Family = ProjectFamily.Instance,
        Path = "projects/projects",
        Aliases = ["projects/project"],
        SingleKey = "project",
        ListKey = "projects",
        ObjectName = "project",
        Scope = "projects",
        HardDelete = true,
        Set = s => s.Projects,
        Write = ProjectWriters.Project,
        GetExtras = ProjectWriters.ProjectAbilities,
        SingleIncludes = LoggedDuration,
        Binder = new FieldBinder<Project>()
            .String("title", (p, v) => p.Title = v ?? "")
            .String("description", (p, v) => p.Description = v)
            .Enum("billing_method", BillingMethods, (p, v) => p.BillingMethod = v, nullable: true)
            .Enum("project_type", ProjectTypes, (p, v) => p.ProjectType = v!)
            .Date("due_date", (p, v) => p.DueDate = v, nullable: true)
            .NullableInt("client_id", (p, v) => p.ClientId = v)
            .NullableInt("budget", (p, v) => p.Budget = v)
            .NullableInt("project_manager_id", (p, v) => p.ProjectManagerId = v)
            .NullableDecimal("fixed_price", (p, v) => p.FixedPrice = v)
            .NullableDecimal("rate", (p, v) => p.Rate = v)
            .Bool("internal", (p, v) => p.Internal = v)
            .Bool("active", (p, v) => p.Active = v)
            .Bool("complete", (p, v) => p.Complete = v)
            .RequiredOnCreate("title"),
        New = now => new Project { Created = now, Updated = now },
        Validate = (p, previous, account, body, errors) =>
        {
            if (string.IsNullOrWhiteSpace(p.Title))
            {
                errors.Required("title");
            }
            else if (p.ClientId is { } client && client != 0 && account.Clients.Find(client) is null)
            {
                errors.Add(ProjectFamily.ValidationErrno, "client_id", "Client not found");
            }
        },
        List = new PlainQuery<Project>()
            .Bool("active", p => p.Active)
            .Bool("complete", p => p.Complete)
            .Include("include_logged_duration", "logged_duration")
            .Time("updated_since", (p, at) => p.Updated >= at)
            .Sort("title", p => p.Title)
            .Sort("due_date", p => p.DueDate)
            .Sort("created_at", p => p.Created)
            .Sort("updated_at", p => p.Updated),
    };
}
