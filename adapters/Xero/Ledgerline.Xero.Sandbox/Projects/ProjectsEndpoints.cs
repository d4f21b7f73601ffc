using System.Globalization;
using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting;
using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Identity;

namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>
/// Xero's Projects API under <c>/projects.xro/2.0</c>: projects, <c>/ProjectsUsers</c>, a project's tasks and time
/// entries. Same gates as the Accounting API (token 401, tenant 403, rate limits 429, the <c>Idempotency-Key</c> gate,
/// faults), scope <c>projects</c> to write and <c>projects</c> or <c>projects.read</c> to read; its own conventions
/// (camelCase, ISO UTC, no envelope, <c>page</c>/<c>pageSize</c> 1–500 default 50, the <c>message</c>/<c>modelState</c>
/// error shape).
/// </summary>
internal static class ProjectsEndpoints
{
    public const string BasePath = "/projects.xro/2.0";

    public const int MinDuration = 1;

    public const int MaxDuration = 59940;

    public const int MaxTaskName = 100;

    private static readonly string[] ReadScopes = ["projects", "projects.read"];
    private static readonly string[] WriteScopes = ["projects"];
    private static readonly string[] ProjectStates = ["INPROGRESS", "CLOSED"];
    private static readonly string[] TimeStates = ["ACTIVE", "LOCKED", "INVOICED"];
    private static readonly string[] ChargeTypes = ["TIME", "FIXED", "NON_CHARGEABLE"];

    public static void Map(WebApplication app, SandboxServices s)
    {
        Route(app, s, "/Projects", ["GET", "POST"], (c, book, _) => c.Request.Method == "GET" ? ListProjectsAsync(c, book) : CreateProjectAsync(c, book, s));
        Route(app, s, "/Projects/{projectId}", ["GET", "PUT", "PATCH"], (c, book, r) => c.Request.Method switch
        {
            "GET" => GetProjectAsync(c, book, r.Project),
            "PUT" => UpdateProjectAsync(c, book, r.Project),
            _ => PatchProjectAsync(c, book, r.Project),
        });
        Route(app, s, "/ProjectsUsers", ["GET"], (c, book, _) => ListUsersAsync(c, book));
        Route(app, s, "/Projects/{projectId}/Tasks", ["GET", "POST"], (c, book, r) => c.Request.Method == "GET" ? ListTasksAsync(c, book, r.Project) : CreateTaskAsync(c, book, r.Project, s));
        Route(app, s, "/Projects/{projectId}/Tasks/{taskId}", ["GET", "PUT", "DELETE"], (c, book, r) => c.Request.Method switch
        {
            "GET" => GetTaskAsync(c, book, r.Project, r.Child),
            "PUT" => UpdateTaskAsync(c, book, r.Project, r.Child),
            _ => DeleteTaskAsync(c, book, r.Project, r.Child),
        });
        Route(app, s, "/Projects/{projectId}/Time", ["GET", "POST"], (c, book, r) => c.Request.Method == "GET" ? ListTimeAsync(c, book, r.Project) : CreateTimeAsync(c, book, r.Project, s));
        Route(app, s, "/Projects/{projectId}/Time/{timeEntryId}", ["GET", "PUT", "DELETE"], (c, book, r) => c.Request.Method switch
        {
            "GET" => GetTimeAsync(c, book, r.Project, r.Child),
            "PUT" => UpdateTimeAsync(c, book, r.Project, r.Child),
            _ => DeleteTimeAsync(c, book, r.Project, r.Child),
        });
        app.MapMethods(BasePath + "/{**rest}", ["GET", "PUT", "POST", "DELETE", "PATCH"], (HttpContext c) =>
            AccountingEndpoints.HandleAsync(c, s, (_, _) => ProjectsErrors.NotFoundAsync(c, "The resource")));
    }

    /// <summary>The ids in a route: a text that is no GUID names nothing (<see cref="Guid.Empty"/>, so 404).</summary>
    private readonly record struct RouteIds(Guid Project, Guid Child);

    private static void Route(WebApplication app, SandboxServices s, string template, string[] methods, Func<HttpContext, TenantBook, RouteIds, Task> handle) =>
        app.MapMethods(BasePath + template, methods, (HttpContext c) =>
            AccountingEndpoints.HandleAsync(c, s, async (grant, book) =>
            {
                if (!await ApiGate.ScopeAsync(c, grant, HttpMethods.IsGet(c.Request.Method) ? ReadScopes : WriteScopes))
                {
                    return;
                }

                var values = c.Request.RouteValues;
                var ids = new RouteIds(Parse(values["projectId"]), Parse(values["taskId"] ?? values["timeEntryId"]));
                await handle(c, book, ids);
            }));

    private static Guid Parse(object? value) => value is string text && Guid.TryParse(text, out var id) ? id : Guid.Empty;

    // ---- projects ----

    private static async Task ListProjectsAsync(HttpContext c, TenantBook book)
    {
        var query = new ProjectsQuery(c.Request.Query);
        var ids = query.Ids("projectIds");
        var contact = query.Id("contactID");
        var states = query.States("states", ProjectStates);
        if (!query.IsValid)
        {
            await ProjectsErrors.InvalidAsync(c, query.Errors);
            return;
        }

        await WriteListAsync(c, book, query, b => b.Projects.Projects.Where(p =>
            (ids is null || ids.Contains(p.ProjectId)) && (contact is null || p.ContactId == contact) && (states is null || states.Contains(p.Status))),
            (w, p) => ProjectWriters.Project(w, book.Projects, p));
    }

    private static async Task GetProjectAsync(HttpContext c, TenantBook book, Guid id)
    {
        byte[]? body;
        lock (book.Gate)
        {
            body = book.Projects.Project(id) is { } p ? HttpJson.Build(w => ProjectWriters.Project(w, book.Projects, p)) : null;
        }

        await (body is null ? ProjectsErrors.NotFoundAsync(c, "The project") : WriteJsonAsync(c, 200, body));
    }

    private static async Task CreateProjectAsync(HttpContext c, TenantBook book, SandboxServices s)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        var name = input.Text("name", "Name");
        var contactId = input.Id("contactId", "ContactId");
        var deadline = input.Instant("deadlineUtc", "DeadlineUtc");
        var estimate = input.Number("estimateAmount", "EstimateAmount");
        if (string.IsNullOrWhiteSpace(name) && !input.Errors.ContainsKey("model.Name"))
        {
            input.Add("Name", "The Project Name cannot be empty");
        }

        if (contactId is null && !input.Errors.ContainsKey("model.ContactId"))
        {
            input.Add("ContactId", "The Project must have a contact.");
        }

        byte[]? body = null;
        lock (book.Gate)
        {
            if (contactId is { } cid && book.Contacts.Find(cid) is null)
            {
                input.Add("ContactId", "The contact could not be found.");
            }

            if (input.IsValid)
            {
                var project = new ProjectRecord
                {
                    ProjectId = Guid.NewGuid(),
                    ContactId = contactId!.Value,
                    Name = name!,
                    CurrencyCode = book.Tenant.BaseCurrency,
                    Estimate = estimate,
                    DeadlineUtc = deadline,
                };
                book.Projects.Projects.Add(project);
                body = HttpJson.Build(w => ProjectWriters.Project(w, book.Projects, project));
            }
        }

        await (body is null ? ProjectsErrors.InvalidAsync(c, input.Errors) : WriteJsonAsync(c, 201, body));
    }

    /// <summary>PUT replaces the name, deadline and estimate (absent ones are cleared); the contact cannot change (<i>Decision</i>).</summary>
    private static async Task UpdateProjectAsync(HttpContext c, TenantBook book, Guid id)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        var name = input.Text("name", "Name");
        var contactId = input.Id("contactId", "ContactId");
        var deadline = input.Instant("deadlineUtc", "DeadlineUtc");
        var estimate = input.Number("estimateAmount", "EstimateAmount");
        if (string.IsNullOrWhiteSpace(name) && !input.Errors.ContainsKey("model.Name"))
        {
            input.Add("Name", "The Project Name cannot be empty");
        }

        bool found;
        lock (book.Gate)
        {
            var project = book.Projects.Project(id);
            found = project is not null;
            if (project is not null && contactId is { } cid && cid != project.ContactId)
            {
                input.Add("ContactId", "The contact of a project cannot be changed.");
            }

            if (project is not null && input.IsValid)
            {
                project.Name = name!;
                project.DeadlineUtc = deadline;
                project.Estimate = estimate;
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The project") : !input.IsValid ? ProjectsErrors.InvalidAsync(c, input.Errors) : NoContentAsync(c));
    }

    private static async Task PatchProjectAsync(HttpContext c, TenantBook book, Guid id)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        var status = input.Text("status", "Status", required: true);
        if (status is not null && !ProjectStates.Contains(status, StringComparer.Ordinal))
        {
            input.Add("Status", $"The status '{status}' is not valid: INPROGRESS or CLOSED.");
        }

        bool found;
        lock (book.Gate)
        {
            var project = book.Projects.Project(id);
            found = project is not null;
            if (project is not null && input.IsValid)
            {
                project.Status = status!;
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The project") : !input.IsValid ? ProjectsErrors.InvalidAsync(c, input.Errors) : NoContentAsync(c));
    }

    private static async Task ListUsersAsync(HttpContext c, TenantBook book)
    {
        var query = new ProjectsQuery(c.Request.Query);
        if (!query.IsValid)
        {
            await ProjectsErrors.InvalidAsync(c, query.Errors);
            return;
        }

        await WriteListAsync(c, book, query, b => b.Projects.Users, ProjectWriters.User);
    }

    // ---- tasks ----

    private static async Task ListTasksAsync(HttpContext c, TenantBook book, Guid projectId)
    {
        var query = new ProjectsQuery(c.Request.Query);
        var ids = query.Ids("taskIds");
        var chargeTypes = query.States("chargeType", ChargeTypes);
        if (!query.IsValid)
        {
            await ProjectsErrors.InvalidAsync(c, query.Errors);
            return;
        }

        if (!Exists(book, projectId))
        {
            await ProjectsErrors.NotFoundAsync(c, "The project");
            return;
        }

        await WriteListAsync(c, book, query, b => b.Projects.Tasks.Where(t =>
            t.ProjectId == projectId && (ids is null || ids.Contains(t.TaskId)) && (chargeTypes is null || chargeTypes.Contains(t.ChargeType))),
            (w, t) => ProjectWriters.Task(w, book.Projects, t));
    }

    private static async Task GetTaskAsync(HttpContext c, TenantBook book, Guid projectId, Guid id)
    {
        byte[]? body;
        lock (book.Gate)
        {
            body = book.Projects.Task(projectId, id) is { } t ? HttpJson.Build(w => ProjectWriters.Task(w, book.Projects, t)) : null;
        }

        await (body is null ? ProjectsErrors.NotFoundAsync(c, "The task") : WriteJsonAsync(c, 200, body));
    }

    private static async Task CreateTaskAsync(HttpContext c, TenantBook book, Guid projectId, SandboxServices s)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        byte[]? body = null;
        bool found;
        lock (book.Gate)
        {
            var project = book.Projects.Project(projectId);
            found = project is not null;
            if (project is not null && ReadTask(input, project) is { } fields)
            {
                var task = new ProjectTask
                {
                    TaskId = Guid.NewGuid(),
                    ProjectId = projectId,
                    Name = fields.Name,
                    Rate = fields.Rate,
                    ChargeType = fields.ChargeType,
                    EstimateMinutes = fields.EstimateMinutes,
                };
                book.Projects.Tasks.Add(task);
                body = HttpJson.Build(w => ProjectWriters.Task(w, book.Projects, task));
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The project") : body is null ? ProjectsErrors.InvalidAsync(c, input.Errors) : WriteJsonAsync(c, 201, body));
    }

    private static async Task UpdateTaskAsync(HttpContext c, TenantBook book, Guid projectId, Guid id)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        bool found;
        lock (book.Gate)
        {
            var task = book.Projects.Task(projectId, id);
            found = task is not null;
            if (task is not null && ReadTask(input, book.Projects.Project(projectId)!) is { } fields)
            {
                if (task.Status != "ACTIVE")
                {
                    input.Add("Status", $"The task is {task.Status} and cannot be changed.");
                }
                else
                {
                    (task.Name, task.Rate, task.ChargeType, task.EstimateMinutes) = (fields.Name, fields.Rate, fields.ChargeType, fields.EstimateMinutes);
                }
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The task") : !input.IsValid ? ProjectsErrors.InvalidAsync(c, input.Errors) : NoContentAsync(c));
    }

    /// <summary>A task with time logged against it cannot be deleted (<i>Decision</i>: the time would be orphaned).</summary>
    private static async Task DeleteTaskAsync(HttpContext c, TenantBook book, Guid projectId, Guid id)
    {
        bool found, used = false;
        lock (book.Gate)
        {
            var task = book.Projects.Task(projectId, id);
            found = task is not null;
            if (task is not null)
            {
                used = book.Projects.Time.Any(e => e.TaskId == id);
                if (!used)
                {
                    book.Projects.Tasks.Remove(task);
                }
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The task")
            : used ? ProjectsErrors.InvalidAsync(c, "model.TaskId", "The task has time entries and cannot be deleted.")
            : NoContentAsync(c));
    }

    private sealed record TaskFields(string Name, decimal Rate, string ChargeType, int? EstimateMinutes);

    private static TaskFields? ReadTask(ProjectsInput input, ProjectRecord project)
    {
        var name = input.Text("name", "Name", required: true, maxLength: MaxTaskName);
        var rate = input.Money("rate", "Rate", project.CurrencyCode, required: true);
        var chargeType = input.Text("chargeType", "ChargeType", required: true);
        var estimate = input.Integer("estimateMinutes", "EstimateMinutes", required: false, 0, int.MaxValue);
        if (name is { } n && string.IsNullOrWhiteSpace(n))
        {
            input.Add("Name", "The Task Name cannot be empty");
        }

        if (chargeType is not null && !ChargeTypes.Contains(chargeType, StringComparer.Ordinal))
        {
            input.Add("ChargeType", $"The charge type '{chargeType}' is not valid: TIME, FIXED or NON_CHARGEABLE.");
        }

        if (rate is < 0)
        {
            input.Add("Rate", "The Rate cannot be negative.");
        }

        return input.IsValid ? new TaskFields(name!, rate!.Value, chargeType!, estimate) : null;
    }

    // ---- time ----

    private static async Task ListTimeAsync(HttpContext c, TenantBook book, Guid projectId)
    {
        var query = new ProjectsQuery(c.Request.Query);
        var user = query.Id("userId");
        var task = query.Id("taskId");
        var invoice = query.Id("invoiceId");
        var contact = query.Id("contactId");
        var states = query.States("states", TimeStates);
        var chargeable = query.Flag("isChargeable");
        var after = query.Instant("dateAfterUtc");
        var before = query.Instant("dateBeforeUtc");
        if (!query.IsValid)
        {
            await ProjectsErrors.InvalidAsync(c, query.Errors);
            return;
        }

        if (!Exists(book, projectId))
        {
            await ProjectsErrors.NotFoundAsync(c, "The project");
            return;
        }

        // The sandbox never invoices time, so an invoiceId filter matches nothing (Decision).
        await WriteListAsync(c, book, query, b => b.Projects.Time.Where(e =>
            e.ProjectId == projectId && (user is null || e.UserId == user) && (task is null || e.TaskId == task) && invoice is null &&
            (contact is null || b.Projects.Project(e.ProjectId)?.ContactId == contact) && (states is null || states.Contains(e.Status)) &&
            (chargeable is null || b.Projects.Task(e.ProjectId, e.TaskId)?.IsChargeable == chargeable) &&
            (after is null || e.DateUtc >= after) && (before is null || e.DateUtc <= before)),
            (w, e) => ProjectWriters.Entry(w, e));
    }

    private static async Task GetTimeAsync(HttpContext c, TenantBook book, Guid projectId, Guid id)
    {
        byte[]? body;
        lock (book.Gate)
        {
            body = book.Projects.Entry(projectId, id) is { } e ? HttpJson.Build(w => ProjectWriters.Entry(w, e)) : null;
        }

        await (body is null ? ProjectsErrors.NotFoundAsync(c, "The time entry") : WriteJsonAsync(c, 200, body));
    }

    /// <summary>Creates a time entry; Xero's response-codes page says writes answer 201 (the spec says 200): 201 here (<i>Decision</i>).</summary>
    private static async Task CreateTimeAsync(HttpContext c, TenantBook book, Guid projectId, SandboxServices s)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        byte[]? body = null;
        bool found;
        lock (book.Gate)
        {
            found = book.Projects.Project(projectId) is not null;
            if (found && ReadTime(input, book.Projects, projectId) is { } fields)
            {
                var entry = new ProjectTimeEntry
                {
                    TimeEntryId = Guid.NewGuid(),
                    ProjectId = projectId,
                    TaskId = fields.TaskId,
                    UserId = fields.UserId,
                    DateUtc = fields.DateUtc,
                    DateEnteredUtc = s.Clock.GetUtcNow(),
                    Duration = fields.Duration,
                    Description = fields.Description,
                };
                book.Projects.Time.Add(entry);
                body = HttpJson.Build(w => ProjectWriters.Entry(w, entry));
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The project") : body is null ? ProjectsErrors.InvalidAsync(c, input.Errors) : WriteJsonAsync(c, 201, body));
    }

    /// <summary>PUT replaces the entry; a description left out is cleared (Xero's spec: "will be set to null if not provided during update").</summary>
    private static async Task UpdateTimeAsync(HttpContext c, TenantBook book, Guid projectId, Guid id)
    {
        if (await ProjectsInput.ReadAsync(c) is not { } input)
        {
            return;
        }

        bool found;
        lock (book.Gate)
        {
            var entry = book.Projects.Entry(projectId, id);
            found = entry is not null;
            if (entry is not null && ReadTime(input, book.Projects, projectId) is { } fields)
            {
                if (entry.Status != "ACTIVE")
                {
                    input.Add("Status", $"The time entry is {entry.Status} and cannot be changed.");
                }
                else
                {
                    (entry.TaskId, entry.UserId, entry.DateUtc, entry.Duration, entry.Description) = (fields.TaskId, fields.UserId, fields.DateUtc, fields.Duration, fields.Description);
                }
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The time entry") : !input.IsValid ? ProjectsErrors.InvalidAsync(c, input.Errors) : NoContentAsync(c));
    }

    private static async Task DeleteTimeAsync(HttpContext c, TenantBook book, Guid projectId, Guid id)
    {
        bool found, locked = false;
        lock (book.Gate)
        {
            var entry = book.Projects.Entry(projectId, id);
            found = entry is not null;
            if (entry is not null)
            {
                locked = entry.Status != "ACTIVE";
                if (!locked)
                {
                    book.Projects.Time.Remove(entry);
                }
            }
        }

        await (!found ? ProjectsErrors.NotFoundAsync(c, "The time entry")
            : locked ? ProjectsErrors.InvalidAsync(c, "model.Status", "The time entry is not ACTIVE and cannot be deleted.")
            : NoContentAsync(c));
    }

    private sealed record TimeFields(Guid UserId, Guid TaskId, DateTimeOffset DateUtc, int Duration, string? Description);

    private static TimeFields? ReadTime(ProjectsInput input, ProjectBook projects, Guid projectId)
    {
        var userId = input.Id("userId", "UserId", required: true);
        var taskId = input.Id("taskId", "TaskId", required: true);
        var date = input.Instant("dateUtc", "DateUtc", required: true);
        var duration = input.Integer("duration", "Duration", required: true, MinDuration, MaxDuration);
        var description = input.Text("description", "Description");
        if (userId is { } u && projects.User(u) is null)
        {
            input.Add("UserId", "The user could not be found.");
        }

        if (taskId is { } t && projects.Task(projectId, t) is null)
        {
            input.Add("TaskId", "The task could not be found on this project.");
        }

        return input.IsValid ? new TimeFields(userId!.Value, taskId!.Value, date!.Value, duration!.Value, description) : null;
    }

    // ---- shared ----

    private static bool Exists(TenantBook book, Guid projectId)
    {
        lock (book.Gate)
        {
            return book.Projects.Project(projectId) is not null;
        }
    }

    private static Task WriteListAsync<T>(HttpContext c, TenantBook book, ProjectsQuery query, Func<TenantBook, IEnumerable<T>> select, Action<Utf8JsonWriter, T> write)
    {
        byte[] body;
        lock (book.Gate)
        {
            var all = select(book).ToList();
            var page = all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
            body = HttpJson.Build(w =>
            {
                w.WriteStartObject();
                ProjectWriters.Pagination(w, query.Page, query.PageSize, all.Count);
                w.WriteStartArray("items");
                foreach (var item in page)
                {
                    write(w, item);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        return WriteJsonAsync(c, 200, body);
    }

    private static Task WriteJsonAsync(HttpContext c, int status, byte[] body) => HttpJson.WriteBytesAsync(c, status, body, "application/json; charset=utf-8");

    private static Task NoContentAsync(HttpContext c)
    {
        c.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
