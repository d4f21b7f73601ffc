using System.Globalization;
using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;

namespace Ledgerline.FreshBooks.Sandbox.Projects;

/// <summary>Serializes time entries and projects in the project-like services' field names and ISO UTC timestamps.</summary>
internal static class ProjectWriters
{
    private static readonly string[] Abilities = ["can_edit", "can_delete", "can_view_team", "can_add_time"];

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

    public static void TimeEntry(Utf8JsonWriter w, TimeEntry t, RenderContext ctx)
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

    /// <summary>Seconds logged and seconds billable but not billed, over every matched entry rather than the page.</summary>
    public static void TimeEntryTotals(Utf8JsonWriter w, IReadOnlyList<TimeEntry> matched)
    {
        w.WriteNumber("total_logged", matched.Sum(t => (long)(t.Duration ?? 0)));
        w.WriteNumber("total_unbilled", matched.Where(t => t.Billable && !t.Billed).Sum(t => (long)(t.Duration ?? 0)));
    }

    public static void Project(Utf8JsonWriter w, Project p, RenderContext ctx)
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
        if (ctx.Includes.Contains("logged_duration"))
        {
            w.WriteNumber("logged_duration", ctx.Account.TimeEntries.All.Where(t => t.ProjectId == p.Id && t.Active).Sum(t => (long)(t.Duration ?? 0)));
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
        // Lists carry the team's id; one project carries the team itself.
        if (ctx.InList)
        {
            w.WriteNumber("group_id", p.Id + 500000);
        }
        else
        {
            w.WriteStartObject("group");
            w.WriteNumber("id", p.Id + 500000);
            w.WriteStartArray("members");
            w.WriteEndArray();
            w.WriteStartArray("pending_invitations");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>What the signed-in identity may do with a project; only a GET of one project carries it.</summary>
    public static void ProjectAbilities(Utf8JsonWriter w, Project p, RenderContext ctx)
    {
        w.WriteStartArray("abilities");
        foreach (var ability in Abilities)
        {
            w.WriteStartObject();
            w.WriteString("name", ability);
            w.WriteBoolean("value", true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
