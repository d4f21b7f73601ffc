namespace Ledgerline.InMemory.Invoices;

/// <summary>
/// The one place invoice amounts and the payment-driven status are computed, following Ledgerline's canonical rules:
/// line amount = round(quantity × unit price); discount = round(subtotal × discount%) taken before tax;
/// tax = round(Σ line amount × (1 − discount%) × tax%); total = subtotal − discount + tax; due = total − paid − credited.
/// Rounding is to the currency's ISO-4217 minor unit (2 places for USD, none for JPY, 3 for KWD), half away from zero,
/// as invoices round.
/// </summary>
internal static class InvoiceCalculator
{
    public static InvoiceLine Line(NewInvoiceLine line, string id) => new()
    {
        Id = id,
        Name = line.Name,
        Description = line.Description,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        Amount = (line.UnitPrice * line.Quantity).Round(),
        Taxes = [.. line.Taxes],
    };

    /// <summary>Returns <paramref name="invoice"/> with every amount and the status recomputed from its lines, payments and credits.</summary>
    /// <exception cref="OverflowException">The amounts exceed what a decimal holds.</exception>
    public static Invoice Settle(Invoice invoice, Money amountPaid, Money amountCredited)
    {
        var (subtotal, discount, tax, total) = Totals(invoice.Lines, invoice.DiscountPercent, invoice.Currency);
        var status = Status(invoice.Status, total, amountPaid + amountCredited);
        return invoice with
        {
            Subtotal = subtotal,
            Discount = discount,
            Tax = tax,
            Total = total,
            AmountPaid = amountPaid,
            AmountCredited = amountCredited,
            AmountDue = total - amountPaid - amountCredited,
            Status = status,
            ProviderStatus = status.ToString(),
        };
    }

    /// <summary>The totals of a document's lines (invoice, estimate, …) with a discount taken before tax.</summary>
    /// <exception cref="OverflowException">The amounts exceed what a decimal holds.</exception>
    public static (Money Subtotal, Money Discount, Money Tax, Money Total) Totals(IReadOnlyList<InvoiceLine> lines, decimal discountPercent, CurrencyCode currency)
    {
        var subtotal = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        var discount = (subtotal * (discountPercent / 100m)).Round();
        var taxable = 1m - (discountPercent / 100m);
        var tax = new Money(lines.Sum(line => line.Taxes.Sum(t => line.Amount.Amount * taxable * (t.Percent / 100m))), currency).Round();
        return (subtotal, discount, tax, subtotal - discount + tax);
    }

    /// <summary>Paid when payments cover a positive total; partially paid when some but not all is paid; else back to unpaid.</summary>
    public static InvoiceStatus Status(InvoiceStatus current, Money total, Money paid) =>
        total.Amount > 0m && paid >= total ? InvoiceStatus.Paid
        : paid.Amount > 0m && paid < total ? InvoiceStatus.PartiallyPaid
        : current is InvoiceStatus.Paid or InvoiceStatus.PartiallyPaid or InvoiceStatus.Unknown ? InvoiceStatus.Draft
        : current;
}
