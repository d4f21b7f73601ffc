using System.Net.Mail;
using FluentValidation;

namespace Ledgerline.Validation;

/// <summary>Rules on money, currencies and dates shared by every input.</summary>
internal static class CommonRules
{
    /// <summary>A plain address such as <c>ada@example.com</c>: no display name, no angle brackets, a dotted domain.</summary>
    public static bool IsEmailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > InputLimits.Email || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') &&
            MailAddress.TryCreate(value, out var address) && string.Equals(address.Address, value, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="percent"/> is a rate from 0 to 100 inclusive.</summary>
    public static bool IsPercent(decimal percent) => percent is >= 0m and <= 100m;

    /// <summary>A set currency must name a real currency (<c>default(CurrencyCode)</c> names none).</summary>
    public static IRuleBuilderOptions<T, CurrencyCode?> KnownCurrency<T>(this IRuleBuilder<T, CurrencyCode?> rule) =>
        rule.Must(c => c is not { IsDefault: true })
            .WithMessage("'{PropertyName}' is default(CurrencyCode); use CurrencyCode.Parse(\"USD\") or a named code such as CurrencyCode.USD.")
            .WithErrorCode("CurrencyRequired");

    /// <summary>The currency must name a real currency (<c>default(CurrencyCode)</c> names none).</summary>
    public static IRuleBuilderOptions<T, CurrencyCode> KnownCurrency<T>(this IRuleBuilder<T, CurrencyCode> rule) =>
        rule.Must(c => !c.IsDefault)
            .WithMessage("'{PropertyName}' is default(CurrencyCode); use CurrencyCode.Parse(\"USD\") or a named code such as CurrencyCode.USD.")
            .WithErrorCode("CurrencyRequired");

    /// <summary>A positive amount in a real currency.</summary>
    public static IRuleBuilderOptions<T, Money> PositiveMoney<T>(this IRuleBuilder<T, Money> rule) =>
        rule.Must(m => !m.Currency.IsDefault)
            .WithMessage("'{PropertyName}' has no currency; create it as new Money(amount, CurrencyCode.USD).")
            .WithErrorCode("CurrencyRequired")
            .Must(m => m.Amount > 0m)
            .WithMessage((_, m) => $"'{{PropertyName}}' must be greater than zero; it is {m}.")
            .WithErrorCode("AmountNotPositive");

    /// <summary>
    /// An amount that settles a document (a payment, a bill payment, a credit allocation) is counted in the currency's
    /// minor unit: 0.001 USD or 0.5 JPY cannot be paid. (Expense amounts are not held to it: FreshBooks keeps sub-cent ones.)
    /// </summary>
    public static IRuleBuilderOptions<T, Money> InMinorUnits<T>(this IRuleBuilderOptions<T, Money> rule) =>
        rule.Must(WithinMinorUnit)
            .WithMessage((_, m) => $"'{{PropertyName}}' is {m}, finer than {m.Currency} allows ({m.Currency.MinorUnit} decimal places); money that settles a document is counted in the currency's minor unit.")
            .WithErrorCode("FinerThanMinorUnit");

    /// <summary>Whether <paramref name="money"/> has no more decimal places than its currency's minor unit (any, for currencies without one).</summary>
    public static bool WithinMinorUnit(Money money) =>
        money.Currency.MinorUnit is not { } decimals || money.Amount == decimal.Round(money.Amount, decimals);

    /// <summary>A date that was actually set (<c>default(DateOnly)</c> is 0001-01-01, never a real ledger date).</summary>
    public static IRuleBuilderOptions<T, DateOnly> SetDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(d => d != default)
            .WithMessage("'{PropertyName}' is not set (it is default(DateOnly), 0001-01-01).")
            .WithErrorCode("DateRequired");

    /// <summary>A date that, when given, was actually set.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> SetDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d != default(DateOnly))
            .WithMessage("'{PropertyName}' is not set (it is default(DateOnly), 0001-01-01); leave it null to keep the current value.")
            .WithErrorCode("DateRequired");

    /// <summary>
    /// Text that can be sent and kept as written: no lone UTF-16 surrogate (half of a pair, e.g. a string cut in the middle
    /// of an emoji), which UTF-8, and so every provider's JSON, cannot carry (it would arrive as U+FFFD, silently changed),
    /// and no control character other than tab, line feed and carriage return (U+0000–U+001F: invisible, unprintable on
    /// an invoice, and outside what XML 1.0 can carry, which Xero's API also speaks). Refused with the position and code
    /// <c>IllFormedText</c>. Applied after the length rule of every text Ledgerline takes.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WellFormed<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule) =>
        rule.Must(value => value is not string text || IllFormedAt(text) < 0)
            .WithMessage((_, value) => Describe(value as string ?? string.Empty))
            .WithErrorCode("IllFormedText");

    /// <summary>
    /// The index of the first character that makes <paramref name="text"/> ill formed (a lone UTF-16 surrogate, or a
    /// control character other than tab, line feed and carriage return), or −1.
    /// </summary>
    public static int IllFormedAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(string text)
    {
        var at = IllFormedAt(text);
        return at >= 0 && char.IsSurrogate(text[at])
            ? $"'{{PropertyName}}' has a lone UTF-16 surrogate at index {at}: it cannot be sent as written (it would arrive as U+FFFD); give the whole character or remove it."
            : $"'{{PropertyName}}' has the control character U+{(int)text[Math.Max(at, 0)]:X4} at index {at}: only tab, line feed and carriage return are kept in text; remove it.";
    }

    /// <summary>An optional id that, when given, is not blank.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || !string.IsNullOrWhiteSpace(id))
            .WithMessage("'{PropertyName}' must not be blank; leave it null instead.")
            .WithErrorCode("BlankId")
            .MaximumLength(InputLimits.Id).WellFormed();
}
