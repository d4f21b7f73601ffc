using System.Globalization;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// FreshBooks' accounting timestamps (<c>updated</c>, <c>created_at</c>, line <c>updated</c>) are zone-less
/// <c>yyyy-MM-dd HH:mm:ss</c> wall-clock times in US/Eastern with daylight saving. This converts them to UTC.
/// </summary>
/// <remarks>
/// Policy for the two DST transition days, chosen so that incremental sync (<c>UpdatedSince</c>) never misses a change:
/// <list type="bullet">
/// <item>Fall back (first Sunday of November): 01:00–01:59 happens twice. It is read as the <b>second</b> occurrence
/// (standard time, UTC−5), the later instant. A change made in the first occurrence is then reported up to an hour late,
/// which can only re-include it in a sync, never drop it; the earlier reading could drop a change made in the second hour.</item>
/// <item>Spring forward (second Sunday of March): 02:00–02:59 does not exist. Such a value is read with the offset in force
/// before the jump (UTC−5), i.e. moved forward by the gap: 02:30 becomes 07:30Z, the same instant as 03:30 EDT.</item>
/// </list>
/// </remarks>
internal static class EasternTime
{
    private const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The accepted spellings: the documented one, with fractions, and ISO 8601 without an offset.</summary>
    private static readonly string[] Formats = [Format, "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>America/New_York from the host's time zone data, or the same US rules built in when the host has none.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>Converts an Eastern wall-clock time to UTC by the policy above.</summary>
    public static DateTimeOffset ToUtc(DateTime easternWallClock)
    {
        var local = DateTime.SpecifyKind(easternWallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, OffsetAt(local)).ToUniversalTime();
    }

    /// <summary>
    /// Parses <c>yyyy-MM-dd HH:mm:ss</c> (fractions allowed) as Eastern and converts to UTC; null when absent or unreadable,
    /// which includes a wall-clock time whose UTC instant lies outside <see cref="DateTimeOffset"/>'s range
    /// (<c>9999-12-31 23:59:59</c>).
    /// </summary>
    public static DateTimeOffset? ParseToUtc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.AsSpan().Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        // The offset is looked up once (every record has an updated time); the instant is then the one ToUtc gives.
        var offset = OffsetAt(local);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? null
            : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    /// <summary>The Eastern calendar date at an instant: what FreshBooks' day-granular filters compare against.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The UTC offset of an Eastern wall-clock time, by the policy above.</summary>
    private static TimeSpan OffsetAt(DateTime local)
    {
        if (Zone.IsInvalidTime(local))
        {
            return Zone.BaseUtcOffset;
        }

        // The smaller offset (standard time) is the later instant.
        return Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Min() : Zone.GetUtcOffset(local);
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "America/New_York", "Eastern Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }

        // US rules since 2007: DST from the second Sunday of March 02:00 to the first Sunday of November 02:00.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2007, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0, DateTimeKind.Unspecified), 3, 2, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0, DateTimeKind.Unspecified), 11, 1, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone("America/New_York", TimeSpan.FromHours(-5), "US Eastern", "EST", "EDT", [rule]);
    }
}
