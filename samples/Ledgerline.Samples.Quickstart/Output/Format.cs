using System.Globalization;

namespace Ledgerline.Samples.Quickstart.Output;

/// <summary>How the quickstart shows values: always the invariant culture, so output reads the same on every machine.</summary>
internal static class Format
{
    /// <summary><c>1,780.20</c>: the amount with two decimals and thousands separators, no currency.</summary>
    public static string Amount(Money money) => money.Amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary><c>1,780.20 USD</c>.</summary>
    public static string Money(Money money) => $"{Amount(money)} {money.Currency}";

    /// <summary><c>10</c>, <c>2.5</c>: a quantity or percentage without trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary><c>2025-03-14</c>.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    /// <summary><c>HST 13%</c>, or <c>-</c> for an untaxed line.</summary>
    public static string Taxes(IReadOnlyList<LineTax> taxes) =>
        taxes.Count == 0 ? "-" : string.Join(", ", taxes.Select(t => $"{t.Name} {Number(t.Percent)}%"));

    /// <summary>Seconds with one decimal: <c>2.4 s</c>.</summary>
    public static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
