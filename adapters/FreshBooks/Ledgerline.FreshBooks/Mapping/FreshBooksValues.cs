using System.Globalization;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>Conversions between FreshBooks' wire values and canonical ones, shared by every entity's mapping.</summary>
internal static class FreshBooksValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>An id as a canonical string; empty when absent.</summary>
    public static string Id(long? primary, long? alternate = null) =>
        (primary ?? alternate)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A reference id (FreshBooks uses 0 for "none").</summary>
    public static string? Reference(long? id) =>
        id is { } v && v != 0 ? v.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary><c>vis_state</c>: 0 active, 1 deleted, 2 archived; anything else is treated as active.</summary>
    public static RecordState State(int? visState) => visState switch
    {
        1 => RecordState.Deleted,
        2 => RecordState.Archived,
        _ => RecordState.Active,
    };

    /// <summary>The <c>vis_state</c> for a canonical state.</summary>
    public static int VisState(RecordState state) => state switch
    {
        RecordState.Deleted => 1,
        RecordState.Archived => 2,
        _ => 0,
    };

    /// <summary>Text with FreshBooks' empty strings turned into null.</summary>
    public static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// A money object. A missing object or amount is zero (FreshBooks omits some amounts when nothing applies); an amount
    /// that is not a plain decimal fails with <see cref="MoneyFormatException"/> carrying the raw text, never zero.
    /// </summary>
    public static Money Money(MoneyWire? money, string? fallbackCurrency)
    {
        var currency = Currency(money?.Code) ?? Currency(fallbackCurrency)
            ?? throw new MoneyFormatException(money?.Amount, default);
        return string.IsNullOrEmpty(money?.Amount) ? Ledgerline.Money.Zero(currency) : Ledgerline.Money.Parse(money.Amount, currency);
    }

    /// <summary>A currency code, or null when absent or not ISO-4217.</summary>
    public static CurrencyCode? Currency(string? code) =>
        CurrencyCode.TryParse(code, out var currency) ? currency : null;

    /// <summary>A decimal sent as a string (quantities, percents); null when absent, an error when junk.</summary>
    public static decimal? Decimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), DecimalStyle | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a decimal number.");
    }

    /// <summary>A date-only field (<c>YYYY-MM-DD</c>); null when absent or unreadable.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Formats a date for FreshBooks.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats an amount or percent for FreshBooks: invariant, every digit kept, no exponent.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A money object to send.</summary>
    public static MoneyWire MoneyOut(Money money) => new() { Amount = Number(money.Amount), Code = money.Currency.Value };

    /// <summary>
    /// An accounting <c>updated</c> timestamp (US/Eastern) as UTC; <see cref="DateTimeOffset.UnixEpoch"/> when absent or
    /// unreadable, so a record with a broken timestamp still maps (and is never hidden by an <c>UpdatedSince</c> filter's
    /// server-side day bound, which the adapter widens).
    /// </summary>
    public static DateTimeOffset EasternUpdated(string? updated, string? fallback = null) =>
        EasternTime.ParseToUtc(updated) ?? EasternTime.ParseToUtc(fallback) ?? DateTimeOffset.UnixEpoch;

    /// <summary>
    /// A UTC timestamp as FreshBooks writes them: ISO with or without <c>Z</c> or fraction, or <c>yyyy-MM-dd HH:mm:ss</c>
    /// (client <c>signup_date</c>). Always assumed UTC when it carries no offset. Null when absent or unreadable.
    /// </summary>
    public static DateTimeOffset? Utc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : null;
    }

    /// <summary>Formats an instant as FreshBooks' ISO UTC (<c>2016-08-16T20:00:00Z</c>).</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a canonical id into FreshBooks' integer id; null when it is not one (so no such record can exist).</summary>
    public static long? ParseId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    /// <summary>
    /// The record's own id (or the duplicate FreshBooks sends beside it), required: a record without one cannot be
    /// referred to, so it fails as an unreadable value (the envelope turns that into
    /// <see cref="InvalidProviderResponseException"/>) rather than mapping to an empty id.
    /// </summary>
    public static string RequiredId(long? primary, long? alternate) =>
        (primary ?? alternate) is { } id and > 0
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new FormatException("The record has no id.");

    /// <summary>A required text field; missing or blank fails as an unreadable value, never a placeholder.</summary>
    public static string RequiredText(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"The required field '{field}' is missing or empty.") : value;

    /// <summary>A required decimal sent as a string (a tax's percent); missing fails, junk fails.</summary>
    public static decimal RequiredDecimal(string? text, string field) =>
        Decimal(text) ?? throw new FormatException($"The required field '{field}' is missing.");

    /// <summary>
    /// A required accounting <c>updated</c> timestamp (US/Eastern) as UTC, or <paramref name="fallback"/> (the record's
    /// creation time) where FreshBooks sends none; neither readable fails.
    /// </summary>
    public static DateTimeOffset RequiredEasternUpdated(string? updated, string? fallback = null) =>
        EasternTime.ParseToUtc(updated) ?? EasternTime.ParseToUtc(fallback)
            ?? throw new FormatException($"The required field 'updated' is missing or not a timestamp ('{updated}').");

    /// <summary>A required UTC timestamp (projects' <c>updated_at</c>), or <paramref name="fallback"/> where none is sent; neither readable fails.</summary>
    public static DateTimeOffset RequiredUtc(string? text, string field, string? fallback = null) =>
        Utc(text) ?? Utc(fallback) ?? throw new FormatException($"The required field '{field}' is missing or not a timestamp ('{text}').");

    /// <summary>An optional date-only field: null when absent, an unreadable value when present but not <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly? OptionalDate(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Date(text) ?? throw new FormatException($"The field '{field}' is not a date ('{text}').");
}
