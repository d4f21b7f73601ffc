using System.Globalization;
using System.Text.Json;

namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>
/// The Projects API's JSON: camelCase, ISO-8601 UTC strings, money as <c>{"currency","value"}</c>, no envelope; lists as
/// <c>{"pagination":{…},"items":[…]}</c>. Totals are computed from the tasks and time entries on every read.
/// </summary>
internal static class ProjectWriters
{
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static void Money(Utf8JsonWriter w, string name, string currency, decimal value)
    {
        w.WriteStartObject(name);
        w.WriteString("currency", currency);
        w.WriteNumber("value", Math.Round(value, 2, MidpointRounding.AwayFromZero));
        w.WriteEndObject();
    }

    public static void Pagination(Utf8JsonWriter w, int page, int pageSize, int itemCount)
    {
        w.WriteStartObject("pagination");
        w.WriteNumber("page", page);
        w.WriteNumber("pageSize", pageSize);
        w.WriteNumber("pageCount", (itemCount + pageSize - 1) / pageSize);
        w.WriteNumber("itemCount", itemCount);
        w.WriteEndObject();
    }

    public static void User(Utf8JsonWriter w, ProjectsUser user)
    {
        w.WriteStartObject();
        w.WriteString("userId", user.UserId);
        w.WriteString("name", user.Name);
        w.WriteString("email", user.Email);
        w.WriteEndObject();
    }

    public static void Project(Utf8JsonWriter w, ProjectBook book, ProjectRecord p)
    {
        var tasks = book.Tasks.Where(t => t.ProjectId == p.ProjectId).Select(t => Totals(book, t)).ToList();
        var c = p.CurrencyCode;
        var toBeInvoiced = tasks.Sum(t => t.AmountToBeInvoiced);
        var invoiced = tasks.Sum(t => t.AmountInvoiced);
        w.WriteStartObject();
        w.WriteString("projectId", p.ProjectId);
        w.WriteString("contactId", p.ContactId);
        w.WriteString("name", p.Name);
        w.WriteString("currencyCode", c);
        w.WriteNumber("minutesLogged", tasks.Sum(t => t.TotalMinutes));
        Money(w, "totalTaskAmount", c, tasks.Sum(t => t.TotalAmount));
        Money(w, "totalExpenseAmount", c, 0m);
        w.WriteNumber("minutesToBeInvoiced", tasks.Sum(t => t.MinutesToBeInvoiced));
        Money(w, "taskAmountToBeInvoiced", c, toBeInvoiced);
        Money(w, "taskAmountInvoiced", c, invoiced);
        Money(w, "expenseAmountToBeInvoiced", c, 0m);
        Money(w, "expenseAmountInvoiced", c, 0m);
        Money(w, "projectAmountInvoiced", c, invoiced);
        Money(w, "deposit", c, 0m);
        Money(w, "depositApplied", c, 0m);
        Money(w, "creditNoteAmount", c, 0m);
        Money(w, "totalInvoiced", c, invoiced);
        Money(w, "totalToBeInvoiced", c, toBeInvoiced);
        if (p.DeadlineUtc is { } deadline)
        {
            w.WriteString("deadlineUtc", Utc(deadline));
        }

        if (p.Estimate is { } estimate)
        {
            Money(w, "estimate", c, estimate);
        }

        w.WriteString("status", p.Status);
        w.WriteEndObject();
    }

    public static void Task(Utf8JsonWriter w, ProjectBook book, ProjectTask t)
    {
        var currency = book.Project(t.ProjectId)?.CurrencyCode ?? "";
        var totals = Totals(book, t);
        w.WriteStartObject();
        w.WriteString("name", t.Name);
        Money(w, "rate", currency, t.Rate);
        w.WriteString("chargeType", t.ChargeType);
        w.WriteString("status", t.Status);
        if (t.EstimateMinutes is { } estimate)
        {
            w.WriteNumber("estimateMinutes", estimate);
        }

        w.WriteString("taskId", t.TaskId);
        w.WriteString("projectId", t.ProjectId);
        w.WriteNumber("totalMinutes", totals.TotalMinutes);
        Money(w, "totalAmount", currency, totals.TotalAmount);
        w.WriteNumber("minutesToBeInvoiced", totals.MinutesToBeInvoiced);
        w.WriteNumber("minutesInvoiced", totals.MinutesInvoiced);
        w.WriteNumber("nonChargeableMinutes", t.ChargeType == "NON_CHARGEABLE" ? totals.TotalMinutes : 0);
        w.WriteNumber("fixedMinutes", t.ChargeType == "FIXED" ? totals.TotalMinutes : 0);
        Money(w, "amountToBeInvoiced", currency, totals.AmountToBeInvoiced);
        Money(w, "amountInvoiced", currency, totals.AmountInvoiced);
        w.WriteEndObject();
    }

    public static void Entry(Utf8JsonWriter w, ProjectTimeEntry e)
    {
        w.WriteStartObject();
        w.WriteString("timeEntryId", e.TimeEntryId);
        w.WriteString("userId", e.UserId);
        w.WriteString("projectId", e.ProjectId);
        w.WriteString("taskId", e.TaskId);
        w.WriteString("dateUtc", Utc(e.DateUtc));
        w.WriteString("dateEnteredUtc", Utc(e.DateEnteredUtc));
        w.WriteNumber("duration", e.Duration);
        if (e.Description is { } description)
        {
            w.WriteString("description", description);
        }

        w.WriteString("status", e.Status);
        w.WriteEndObject();
    }

    private sealed record TaskTotals(int TotalMinutes, int MinutesInvoiced, int MinutesToBeInvoiced, decimal TotalAmount, decimal AmountInvoiced, decimal AmountToBeInvoiced);

    private static TaskTotals Totals(ProjectBook book, ProjectTask t)
    {
        var entries = book.Time.Where(e => e.TaskId == t.TaskId).ToList();
        var total = entries.Sum(e => e.Duration);
        var invoiced = entries.Where(e => e.Status == "INVOICED").Sum(e => e.Duration);
        var open = t.IsChargeable ? total - invoiced : 0;
        decimal ByTime(int minutes) => Math.Round(t.Rate * minutes / 60m, 2, MidpointRounding.AwayFromZero);
        return t.ChargeType switch
        {
            "TIME" => new TaskTotals(total, invoiced, open, ByTime(total), ByTime(invoiced), ByTime(open)),
            "FIXED" => new TaskTotals(total, invoiced, open, t.Rate, t.Status == "INVOICED" ? t.Rate : 0m, t.Status == "INVOICED" ? 0m : t.Rate),
            _ => new TaskTotals(total, invoiced, 0, 0m, 0m, 0m),
        };
    }
}
