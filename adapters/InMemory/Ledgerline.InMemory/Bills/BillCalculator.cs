namespace Ledgerline.InMemory.Bills;

/// <summary>
/// Bill amounts and the payment-driven status: line amount = round(quantity × unit price); tax = round(Σ line amount ×
/// tax%); total = subtotal + tax; due = total − paid. Rounding is to the currency's minor unit, half away from zero.
/// </summary>
internal static class BillCalculator
{
    public static BillLine Line(NewBillLine line, string id) => new()
    {
        Id = id,
        Description = line.Description,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        Amount = (line.UnitPrice * line.Quantity).Round(),
        CategoryId = line.CategoryId,
        Taxes = [.. line.Taxes],
    };

    /// <exception cref="OverflowException">The amounts exceed what a decimal holds.</exception>
    public static Bill Settle(Bill bill, Money amountPaid)
    {
        var subtotal = bill.Lines.Aggregate(Money.Zero(bill.Currency), (sum, line) => sum + line.Amount);
        var tax = new Money(bill.Lines.Sum(line => line.Taxes.Sum(t => line.Amount.Amount * (t.Percent / 100m))), bill.Currency).Round();
        var total = subtotal + tax;
        var status = total.Amount > 0m && amountPaid >= total ? BillStatus.Paid
            : amountPaid.Amount > 0m ? BillStatus.PartiallyPaid
            : BillStatus.Open;
        return bill with
        {
            Subtotal = subtotal,
            Tax = tax,
            Total = total,
            AmountPaid = amountPaid,
            AmountDue = total - amountPaid,
            Status = status,
            ProviderStatus = status.ToString(),
        };
    }
}
