using System.Globalization;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>Conversions between FreshBooks' wire values and canonical ones, shared by every entity's mapping.</summary>
internal static class FreshBooksValues
{
    /// <summary>The most characters of a provider value quoted in an error (a decimal has at most 31).</summary>
    public const int MaxQuotedLength = 64;

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>ISO 8601 with <c>T</c> or a space, optional fraction, optional <c>Z</c> or offset.</summary>
    private static readonly string[] UtcFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK"];

    /// <summary>An id as a canonical string; empty when absent.</summary>
    public static string Id(long? primary, long? alternate = null) =>
        (primary ?? alternate)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A reference id (FreshBooks uses 0 for "none").</summary>
    public static string? Reference(long? id) =>
        id is { } v && v != 0 ? v.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary><c>vis_state</c>, required: 0 active, 1 deleted, 2 archived; missing or any other value fails as unreadable.</summary>
    public static RecordState RequiredState(int? visState) => visState switch
    {
        0 => RecordState.Active,
        1 => RecordState.Deleted,
        2 => RecordState.Archived,
        null => throw new FormatException("The required field 'vis_state' is missing."),
        _ => throw new FormatException($"The field 'vis_state' is {visState}, not 0, 1 or 2."),
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
    /// A money object. A missing object or amount is zero, so callers use it only where they have seen the amount is there
    /// (use <see cref="RequiredMoney"/> otherwise); an amount that is not a plain decimal fails with
    /// <see cref="MoneyFormatException"/> carrying the (bounded) raw text, never zero.
    /// </summary>
    public static Money Money(MoneyWire? money, string? fallbackCurrency)
    {
        var currency = Currency(money?.Code) ?? Currency(fallbackCurrency)
            ?? throw new MoneyFormatException(Bounded(money?.Amount), default);
        return string.IsNullOrEmpty(money?.Amount) ? Ledgerline.Money.Zero(currency) : Amount(money.Amount, currency);
    }

    /// <summary>
    /// A required money object: a missing object, an empty amount or no currency fails as unreadable (naming
    /// <paramref name="field"/>), never zero; junk fails with <see cref="MoneyFormatException"/> carrying the (bounded) raw text.
    /// </summary>
    public static Money RequiredMoney(MoneyWire? money, string? fallbackCurrency, string field)
    {
        if (string.IsNullOrWhiteSpace(money?.Amount))
        {
            throw new FormatException($"The required amount '{field}' is missing or empty.");
        }

        var currency = Currency(money.Code) ?? Currency(fallbackCurrency)
            ?? throw new FormatException($"The amount '{field}' has no currency ({Quote(money.Code)}).");
        return Amount(money.Amount, currency);
    }

    /// <summary>
    /// Parses an amount; text longer than any decimal is refused before parsing, so that the error (and its
    /// <see cref="MoneyFormatException.RawText"/>) never carries more than <see cref="MaxQuotedLength"/> characters of it.
    /// </summary>
    private static Money Amount(string text, CurrencyCode currency) =>
        text.Length > MaxQuotedLength ? throw new MoneyFormatException(Bounded(text), currency) : Ledgerline.Money.Parse(text, currency);

    /// <summary>A currency code, or null when absent or not ISO-4217.</summary>
    public static CurrencyCode? Currency(string? code) =>
        CurrencyCode.TryParse(code, out var currency) ? currency : null;

    /// <summary>An optional currency code: null when absent or empty, an unreadable value when present but not ISO-4217.</summary>
    public static CurrencyCode? OptionalCurrency(string? code, string field) =>
        string.IsNullOrWhiteSpace(code) ? null
        : Currency(code) ?? throw new FormatException($"The field '{field}' is {Quote(code)}, not an ISO-4217 currency code.");

    /// <summary>A decimal sent as a string (quantities, percents); null when absent, an error when junk.</summary>
    public static decimal? Decimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), DecimalStyle | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{Quote(text)} is not a decimal number.");
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
    /// A UTC timestamp as FreshBooks writes them: ISO with or without <c>Z</c> or fraction, or <c>yyyy-MM-dd HH:mm:ss</c>
    /// (client <c>signup_date</c>). Always assumed UTC when it carries no offset. Null when absent or unreadable (anything
    /// else, such as <c>yesterday</c>, or an instant outside <see cref="DateTimeOffset"/>'s range).
    /// </summary>
    public static DateTimeOffset? Utc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text.Trim(), UtcFormats, CultureInfo.InvariantCulture,
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
            : throw new FormatException("The record has no id (the required field 'id' is missing or not positive).");

    /// <summary>A required text field; missing or blank fails as an unreadable value, never a placeholder.</summary>
    public static string RequiredText(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"The required field '{field}' is missing or empty.") : value;

    /// <summary>A required decimal sent as a string (a tax's percent); missing fails, junk fails.</summary>
    public static decimal RequiredDecimal(string? text, string field) =>
        Decimal(text) ?? throw new FormatException($"The required field '{field}' is missing.");

    /// <summary>A required accounting <c>updated</c> timestamp (US/Eastern) as UTC; missing or unreadable fails.</summary>
    public static DateTimeOffset RequiredEasternUpdated(string? updated) =>
        RequiredInstant(updated, "updated", null, null, EasternTime.ParseToUtc);

    /// <summary>
    /// A required accounting <c>updated</c> timestamp (US/Eastern) as UTC. Where FreshBooks sends none, the record's creation
    /// time (<paramref name="createdAt"/>) stands in; a value that is present but unreadable fails, as does having neither.
    /// </summary>
    public static DateTimeOffset RequiredEasternUpdated(string? updated, string? createdAt) =>
        RequiredInstant(updated, "updated", createdAt, "created_at", EasternTime.ParseToUtc);

    /// <summary>A required UTC timestamp; missing or unreadable fails.</summary>
    public static DateTimeOffset RequiredUtc(string? text, string field) =>
        RequiredInstant(text, field, null, null, Utc);

    /// <summary>A required UTC timestamp (<c>updated_at</c>), or <paramref name="fallback"/> where none is sent; unreadable or neither fails.</summary>
    public static DateTimeOffset RequiredUtc(string? text, string field, string? fallback, string fallbackField = "created_at") =>
        RequiredInstant(text, field, fallback, fallbackField, Utc);

    /// <summary>A required date-only field (<c>YYYY-MM-DD</c>): missing, empty or not a real date fails, never 0001-01-01.</summary>
    public static DateOnly RequiredDate(string? text, string field) =>
        OptionalDate(text, field) ?? throw new FormatException($"The required field '{field}' is missing or empty.");

    /// <summary>A required reference to another record (a client, an invoice): missing or FreshBooks' 0 fails.</summary>
    public static string RequiredReference(long? id, string field) =>
        Reference(id) ?? throw new FormatException($"The required field '{field}' is missing or 0.");

    /// <summary>A required flag: missing fails rather than reading as false.</summary>
    public static bool RequiredFlag(bool? value, string field) =>
        value ?? throw new FormatException($"The required field '{field}' is missing.");

    /// <summary>Provider text quoted in an error: in quotes, cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string? text) => text is null ? "null" : $"'{Bounded(text)}'";

    private static string? Bounded(string? text) =>
        text is null || text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "…");

    private static DateTimeOffset RequiredInstant(string? text, string field, string? fallback, string? fallbackField, Func<string?, DateTimeOffset?> parse)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return parse(text) ?? throw new FormatException($"The field '{field}' is {Quote(text)}, not a timestamp Ledgerline can read.");
        }

        if (string.IsNullOrWhiteSpace(fallback))
        {
            throw new FormatException(fallbackField is null
                ? $"The required field '{field}' is missing or empty."
                : $"The required field '{field}' is missing or empty, and so is '{fallbackField}'.");
        }

        return parse(fallback) ?? throw new FormatException($"The field '{fallbackField}' is {Quote(fallback)}, not a timestamp Ledgerline can read.");
    }

    /// <summary>An optional date-only field: null when absent, an unreadable value when present but not <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly? OptionalDate(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Date(text) ?? throw new FormatException($"The field '{field}' is {Quote(text)}, not a YYYY-MM-DD date.");
}
