using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Accounting;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>Time tracking and projects: business-id paths, <c>meta</c> paging, plain-parameter filters, pydantic-style errors.</summary>
internal static class ProjectEndpoints
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly string[] BillingMethods = ["business_rate", "project_rate", "service_rate", "team_member_rate"];
    private static readonly string[] Abilities = ["can_edit", "can_delete", "can_view_team", "can_add_time"];
    private static readonly string[] ProjectTypes = ["fixed_price", "hourly_rate"];

    private sealed class ProjectException(int status, IReadOnlyList<KeyValuePair<string, string>> fields, int errno = 2001) : Exception("validation")
    {
        public int Status { get; } = status;

        public int Errno { get; } = errno;

        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;
    }

    public static void Map(WebApplication app, SandboxServices s)
    {
        app.MapMethods("/timetracking/business/{businessId}/time_entries", Verbs,
            (HttpContext c, string businessId) => RunAsync(c, s, businessId, "time_entries", null));
        app.MapMethods("/timetracking/business/{businessId}/time_entries/{id}", Verbs,
            (HttpContext c, string businessId, string id) => RunAsync(c, s, businessId, "time_entries", id));
        foreach (var segment in new[] { "projects", "project" })
        {
            app.MapMethods("/projects/business/{businessId}/" + segment, Verbs,
                (HttpContext c, string businessId) => RunAsync(c, s, businessId, "projects", null));
            app.MapMethods("/projects/business/{businessId}/" + segment + "/{id}", Verbs,
                (HttpContext c, string businessId, string id) => RunAsync(c, s, businessId, "projects", id));
        }
    }

    private static async Task RunAsync(HttpContext context, SandboxServices s, string businessId, string kind, string? id)
    {
        var access = context.Request.Method == "GET" ? "read" : "write";
        var scope = kind == "projects" ? $"user:projects:{access}" : $"user:time_entries:{access}";
        if (await s.Gate.AuthorizeAsync(context, ServiceFamily.Projects, scope) is null)
        {
            return;
        }

        // The business id is an integer route segment: an account id ("ABC123") there simply does not route (404).
        if (!int.TryParse(businessId, NumberStyles.None, CultureInfo.InvariantCulture, out var bid) || s.Data.ByBusiness(bid) is not { } account)
        {
            await Errors.ProjectsNotFoundAsync(context);
            return;
        }

        int? recordId = null;
        if (id is not null)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await Errors.ProjectsNotFoundAsync(context);
                return;
            }

            recordId = parsed;
        }

        var now = s.Clock.GetUtcNow();
        try
        {
            var method = context.Request.Method;
            if (kind == "time_entries")
            {
                await TimeEntriesAsync(context, s, account, method, recordId, now);
            }
            else
            {
                await ProjectsAsync(context, account, method, recordId, now);
            }
        }
        catch (ProjectException ex)
        {
            await Errors.ProjectsValidationAsync(context, ex.Fields, ex.Status, ex.Errno);
        }
    }

    private static void Fail(string field, string message, int status = 422) => throw new ProjectException(status, [new(field, message)]);

    private static async Task<JsonObject> ReadAsync(HttpContext context, string key)
    {
        var read = await HttpJson.ReadObjectAsync(context);
        if (read.Malformed || read.NotObject)
        {
            Fail("__root__", "Invalid JSON body.", 400);
        }

        if (read.Body?[key] is not JsonObject inner)
        {
            Fail(key, "field required");
            return null!;
        }

        return inner;
    }

    private static Paging Paging(IQueryCollection query)
    {
        if (!Accounting.Paging.TryParse(query, 30, out var paging, out var error))
        {
            // Same errnos as accounting (1013/1014), in this family's error shape.
            throw new ProjectException(400, [new(error!.Field!, error.Message)], error.Errno);
        }

        return paging;
    }

    private static bool? QueryBool(IQueryCollection q, string name)
    {
        var v = q[name].FirstOrDefault();
        return v?.ToUpperInvariant() switch
        {
            null or "" => null,
            "TRUE" or "1" => true,
            "FALSE" or "0" => false,
            _ => throw new ProjectException(422, [new(name, "value could not be parsed to a boolean")]),
        };
    }

    private static int? QueryInt(IQueryCollection q, string name)
    {
        var v = q[name].FirstOrDefault();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ProjectException(422, [new(name, "value is not a valid integer")]);
    }

    private static DateTimeOffset? QueryTime(IQueryCollection q, string name)
    {
        var v = q[name].FirstOrDefault();
        if (string.IsNullOrEmpty(v))
        {
            return null;
        }

        return DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new ProjectException(422, [new(name, "invalid datetime format")]);
    }

    // ---- Time entries -------------------------------------------------------------------------------------

    private static async Task TimeEntriesAsync(HttpContext context, SandboxServices s, AccountState account, string method, int? id, DateTimeOffset now)
    {
        switch (method)
        {
            case "GET" when id is null:
                await ListTimeEntriesAsync(context, account);
                return;
            case "GET":
                byte[]? body = null;
                lock (account.Gate)
                {
                    if (account.TimeEntries.Find(id.Value) is { } t)
                    {
                        body = HttpJson.Build(w => { w.WriteStartObject(); w.WritePropertyName("time_entry"); WriteTimeEntry(w, t); w.WriteEndObject(); });
                    }
                }

                await (body is null ? Errors.ProjectsNotFoundAsync(context) : HttpJson.WriteBytesAsync(context, 200, body));
                return;
            case "POST" when id is null:
            case "PUT" or "PATCH" when id is not null:
                var input = await ReadAsync(context, "time_entry");
                byte[]? result = null;
                var status = 200;
                lock (account.Gate)
                {
                    TimeEntry entry;
                    if (id is null)
                    {
                        entry = new TimeEntry { IdentityId = s.Data.Identity.Id, Created = now, Updated = now };
                    }
                    else if (account.TimeEntries.Find(id.Value) is { } existing)
                    {
                        entry = (TimeEntry)existing.Copy();
                    }
                    else
                    {
                        entry = null!;
                    }

                    if (entry is not null)
                    {
                        BindTimeEntry(entry, input, account, id is null);
                        entry.Updated = now;
                        if (id is null)
                        {
                            entry.Id = account.TimeEntries.NextId();
                            account.TimeEntries.Add(entry);
                            status = 200;
                        }
                        else
                        {
                            account.TimeEntries.Replace(entry);
                        }

                        account.Notify("time_entry", id is null ? "create" : "update", entry.Id);
                        result = HttpJson.Build(w => { w.WriteStartObject(); w.WritePropertyName("time_entry"); WriteTimeEntry(w, entry); w.WriteEndObject(); });
                    }
                }

                await (result is null ? Errors.ProjectsNotFoundAsync(context) : HttpJson.WriteBytesAsync(context, status, result));
                return;
            case "DELETE" when id is not null:
                bool removed;
                lock (account.Gate)
                {
                    removed = account.TimeEntries.Remove(id.Value);
                    if (removed)
                    {
                        account.Notify("time_entry", "delete", id.Value);
                    }
                }

                if (removed)
                {
                    context.Response.StatusCode = 204;
                }
                else
                {
                    await Errors.ProjectsNotFoundAsync(context);
                }

                return;
            default:
                await Errors.MessageAsync(context, 405, "The method is not allowed for the requested URL.");
                return;
        }
    }

    private static void BindTimeEntry(TimeEntry e, JsonObject body, AccountState account, bool create)
    {
        var errors = new List<KeyValuePair<string, string>>();
        foreach (var (key, v) in body)
        {
            switch (key)
            {
                case "is_logged" or "billable" or "billed" or "internal" or "active":
                    if (!JsonValues.TryBool(v, out var b))
                    {
                        errors.Add(new(key, "value could not be parsed to a boolean"));
                        break;
                    }

                    _ = key switch
                    {
                        "is_logged" => e.IsLogged = b,
                        "billable" => e.Billable = b,
                        "billed" => e.Billed = b,
                        "internal" => e.Internal = b,
                        _ => e.Active = b,
                    };
                    break;
                case "duration" or "client_id" or "project_id" or "task_id" or "service_id":
                    int? n = null;
                    if (v is not null)
                    {
                        if (!JsonValues.TryInt(v, out var parsed) || (key == "duration" && parsed < 0))
                        {
                            errors.Add(new(key, "value is not a valid integer"));
                            break;
                        }

                        n = parsed;
                    }

                    switch (key)
                    {
                        case "duration": e.Duration = n; break;
                        case "client_id": e.ClientId = n; break;
                        case "project_id": e.ProjectId = n; break;
                        case "task_id": e.TaskId = n; break;
                        default: e.ServiceId = n; break;
                    }

                    break;
                case "started_at":
                    if (JsonValues.TryString(v, out var text) && text is not null &&
                        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var started))
                    {
                        e.StartedAt = started.ToUniversalTime();
                    }
                    else
                    {
                        errors.Add(new(key, "invalid datetime format"));
                    }

                    break;
                case "note":
                    if (JsonValues.TryString(v, out var note))
                    {
                        e.Note = note;
                    }
                    else
                    {
                        errors.Add(new(key, "str type expected"));
                    }

                    break;
                default:
                    // pydantic models of this service ignore extra fields.
                    break;
            }
        }

        if (create && !body.ContainsKey("started_at"))
        {
            errors.Add(new("started_at", "field required"));
        }

        if (errors.Count == 0 && e.IsLogged && e.Duration is null)
        {
            errors.Add(new("__root__", "Logged entries must have a duration"));
        }

        if (errors.Count == 0 && e.ClientId is { } cid && cid != 0 && account.Clients.Find(cid) is null)
        {
            errors.Add(new("client_id", "Client not found"));
        }

        if (errors.Count == 0 && e.ProjectId is { } pid && pid != 0 && account.Projects.Find(pid) is null)
        {
            errors.Add(new("project_id", "Project not found"));
        }

        if (errors.Count > 0)
        {
            throw new ProjectException(422, errors);
        }
    }

    private static async Task ListTimeEntriesAsync(HttpContext context, AccountState account)
    {
        var q = context.Request.Query;
        var paging = Paging(q);
        var billable = QueryBool(q, "billable");
        var billed = QueryBool(q, "billed");
        var includeUnlogged = QueryBool(q, "include_unlogged") ?? false;
        var includeDeleted = QueryBool(q, "include_deleted") ?? false;
        var clientId = QueryInt(q, "client_id");
        var projectId = QueryInt(q, "project_id");
        var identityId = QueryInt(q, "identity_id");
        var from = QueryTime(q, "started_from");
        var to = QueryTime(q, "started_to");
        var updatedSince = QueryTime(q, "updated_since");
        byte[] body;
        lock (account.Gate)
        {
            var matched = account.TimeEntries.All.Where(t =>
                (includeDeleted || t.Active) && (includeUnlogged || t.IsLogged) &&
                (billable is null || t.Billable == billable) && (billed is null || t.Billed == billed) &&
                (clientId is null || t.ClientId == clientId) && (projectId is null || t.ProjectId == projectId) &&
                (identityId is null || t.IdentityId == identityId) && (from is null || t.StartedAt >= from) &&
                (to is null || t.StartedAt <= to) && (updatedSince is null || t.Updated >= updatedSince)).ToList();
            var totalLogged = matched.Sum(t => (long)(t.Duration ?? 0));
            var totalUnbilled = matched.Where(t => t.Billable && !t.Billed).Sum(t => (long)(t.Duration ?? 0));
            body = HttpJson.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("time_entries");
                foreach (var t in paging.Slice(matched))
                {
                    WriteTimeEntry(w, t);
                }

                w.WriteEndArray();
                w.WriteStartObject("meta");
                WriteMeta(w, matched.Count, paging);
                w.WriteNumber("total_logged", totalLogged);
                w.WriteNumber("total_unbilled", totalUnbilled);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        await HttpJson.WriteBytesAsync(context, 200, body);
    }

    private static void WriteMeta(Utf8JsonWriter w, int total, Paging paging)
    {
        w.WriteNumber("total", total);
        w.WriteNumber("per_page", paging.PerPage);
        w.WriteNumber("page", paging.Page);
        w.WriteNumber("pages", paging.Pages(total));
    }

    private static void NullableInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteTimeEntry(Utf8JsonWriter w, TimeEntry t)
    {
        w.WriteStartObject();
        w.WriteNumber("id", t.Id);
        w.WriteNumber("identity_id", t.IdentityId);
        w.WriteBoolean("is_logged", t.IsLogged);
        w.WriteString("started_at", Formats.IsoZ(t.StartedAt));
        w.WriteString("local_started_at", Formats.ToEastern(t.StartedAt).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteString("local_timezone", "America/New_York");
        w.WriteString("created_at", Formats.IsoZ(t.Created));
        NullableInt(w, "client_id", t.ClientId);
        NullableInt(w, "project_id", t.ProjectId);
        NullableInt(w, "task_id", t.TaskId);
        NullableInt(w, "service_id", t.ServiceId);
        w.WriteNull("pending_client");
        w.WriteNull("pending_project");
        w.WriteNull("pending_task");
        HttpJson.NullableString(w, "note", t.Note);
        w.WriteBoolean("active", t.Active);
        w.WriteBoolean("billable", t.Billable);
        w.WriteBoolean("billed", t.Billed);
        w.WriteBoolean("internal", t.Internal);
        w.WriteNull("retainer_id");
        NullableInt(w, "duration", t.Duration);
        if (t.IsLogged)
        {
            w.WriteNull("timer");
        }
        else
        {
            w.WriteStartObject("timer");
            w.WriteNumber("id", t.Id + 64000);
            w.WriteBoolean("is_running", true);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    // ---- Projects -----------------------------------------------------------------------------------------

    private static async Task ProjectsAsync(HttpContext context, AccountState account, string method, int? id, DateTimeOffset now)
    {
        switch (method)
        {
            case "GET" when id is null:
                await ListProjectsAsync(context, account);
                return;
            case "GET":
                byte[]? body = null;
                lock (account.Gate)
                {
                    if (account.Projects.Find(id.Value) is { } p)
                    {
                        body = HttpJson.Build(w =>
                        {
                            w.WriteStartObject();
                            w.WritePropertyName("project");
                            WriteProject(w, p, account, single: true, includeLogged: true);
                            w.WriteStartArray("abilities");
                            foreach (var ability in Abilities)
                            {
                                w.WriteStartObject();
                                w.WriteString("name", ability);
                                w.WriteBoolean("value", true);
                                w.WriteEndObject();
                            }

                            w.WriteEndArray();
                            w.WriteEndObject();
                        });
                    }
                }

                await (body is null ? Errors.ProjectsNotFoundAsync(context) : HttpJson.WriteBytesAsync(context, 200, body));
                return;
            case "POST" when id is null:
            case "PUT" or "PATCH" when id is not null:
                var input = await ReadAsync(context, "project");
                byte[]? result = null;
                lock (account.Gate)
                {
                    var project = id is null ? new Project { Created = now } : (Project?)account.Projects.Find(id.Value)?.Copy();
                    if (project is not null)
                    {
                        BindProject(project, input, account, id is null);
                        project.Updated = now;
                        if (id is null)
                        {
                            project.Id = account.Projects.NextId();
                            account.Projects.Add(project);
                        }
                        else
                        {
                            account.Projects.Replace(project);
                        }

                        account.Notify("project", id is null ? "create" : "update", project.Id);
                        result = HttpJson.Build(w => { w.WriteStartObject(); w.WritePropertyName("project"); WriteProject(w, project, account, single: true, includeLogged: true); w.WriteEndObject(); });
                    }
                }

                await (result is null ? Errors.ProjectsNotFoundAsync(context) : HttpJson.WriteBytesAsync(context, 200, result));
                return;
            case "DELETE" when id is not null:
                bool removed;
                lock (account.Gate)
                {
                    removed = account.Projects.Remove(id.Value);
                    if (removed)
                    {
                        account.Notify("project", "delete", id.Value);
                    }
                }

                if (removed)
                {
                    context.Response.StatusCode = 204;
                }
                else
                {
                    await Errors.ProjectsNotFoundAsync(context);
                }

                return;
            default:
                await Errors.MessageAsync(context, 405, "The method is not allowed for the requested URL.");
                return;
        }
    }

    private static void BindProject(Project p, JsonObject body, AccountState account, bool create)
    {
        var errors = new List<KeyValuePair<string, string>>();
        foreach (var (key, v) in body)
        {
            switch (key)
            {
                case "title" or "description" or "billing_method" or "project_type":
                    if (!JsonValues.TryString(v, out var text))
                    {
                        errors.Add(new(key, "str type expected"));
                    }
                    else if (key == "title")
                    {
                        p.Title = text ?? "";
                    }
                    else if (key == "description")
                    {
                        p.Description = text;
                    }
                    else if (key == "billing_method")
                    {
                        if (text is not null && !BillingMethods.Contains(text, StringComparer.Ordinal))
                        {
                            errors.Add(new(key, "value is not a valid enumeration member"));
                        }

                        p.BillingMethod = text;
                    }
                    else if (text is null || !ProjectTypes.Contains(text, StringComparer.Ordinal))
                    {
                        errors.Add(new(key, "value is not a valid enumeration member"));
                    }
                    else
                    {
                        p.ProjectType = text;
                    }

                    break;
                case "due_date":
                    if (v is null)
                    {
                        p.DueDate = null;
                    }
                    else if (JsonValues.TryDate(v, out var due))
                    {
                        p.DueDate = due;
                    }
                    else
                    {
                        errors.Add(new(key, "invalid date format"));
                    }

                    break;
                case "client_id" or "budget" or "project_manager_id":
                    int? n = null;
                    if (v is not null)
                    {
                        if (!JsonValues.TryInt(v, out var parsed))
                        {
                            errors.Add(new(key, "value is not a valid integer"));
                            break;
                        }

                        n = parsed;
                    }

                    switch (key)
                    {
                        case "client_id": p.ClientId = n; break;
                        case "budget": p.Budget = n; break;
                        default: p.ProjectManagerId = n; break;
                    }

                    break;
                case "fixed_price" or "rate":
                    decimal? d = null;
                    if (v is not null)
                    {
                        if (!JsonValues.TryDecimal(v, out var parsed))
                        {
                            errors.Add(new(key, "value is not a valid decimal"));
                            break;
                        }

                        d = parsed;
                    }

                    if (key == "rate") { p.Rate = d; } else { p.FixedPrice = d; }
                    break;
                case "internal" or "active" or "complete":
                    if (!JsonValues.TryBool(v, out var b))
                    {
                        errors.Add(new(key, "value could not be parsed to a boolean"));
                        break;
                    }

                    _ = key switch { "internal" => p.Internal = b, "active" => p.Active = b, _ => p.Complete = b };
                    break;
                default:
                    break;
            }
        }

        if ((create && !body.ContainsKey("title")) || (errors.Count == 0 && string.IsNullOrWhiteSpace(p.Title)))
        {
            errors.Add(new("title", "field required"));
        }

        if (errors.Count == 0 && p.ClientId is { } cid && cid != 0 && account.Clients.Find(cid) is null)
        {
            errors.Add(new("client_id", "Client not found"));
        }

        if (errors.Count > 0)
        {
            throw new ProjectException(422, errors);
        }
    }

    private static async Task ListProjectsAsync(HttpContext context, AccountState account)
    {
        var q = context.Request.Query;
        var paging = Paging(q);
        var active = QueryBool(q, "active");
        var complete = QueryBool(q, "complete");
        var includeLogged = QueryBool(q, "include_logged_duration") ?? false;
        var updatedSince = QueryTime(q, "updated_since");
        var sort = q["sort"].FirstOrDefault();
        byte[] body;
        lock (account.Gate)
        {
            IEnumerable<Project> matched = account.Projects.All.Where(p =>
                (active is null || p.Active == active) && (complete is null || p.Complete == complete) &&
                (updatedSince is null || p.Updated >= updatedSince));
            var sortFields = new List<string>();
            if (!string.IsNullOrEmpty(sort))
            {
                var desc = sort.StartsWith('-');
                var field = sort.TrimStart('-');
                Func<Project, object?>? key = field switch
                {
                    "title" => p => p.Title,
                    "due_date" => p => p.DueDate,
                    "created_at" => p => p.Created,
                    "updated_at" => p => p.Updated,
                    _ => null,
                };
                if (key is not null)
                {
                    matched = desc ? matched.OrderByDescending(key, Comparer<object?>.Default) : matched.OrderBy(key, Comparer<object?>.Default);
                    sortFields.Add(sort);
                }
            }

            var list = matched.ToList();
            body = HttpJson.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("projects");
                foreach (var p in paging.Slice(list))
                {
                    WriteProject(w, p, account, single: false, includeLogged);
                }

                w.WriteEndArray();
                w.WriteStartObject("meta");
                WriteMeta(w, list.Count, paging);
                Errors.WriteStringArray(w, "sort", sortFields);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        await HttpJson.WriteBytesAsync(context, 200, body);
    }

    private static void WriteProject(Utf8JsonWriter w, Project p, AccountState account, bool single, bool includeLogged)
    {
        w.WriteStartObject();
        w.WriteNumber("id", p.Id);
        w.WriteString("title", p.Title);
        HttpJson.NullableString(w, "description", p.Description);
        HttpJson.NullableString(w, "due_date", p.DueDate is { } d ? Formats.Date(d) : null);
        NullableInt(w, "client_id", p.ClientId);
        w.WriteBoolean("internal", p.Internal);
        NullableInt(w, "budget", p.Budget);
        HttpJson.NullableString(w, "fixed_price", p.FixedPrice is { } fp ? Formats.Money(fp) : null);
        HttpJson.NullableString(w, "rate", p.Rate is { } r ? Formats.Money(r) : null);
        HttpJson.NullableString(w, "billing_method", p.BillingMethod);
        w.WriteString("project_type", p.ProjectType);
        NullableInt(w, "project_manager_id", p.ProjectManagerId);
        w.WriteBoolean("active", p.Active);
        w.WriteBoolean("complete", p.Complete);
        w.WriteBoolean("sample", false);
        w.WriteString("created_at", Formats.IsoNoZ(p.Created));
        w.WriteString("updated_at", Formats.IsoNoZ(p.Updated));
        if (includeLogged)
        {
            w.WriteNumber("logged_duration", account.TimeEntries.All.Where(t => t.ProjectId == p.Id && t.Active).Sum(t => (long)(t.Duration ?? 0)));
        }
        else
        {
            w.WriteNull("logged_duration");
        }

        w.WriteStartArray("services");
        w.WriteEndArray();
        w.WriteString("billed_amount", "0.00");
        w.WriteString("billed_status", "unbilled");
        w.WriteNull("retainer_id");
        w.WriteString("expense_markup", "0");
        if (single)
        {
            w.WriteStartObject("group");
            w.WriteNumber("id", p.Id + 500000);
            w.WriteStartArray("members");
            w.WriteEndArray();
            w.WriteStartArray("pending_invitations");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNumber("group_id", p.Id + 500000);
        }

        w.WriteEndObject();
    }
}
