using System.Globalization;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// The Projects API's values: ISO-8601 UTC strings (<c>2020-02-27T15:00:00Z</c>) rather than the Accounting API's
/// <c>/Date(ms)/</c>, and a time entry's id, which only names it together with its project.
/// </summary>
internal static class ProjectsValues
{
    /// <summary>Separates the project id and the time entry id in a canonical time entry id.</summary>
    public const char IdSeparator = ':';

    /// <summary>A required ISO-8601 instant, as UTC; one without an offset is read as UTC (the API's dates are UTC).</summary>
    public static DateTimeOffset Instant(string? value, string member) =>
        OptionalInstant(value, member) ?? throw new FormatException($"Xero sent no {member}.");

    /// <summary>An optional ISO-8601 instant; absent is null, unreadable is an error.</summary>
    public static DateTimeOffset? OptionalInstant(string? value, string member)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"Xero sent no readable {member} ('{(value.Length > 64 ? value[..64] : value)}').");
    }

    /// <summary>An instant as the Projects API takes it: ISO-8601 UTC, whole seconds unless it has a fraction.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A project deadline as a calendar day: the deadline instant read in the organisation's time zone.</summary>
    public static DateOnly? Deadline(string? value, TimeZoneInfo zone) =>
        OptionalInstant(value, "deadlineUtc") is { } instant ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime) : null;

    /// <summary>A calendar day as a deadline: midnight of that day in the organisation's time zone, as UTC.</summary>
    public static string Deadline(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return Format(new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    /// <summary>The canonical id of a time entry: <c>{projectId}:{timeEntryId}</c> (Xero reads a time entry only through its project).</summary>
    public static string TimeEntryId(string projectId, string timeEntryId) => projectId + IdSeparator + timeEntryId;

    /// <summary>The two Xero ids in a canonical time entry id, or null when it names none (not two GUIDs).</summary>
    public static (string ProjectId, string TimeEntryId)? SplitTimeEntryId(string id)
    {
        var at = id.IndexOf(IdSeparator, StringComparison.Ordinal);
        return at > 0 && Guid.TryParseExact(id[..at], "D", out _) && Guid.TryParseExact(id[(at + 1)..], "D", out _)
            ? (id[..at], id[(at + 1)..])
            : null;
    }
}
