using System.Globalization;
using BenchmarkDotNet.Attributes;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// Money parsing: FreshBooks sends amounts as strings (<c>{"amount":"41.94","code":"CAD"}</c>), sometimes with many
/// digits. Compared with a bare invariant <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>.
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet derives its generated runner from benchmark classes.</remarks>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private static readonly CurrencyCode Usd = FreshBooksValues.Currency("USD") ?? throw new InvalidOperationException("USD is not known.");
    private MoneyWire _wire = new();

    /// <summary>The amount text: a typical price, and a long-precision amount as FreshBooks sends some computed values.</summary>
    [Params("41.94", "-7.60133524082021936099189318")]
    public string Amount { get; set; } = "41.94";

    /// <summary>Builds the wire money object for the amount.</summary>
    [GlobalSetup]
    public void Setup() => _wire = new MoneyWire { Amount = Amount, Code = "USD" };

    /// <summary>The floor: invariant decimal parse with the same number styles.</summary>
    [Benchmark(Baseline = true, Description = "decimal.TryParse (floor)")]
    public decimal DecimalTryParse() =>
        decimal.TryParse(Amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : -1m;

    /// <summary>The canonical parse with a known currency.</summary>
    [Benchmark(Description = "Money.Parse")]
    public decimal MoneyParse() => Money.Parse(Amount, Usd).Amount;

    /// <summary>The adapter's read of a wire money object, currency code included.</summary>
    [Benchmark(Description = "FreshBooksValues.Money (wire object)")]
    public decimal WireMoney() => FreshBooksValues.Money(_wire, null).Amount;
}
