using System.Diagnostics.CodeAnalysis;

namespace Ledgerline;

/// <summary>
/// An ISO-4217 alphabetic currency code such as <c>USD</c> or <c>CAD</c>. Only codes in the ISO-4217 list are accepted,
/// so a value of this type is always a real currency (except <see langword="default"/>, which <see cref="IsDefault"/> reports).
/// </summary>
public readonly record struct CurrencyCode : ISpanParsable<CurrencyCode>
{
    // The code TryParse read last (see there); only ever an interned upper-case ISO-4217 code, or default.
    private static CurrencyCode _lastRead;

    private readonly string? _value;

    private CurrencyCode(string value) => _value = value;

    /// <summary>The three upper-case letters of the code; empty for <see langword="default"/>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><see langword="true"/> for <c>default(CurrencyCode)</c>, which names no currency.</summary>
    public bool IsDefault => _value is null;

    /// <summary>
    /// The currency's ISO-4217 minor unit: how many decimal places its amounts have (2 for USD, 0 for JPY, 3 for KWD), or
    /// <see langword="null"/> where ISO-4217 defines none (gold, silver, special drawing rights) and for <see langword="default"/>.
    /// Derived amounts (line amounts, tax, discounts) are rounded to it.
    /// </summary>
    public int? MinorUnit => _value is null ? null : Iso4217.NonTwoMinorUnits.TryGetValue(_value, out var units) ? units : 2;

    /// <summary>US dollar.</summary>
    public static CurrencyCode USD { get; } = new("USD");

    /// <summary>Canadian dollar.</summary>
    public static CurrencyCode CAD { get; } = new("CAD");

    /// <summary>Euro.</summary>
    public static CurrencyCode EUR { get; } = new("EUR");

    /// <summary>Pound sterling.</summary>
    public static CurrencyCode GBP { get; } = new("GBP");

    /// <summary>Parses an ISO-4217 code, ignoring case.</summary>
    /// <exception cref="FormatException">The text is not a known ISO-4217 code; the message quotes it.</exception>
    public static CurrencyCode Parse(string s) => Parse(s.AsSpan());

    /// <summary>Parses an ISO-4217 code, ignoring case.</summary>
    /// <exception cref="FormatException">The text is not a known ISO-4217 code; the message quotes it.</exception>
    public static CurrencyCode Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var code)
            ? code
            : throw new FormatException($"'{s.ToString()}' is not an ISO-4217 currency code (expected three letters such as USD).");

    /// <summary>Tries to parse an ISO-4217 code, ignoring case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out CurrencyCode result) => TryParse(s.AsSpan(), out result);

    // Codes are culture-invariant, so the IParsable members are implemented explicitly: the public surface offers no
    // IFormatProvider overloads for analyzers (CA1305) to ask callers for.
    static CurrencyCode IParsable<CurrencyCode>.Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan());

    static CurrencyCode ISpanParsable<CurrencyCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<CurrencyCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CurrencyCode result) =>
        TryParse(s.AsSpan(), out result);

    static bool ISpanParsable<CurrencyCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CurrencyCode result) =>
        TryParse(s, out result);

    /// <summary>Tries to parse an ISO-4217 code, ignoring case.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out CurrencyCode result)
    {
        // A provider's answer names the same currency on every amount (a page of 100 invoices, about 1,800 times): the
        // code read last, matched as it is written, answers without the table. One reference, so reading it is atomic.
        if (_lastRead._value is { } last && s.SequenceEqual(last))
        {
            result = new CurrencyCode(last);
            return true;
        }

        result = default;
        if (s.Length != 3)
        {
            return false;
        }

        Span<char> upper = stackalloc char[3];
        for (var i = 0; i < 3; i++)
        {
            if (!char.IsAsciiLetter(s[i]))
            {
                return false;
            }

            upper[i] = char.ToUpperInvariant(s[i]);
        }

        if (!Iso4217.Codes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(upper, out var interned))
        {
            return false;
        }

        result = new CurrencyCode(interned);
        _lastRead = result;
        return true;
    }

    /// <summary>Returns the three-letter code.</summary>
    public override string ToString() => Value;
}
