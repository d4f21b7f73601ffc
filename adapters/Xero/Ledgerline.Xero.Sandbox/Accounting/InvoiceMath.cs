using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// Xero's line and total arithmetic. Per line: <c>LineAmount = round2(Quantity × UnitAmount × (100 − DiscountRate)/100)</c>
/// or <c>round2(Quantity × UnitAmount − DiscountAmount)</c>; tax per line, rounded per line (Xero's default "round
/// per line" organisation setting): Exclusive <c>round2(LineAmount × r)</c>, Inclusive <c>round2(LineAmount × r/(1+r))</c>,
/// NoTax 0. Totals: Exclusive SubTotal = ΣLineAmount, Total = SubTotal + TotalTax; Inclusive Total = ΣLineAmount,
/// SubTotal = Total − TotalTax; NoTax Total = SubTotal = ΣLineAmount.
/// </summary>
internal static class InvoiceMath
{
    public static decimal LineAmount(decimal quantity, decimal unitAmount, decimal? discountRate, decimal? discountAmount)
    {
        var gross = quantity * unitAmount;
        if (discountRate is { } rate)
        {
            return XeroNumbers.Money(gross * (100m - rate) / 100m);
        }

        return XeroNumbers.Money(discountAmount is { } amount ? gross - amount : gross);
    }

    /// <summary>Tax of one line at <paramref name="ratePercent"/> under the document's line amount type.</summary>
    public static decimal LineTax(decimal lineAmount, decimal ratePercent, string lineAmountTypes)
    {
        var r = ratePercent / 100m;
        return lineAmountTypes switch
        {
            "Exclusive" => XeroNumbers.Money(lineAmount * r),
            "Inclusive" => XeroNumbers.Money(lineAmount * r / (1m + r)),
            _ => 0.00m,
        };
    }

    public static void Totals(Invoice invoice) =>
        (invoice.SubTotal, invoice.TotalTax, invoice.Total, invoice.TotalDiscount) = Totals(invoice.LineItems, invoice.LineAmountTypes);

    public static (decimal SubTotal, decimal TotalTax, decimal Total, decimal TotalDiscount) Totals(IReadOnlyList<LineItem> lineItems, string lineAmountTypes)
    {
        var lines = lineItems.Sum(l => l.LineAmount);
        var tax = XeroNumbers.Money(lineItems.Sum(l => l.TaxAmount));
        var discount = XeroNumbers.Money(lineItems.Sum(l =>
            l.DiscountRate is not null || l.DiscountAmount is not null ? XeroNumbers.Money(l.Quantity * l.UnitAmount) - l.LineAmount : 0m));
        return lineAmountTypes == "Inclusive"
            ? (XeroNumbers.Money(lines - tax), tax, XeroNumbers.Money(lines), discount)
            : (XeroNumbers.Money(lines), tax, XeroNumbers.Money(lines + tax), discount);
    }
}
