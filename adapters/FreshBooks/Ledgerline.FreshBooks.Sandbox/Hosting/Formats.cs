using System.Globalization;

namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>FreshBooks' wire formats for money, numbers and the several timestamp conventions.</summary>
internal static class Formats
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // "F0" to "F28" (a decimal has at most 28 places): made once, not for every amount on a page.
    private static readonly string[] FixedPoint = [.. Enumerable.Range(0, 29).Select(places => "F" + places.ToString(Inv))];

    public static string Money(decimal value) => value.ToString("0.00", Inv);

    /// <summary>A money amount in a currency with <paramref name="decimals"/> minor-unit places ("1001" JPY, "1.357" KWD).</summary>
    public static string Money(decimal value, int decimals) => value.ToString(FixedPoint[decimals], Inv);

    /// <summary>
    /// A price as sent, with at least the currency's <paramref name="decimals"/> places and every place it was sent with
    /// ("1000.5" JPY, "1.2345" KWD, "0.125" USD, "12.50" USD): FreshBooks money strings "can be long", and a unit cost printed
    /// rounded would contradict the line amount computed from it.
    /// </summary>
    public static string ExactMoney(decimal value, int decimals)
    {
        if (value.Scale <= decimals)
        {
            // Sent with no more places than the currency has (the usual case): Number could not print more either.
            return Money(value, decimals);
        }

        var plain = Number(value);
        var dot = plain.IndexOf('.', StringComparison.Ordinal);
        var places = dot < 0 ? 0 : plain.Length - dot - 1;
        return value.ToString("F" + Math.Max(decimals, places).ToString(Inv), Inv);
    }

    /// <summary>Quantities and percentages as FreshBooks prints them: no trailing zeros ("4", "1.5", "13").</summary>
    /// <remarks>A whole number sent without places (most quantities and tax rates) prints the same either way, without the custom format's cost.</remarks>
    public static string Number(decimal value) => value.Scale == 0 ? value.ToString(Inv) : value.ToString("0.############", Inv);

    /// <summary>Accounting timestamps are US/Eastern wall-clock time with DST (FreshBooks quirk).</summary>
    public static string Eastern(DateTimeOffset utc) => ToEastern(utc).ToString("yyyy-MM-dd HH:mm:ss", Inv);

    public static string EasternVersion(DateTimeOffset utc) => ToEastern(utc).ToString("yyyy-MM-dd HH:mm:ss.ffffff", Inv);

    public static string UtcSpace(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv);

    public static string IsoZ(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);

    public static string IsoNoZ(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", Inv);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    public static DateOnly EasternToday(DateTimeOffset utc) => DateOnly.FromDateTime(ToEastern(utc));

    /// <summary>
    /// US Eastern time by the post-2007 US rules, computed rather than looked up so the sandbox behaves the same on
    /// hosts without a time zone database.
    /// </summary>
    public static DateTime ToEastern(DateTimeOffset utc)
    {
        var u = utc.UtcDateTime;
        var dstStart = NthSunday(u.Year, 3, 2).AddHours(2 + 5);
        var dstEnd = NthSunday(u.Year, 11, 1).AddHours(2 + 4);
        var offset = u >= dstStart && u < dstEnd ? -4 : -5;
        return DateTime.SpecifyKind(u.AddHours(offset), DateTimeKind.Unspecified);
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var delta = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(delta + (7 * (n - 1)));
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out date);

    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out value);

    public static bool TryInt(string? text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out value);

    public static string Int(long value) => value.ToString(Inv);
}
