using System.Globalization;

namespace Ledgerline;

/// <summary>
/// An exact amount of one currency. Amounts are <see cref="decimal"/>, never floating point, and keep every digit the
/// provider sent. Arithmetic is defined only between amounts of the same currency.
/// </summary>
/// <param name="Amount">The amount, exactly as given.</param>
/// <param name="Currency">The ISO-4217 currency.</param>
public readonly record struct Money(decimal Amount, CurrencyCode Currency) : IComparable<Money>
{
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(CurrencyCode currency) => new(0m, currency);

    /// <summary>
    /// Parses a provider amount string such as <c>"41.94"</c> or <c>"-7.60133524082021936099189318"</c> with the
    /// invariant culture. Thousands separators, exponents, white space and symbols are rejected.
    /// </summary>
    /// <exception cref="MoneyFormatException">The text is not a plain decimal number; it keeps the raw text.</exception>
    public static Money Parse(string? amount, CurrencyCode currency) =>
        TryParse(amount, currency, out var money) ? money : throw new MoneyFormatException(amount, currency);

    /// <summary>Tries to parse a provider amount string; see <see cref="Parse(string?, CurrencyCode)"/>.</summary>
    public static bool TryParse(string? amount, CurrencyCode currency, out Money money)
    {
        money = default;
        if (string.IsNullOrEmpty(amount) || currency.IsDefault ||
            !decimal.TryParse(amount, AmountStyle, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        money = new Money(value, currency);
        return true;
    }

    /// <summary>
    /// The amount rounded to the currency's minor unit (<see cref="CurrencyCode.MinorUnit"/>: 2 places for USD, none for
    /// JPY, 3 for KWD), halves away from zero as invoices round. A currency without a minor unit is left as it is.
    /// </summary>
    public Money Round() => Currency.MinorUnit is { } decimals ? Round(decimals) : this;

    /// <summary>The amount rounded to <paramref name="decimals"/> places, halves away from zero (as invoices round).</summary>
    public Money Round(int decimals) => this with { Amount = Math.Round(Amount, decimals, MidpointRounding.AwayFromZero) };

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, Same(left, right));

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, Same(left, right));

    /// <summary>Negates an amount.</summary>
    public static Money operator -(Money value) => value with { Amount = -value.Amount };

    /// <summary>Scales an amount, e.g. quantity × unit price.</summary>
    public static Money operator *(Money value, decimal factor) => value with { Amount = value.Amount * factor };

    /// <summary>Scales an amount, e.g. quantity × unit price.</summary>
    public static Money operator *(decimal factor, Money value) => value * factor;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Negates an amount.</summary>
    public static Money Negate(Money value) => -value;

    /// <summary>Scales an amount.</summary>
    public static Money Multiply(Money value, decimal factor) => value * factor;

    /// <inheritdoc />
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        Same(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>
    /// The amount in invariant culture followed by the currency code, e.g. <c>41.94 CAD</c>; <c>0 (no currency)</c> for
    /// <see langword="default"/>(<see cref="Money"/>), which no Ledgerline record ever holds.
    /// </summary>
    public override string ToString() =>
        Currency.IsDefault
            ? string.Create(CultureInfo.InvariantCulture, $"{Amount} (no currency)")
            : string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    private static CurrencyCode Same(Money left, Money right) =>
        left.Currency == right.Currency ? left.Currency : throw new CurrencyMismatchException(left.Currency, right.Currency);
}
