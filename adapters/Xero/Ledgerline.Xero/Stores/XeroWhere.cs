using System.Globalization;

namespace Ledgerline.Xero.Stores;

/// <summary>Literals of Xero's <c>where</c> filter expressions.</summary>
internal static class XeroWhere
{
    /// <summary>A string literal, quoted and escaped.</summary>
    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A date literal.</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"DateTime({date.Year}, {date.Month:00}, {date.Day:00})");
}
