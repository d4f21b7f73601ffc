using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Conversions between Xero's wire values and canonical ones, shared by every entity's mapping. A required value that is
/// missing or unreadable throws <see cref="FormatException"/>, which the envelope reader turns into
/// <see cref="InvalidProviderResponseException"/> with the record's excerpt; nothing is ever replaced by a placeholder.
/// </summary>
internal static partial class XeroValues
{
    /// <summary>A required text value.</summary>
    public static string Required(string? value, string member) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"Xero sent no {member}.") : value;

    /// <summary>A required number.</summary>
    public static decimal Required(decimal? value, string member) =>
        value ?? throw new FormatException($"Xero sent no {member}.");

    /// <summary>Text with Xero's empty strings turned into null.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A required instant in Xero's .NET JSON form <c>/Date(ms[±hhmm])/</c> (the milliseconds are UTC), as UTC.</summary>
    public static DateTimeOffset Instant(string? value, string member) =>
        TryInstant(value) ?? throw new FormatException($"Xero sent no readable {member} ('{Bounded(value)}').");

    /// <summary>A required calendar date: Xero sends the day as midnight UTC, <c>/Date(ms+0000)/</c>.</summary>
    public static DateOnly Date(string? value, string member)
    {
        var instant = Instant(value, member);
        return instant.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(instant.UtcDateTime)
            : throw new FormatException($"Xero sent {member} '{Bounded(value)}', which is not a calendar day (midnight UTC).");
    }

    /// <summary>An optional calendar date; absent is null, unreadable is an error.</summary>
    public static DateOnly? OptionalDate(string? value, string member) =>
        string.IsNullOrEmpty(value) ? null : Date(value, member);

    /// <summary>A calendar date as Xero takes it in requests.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as an <c>If-Modified-Since</c> value: UTC, ISO 8601, whole seconds (Xero's accuracy), rounded down.</summary>
    public static string IfModifiedSince(DateTimeOffset since)
    {
        var utc = since.ToUniversalTime();
        var seconds = utc.AddTicks(-(utc.UtcTicks % TimeSpan.TicksPerSecond));
        return seconds.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A required currency code.</summary>
    public static CurrencyCode Currency(string? code, string member) =>
        CurrencyCode.TryParse(code, out var currency) ? currency : throw new FormatException($"Xero sent no readable {member} ('{Bounded(code)}').");

    /// <summary>An optional currency code; absent is null, unreadable is an error.</summary>
    public static CurrencyCode? OptionalCurrency(string? code, string member) =>
        string.IsNullOrEmpty(code) ? null : Currency(code, member);

    private static DateTimeOffset? TryInstant(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = MsDate().Match(value);
        if (!match.Success || !long.TryParse(match.Groups["ms"].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            return null;
        }

        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? Bounded(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value;

    [GeneratedRegex(@"^/Date\((?<ms>-?\d{1,15})(?<offset>[+-]\d{4})?\)/$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MsDate();
}
