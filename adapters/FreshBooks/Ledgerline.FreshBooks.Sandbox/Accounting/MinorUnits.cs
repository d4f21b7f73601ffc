namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>
/// How many decimal places a currency's amounts have (its ISO-4217 minor unit), for rounding computed amounts.
/// *Decision* (the reference is silent): the sandbox accepts any well-formed currency code and rounds line amounts, taxes
/// and discounts to the currency's minor unit, so a JPY invoice has no decimals and a KWD invoice three.
/// </summary>
internal static class MinorUnits
{
    private static readonly Dictionary<string, int> NotTwo = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0,
        ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    };

    public static int Of(string currencyCode) => NotTwo.TryGetValue(currencyCode, out var decimals) ? decimals : 2;

    public static decimal Round(decimal amount, int decimals) => decimal.Round(amount, decimals, MidpointRounding.AwayFromZero);
}
