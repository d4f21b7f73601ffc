namespace Ledgerline.Xero.Stores;

/// <summary>
/// How canonical line taxes become Xero's: a line's one tax is named by its <see cref="LineTax.TaxRateId"/> (Xero's
/// <c>TaxType</c>); a document with no tax on any line is <c>NoTax</c>, else <c>Exclusive</c> with a tax on every line.
/// Refused before any request, on <c>Lines</c>: a tax without a tax rate id, two taxes on a line, and taxed and untaxed
/// lines together (Xero taxes every line of a taxed document).
/// </summary>
internal static class XeroLineTaxes
{
    private const string Field = "Lines";

    /// <summary>Xero's <c>LineAmountTypes</c> for lines with these taxes, after checking that Xero can take them.</summary>
    public static string LineAmountTypes(IEnumerable<IReadOnlyList<LineTax>> lines)
    {
        var taxes = lines.ToList();
        var taxed = taxes.Count(t => t.Count > 0);
        if (taxed > 0 && taxed < taxes.Count)
        {
            throw XeroRefusal.Field(Field,
                "Xero taxes every line of a taxed document: give the untaxed lines a zero-rate tax (its TaxRateId), or no line a tax.");
        }

        foreach (var tax in taxes)
        {
            _ = TaxType(tax);
        }

        return taxed == 0 ? "NoTax" : "Exclusive";
    }

    /// <summary>The <c>TaxType</c> of one line's taxes; null for none.</summary>
    public static string? TaxType(IReadOnlyList<LineTax> taxes)
    {
        if (taxes.Count > 1)
        {
            throw XeroRefusal.Field(Field, "Xero applies one tax rate to a line.");
        }

        var tax = taxes.Count == 1 ? taxes[0] : null;
        if (tax is not null && string.IsNullOrWhiteSpace(tax.TaxRateId))
        {
            throw XeroRefusal.Field(Field,
                $"Xero names a line's tax by its tax rate: give '{tax.Name}' the TaxRateId (Xero's TaxType) of one of the organisation's tax rates.");
        }

        return tax?.TaxRateId;
    }
}
