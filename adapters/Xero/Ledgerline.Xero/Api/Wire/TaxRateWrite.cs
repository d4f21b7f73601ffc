namespace Ledgerline.Xero.Api;

/// <summary>A tax rate as Ledgerline writes it; a null member is left out, so Xero keeps its value. <c>TaxType</c> names the rate a change is for.</summary>
internal sealed record TaxRateWrite
{
    public string? TaxType { get; init; }

    public string? Name { get; init; }

    public string? ReportTaxType { get; init; }

    public IReadOnlyList<TaxComponentWrite>? TaxComponents { get; init; }

    public string? Status { get; init; }
}

/// <summary>One component to write.</summary>
internal sealed record TaxComponentWrite(string Name, decimal Rate, bool IsCompound);

/// <summary>The body of a tax rate write: Xero's plural envelope with one element.</summary>
internal sealed record TaxRatesBody(IReadOnlyList<TaxRateWrite> TaxRates);
