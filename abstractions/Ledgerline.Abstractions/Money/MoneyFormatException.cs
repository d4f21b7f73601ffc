namespace Ledgerline;

/// <summary>A money amount could not be parsed. The raw text is kept so that bad provider data can be reported and traced.</summary>
public sealed class MoneyFormatException : FormatException
{
    /// <summary>Creates the exception for the given raw text.</summary>
    public MoneyFormatException(string? rawText, CurrencyCode currency)
        : base(currency.IsDefault
            ? $"Amount '{rawText}' has no valid currency."
            : $"'{rawText}' is not a valid {currency} amount: expected a plain decimal such as 41.94, using '.' as the decimal point.")
    {
        RawText = rawText;
        Currency = currency;
    }

    /// <summary>The text that failed to parse, exactly as received.</summary>
    public string? RawText { get; }

    /// <summary>The currency the amount was meant to be in.</summary>
    public CurrencyCode Currency { get; }
}

/// <summary>Arithmetic or comparison was attempted between amounts of two different currencies.</summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public CurrencyMismatchException(CurrencyCode left, CurrencyCode right)
        : base($"Cannot combine {left} and {right} amounts: Ledgerline never converts currencies implicitly.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The left operand's currency.</summary>
    public CurrencyCode Left { get; }

    /// <summary>The right operand's currency.</summary>
    public CurrencyCode Right { get; }
}
