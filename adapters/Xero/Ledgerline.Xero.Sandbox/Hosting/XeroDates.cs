using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledgerline.Xero.Sandbox.Hosting;

/// <summary>
/// Xero's date conventions: "Microsoft .NET JSON" dates (<c>/Date(ms+0000)/</c>) in responses, calendar dates as
/// midnight UTC of the day, and the request formats clients actually send (ISO dates, ISO date-times, MS dates).
/// </summary>
internal static partial class XeroDates
{
    [GeneratedRegex(@"^/Date\((-?\d{1,15})([+-]\d{4})?\)/$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex MsDate();

    /// <summary><c>/Date(ms+0000)/</c>, as Xero writes <c>UpdatedDateUTC</c>, <c>Date</c> and <c>DueDate</c>.</summary>
    public static string Ms(DateTimeOffset instant) =>
        "/Date(" + instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "+0000)/";

    /// <summary><c>/Date(ms)/</c> without an offset, as Xero writes the envelope's <c>DateTimeUTC</c>.</summary>
    public static string MsBare(DateTimeOffset instant) =>
        "/Date(" + instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + ")/";

    public static string Ms(DateOnly date) => Ms(Midnight(date));

    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary><c>2018-10-20T00:00:00</c>, the <c>DateString</c> companion of a calendar date.</summary>
    public static string DateString(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00";

    /// <summary><c>2018-11-02T16:31:30Z</c>, the <c>UpdatedDateUTCString</c> companion.</summary>
    public static string UtcString(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Connections' dates: ISO without a zone and with 7 fractional digits, e.g. <c>2019-12-07T18:46:19.5165400</c>.</summary>
    public static string Connection(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>Reads a calendar date from a request: <c>YYYY-MM-DD</c>, <c>YYYY-MM-DDTHH:mm:ss[.fff][Z|±hh:mm]</c> or <c>/Date(ms[±zzzz])/</c>.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        text = text.Trim();
        if (TryParseMs(text, out var ms))
        {
            // The .NET SDK sends the calendar day as midnight UTC; the offset, if any, does not move the day.
            date = DateOnly.FromDateTime(ms.UtcDateTime);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) && text.Contains('T', StringComparison.Ordinal))
        {
            // The calendar day as written: an offset-carrying date-time names a day in the sender's zone.
            date = DateOnly.FromDateTime(dt.Kind == DateTimeKind.Utc ? dt : DateTime.SpecifyKind(dt, DateTimeKind.Unspecified));
            return true;
        }

        return false;
    }

    public static bool TryParseMs(string text, out DateTimeOffset instant)
    {
        instant = default;
        var m = MsDate().Match(text);
        if (!m.Success || !long.TryParse(m.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) ||
            ms < -62_135_596_800_000 || ms > 253_402_300_799_999)
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }

    /// <summary>Reads <c>If-Modified-Since</c>: ISO 8601 with or without offset and fraction (UTC when absent), or RFC 1123.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        text = text.Trim();
        if (TryParseMs(text, out instant))
        {
            return true;
        }

        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant) ||
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
