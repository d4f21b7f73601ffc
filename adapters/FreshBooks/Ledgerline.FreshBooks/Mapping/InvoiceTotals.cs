using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Checks that an invoice-shaped document's amounts (invoice, estimate, credit note) can be reconciled before its tax is
/// derived from them. FreshBooks sends no tax total: Ledgerline reads tax as total − subtotal + discount, which must then
/// be the tax the lines carry. Each line is taxed on its amount after the document's discount percent, its first tax
/// percent and its second either beside it or compounded on it; FreshBooks rounds each line's taxes to the currency's
/// minor unit. So the derived tax must lie between the line taxes read both ways (compound or not, whichever is lower and
/// higher), widened by half a minor unit per tax applied and one more for the total. A total that no tax explains (one
/// untaxed line of 50.00 on a total of 10.00, which would read as a tax of −40.00) is an unreadable answer, never a
/// made-up tax.
/// </summary>
internal static class InvoiceTotals
{
    /// <summary>The finest minor unit assumed when the amounts themselves carry more decimals.</summary>
    private const int MaxDecimals = 4;

    /// <summary>An amount read in the document's currency; one in another currency is an unreadable answer.</summary>
    public static Money InCurrency(Money amount, CurrencyCode currency, string field) =>
        amount.Currency == currency
            ? amount
            : throw new FormatException($"The field '{field}' is in {amount.Currency}, not the document's currency {currency}.");

    /// <summary>Throws <see cref="FormatException"/> when no tax the lines carry explains total − subtotal + discount.</summary>
    public static void Reconcile(InvoiceWire document, IReadOnlyList<InvoiceLine> lines, Money subtotal, Money discount, Money total)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(lines);
        var tax = total.Amount - subtotal.Amount + discount.Amount;
        var percent = FreshBooksValues.Decimal(document.DiscountValue)
            ?? (subtotal.Amount == 0m ? 0m : discount.Amount / subtotal.Amount * 100m);
        var factor = 1m - (percent / 100m);
        decimal lowest = 0m, highest = 0m;
        var roundings = 1;
        var decimals = Math.Min(Scale(total.Amount), MaxDecimals);
        foreach (var line in lines)
        {
            decimals = line.Amount.Amount == 0m ? decimals : Math.Min(decimals, Scale(line.Amount.Amount));
            var taxable = line.Amount.Amount * factor;
            var first = line.Taxes.Count > 0 ? taxable * line.Taxes[0].Percent / 100m : 0m;
            var beside = line.Taxes.Count > 1 ? first + (taxable * line.Taxes[1].Percent / 100m) : first;
            var compounded = line.Taxes.Count > 1 ? first + ((taxable + first) * line.Taxes[1].Percent / 100m) : first;
            lowest += Math.Min(beside, compounded);
            highest += Math.Max(beside, compounded);
            roundings += line.Taxes.Count;
        }

        var tolerance = roundings * 0.5m * Unit(decimals);
        if (tax < lowest - tolerance || tax > highest + tolerance)
        {
            throw new FormatException(
                $"The total {total} is not the lines' {subtotal} less the discount {discount} plus the tax they carry " +
                $"({Math.Round(lowest, MaxDecimals)} to {Math.Round(highest, MaxDecimals)}): it would mean a tax of {tax}.");
        }
    }

    private static int Scale(decimal amount) => amount.Scale;

    private static decimal Unit(int decimals)
    {
        var unit = 1m;
        for (var i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return unit;
    }
}
