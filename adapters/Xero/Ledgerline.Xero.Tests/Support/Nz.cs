namespace Ledgerline.Xero.Tests.Support;

/// <summary>The sandbox's primary organisation's base currency.</summary>
internal static class Nz
{
    public static CurrencyCode Dollar { get; } = CurrencyCode.Parse("NZD");
}
