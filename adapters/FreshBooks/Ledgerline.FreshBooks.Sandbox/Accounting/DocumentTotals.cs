namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>
/// The totals of an invoice-shaped document (invoice, estimate, credit note). FreshBooks computes the discount before
/// tax, on each taxed line; each line's taxes round to the currency's minor unit on their own.
/// </summary>
internal readonly record struct DocumentTotals(decimal Subtotal, decimal DiscountTotal, decimal Tax, decimal Amount)
{
    public static DocumentTotals Compute(IReadOnlyList<InvoiceLine> lines, decimal discountPercent, string currency)
    {
        decimal subtotal = 0, tax = 0;
        var decimals = MinorUnits.Of(currency);
        var factor = 1 - (discountPercent / 100m);
        foreach (var line in lines)
        {
            line.Decimals = decimals;
            subtotal += line.Amount;
            var taxable = line.Amount * factor;
            var t1 = line.TaxAmount1 is { } p1 ? MinorUnits.Round(taxable * p1 / 100m, decimals) : 0;
            var base2 = line.CompoundedTax ? taxable + t1 : taxable;
            var t2 = line.TaxAmount2 is { } p2 ? MinorUnits.Round(base2 * p2 / 100m, decimals) : 0;
            tax += t1 + t2;
        }

        var discount = -MinorUnits.Round(subtotal * discountPercent / 100m, decimals);
        return new DocumentTotals(subtotal, discount, tax, subtotal + discount + tax);
    }
}
