namespace Ledgerline.Xero.Sandbox.Hosting;

/// <summary>Xero's rounding: money to 2 dp, unit amounts to 2 dp (4 with <c>unitdp=4</c>), quantities to 4 dp.</summary>
internal static class XeroNumbers
{
    /// <summary>Amounts beyond this would overflow line arithmetic; the sandbox refuses them.</summary>
    public const decimal MaxMagnitude = 999_999_999_999m;

    /// <summary>Half away from zero, as accounting rounding does; the trailing zeros keep the wire form at <c>40.00</c>.</summary>
    public static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static decimal Unit(decimal value, int unitdp) =>
        unitdp == 4 ? Math.Round(value, 4, MidpointRounding.AwayFromZero) + 0.0000m : Money(value);

    public static decimal Quantity(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero) + 0.0000m;

    /// <summary>Currency rates are written with 6 dp, e.g. <c>1.000000</c>.</summary>
    public static decimal Rate(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero) + 0.000000m;
}
