namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>
/// A tax rate: a name and one or more components (<see cref="Rate"/> is a percentage, 15 for 15 %). The organisation's
/// regime comes with system rates (<see cref="IsSystem"/>), which cannot be changed; rates the organisation adds get a
/// <c>TAX001</c>-style <see cref="TaxType"/>.
/// </summary>
internal sealed class TaxRate : XeroEntity
{
    public required string Name { get; set; }

    public required string TaxType { get; init; }

    public required string ReportTaxType { get; set; }

    public required bool CanApplyToRevenue { get; set; }

    public required bool CanApplyToExpenses { get; set; }

    public List<TaxComponent> Components { get; set; } = [];

    public string Status { get; set; } = "ACTIVE";

    /// <summary>A rate of the organisation's regime (seeded), as opposed to one added through the API.</summary>
    public bool IsSystem { get; init; }

    /// <summary>Xero's <c>DisplayTaxRate</c>: the components' rates added up.</summary>
    public decimal DisplayRate => Components.Sum(c => c.Rate);

    /// <summary>
    /// Xero's <c>EffectiveRate</c>, the rate charged on a line amount: the simple components added up (S), plus each
    /// compound component charged on the amount with those taxes, <c>c × (100 + S) / 100</c>, to 4 dp.
    /// </summary>
    public decimal Rate
    {
        get
        {
            var simple = Components.Where(c => !c.IsCompound).Sum(c => c.Rate);
            var compound = Components.Where(c => c.IsCompound).Sum(c => c.Rate * (100m + simple) / 100m);
            return Math.Round(simple + compound, 4, MidpointRounding.AwayFromZero);
        }
    }

    public override XeroEntity Copy()
    {
        var copy = (TaxRate)MemberwiseClone();
        copy.Components = [.. Components];
        return copy;
    }
}

/// <summary>One component of a tax rate (Xero's <c>TaxComponent</c>).</summary>
internal sealed record TaxComponent(string Name, decimal Rate, bool IsCompound);
