using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// A Xero bill (an <c>ACCPAY</c> invoice) read once into canonical lines and amounts (<see cref="XeroLines"/>). Xero takes
/// no discounts on bills, so Σ line amounts + <c>TotalTax</c> = <c>Total</c> must hold exactly. Paid is
/// <c>AmountPaid</c> + <c>AmountCredited</c> (supplier credit settles a bill as a payment does; FreshBooks counts credit
/// as payments too), and Total − paid = <c>AmountDue</c> must hold but on voided and deleted bills.
/// </summary>
/// <param name="Wire">The bill as Xero sent it.</param>
internal sealed record XeroBill(InvoiceWire Wire)
{
    public CurrencyCode Currency { get; } = XeroValues.Currency(Wire.CurrencyCode, "CurrencyCode");

    public bool Inclusive { get; private init; }

    public IReadOnlyList<BillLine> Lines { get; private init; } = [];

    public decimal Subtotal { get; private init; }

    public decimal Tax { get; private init; }

    public decimal Total { get; private init; }

    public decimal Paid { get; private init; }

    public decimal Due { get; private init; }

    /// <summary>Reads the lines and amounts; throws <see cref="FormatException"/> for missing or inconsistent values.</summary>
    public static XeroBill Of(InvoiceWire wire, IReadOnlyDictionary<string, TaxRateWire> taxRates)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (wire.Type != "ACCPAY")
        {
            throw new FormatException($"Xero sent a document of type '{wire.Type}' where a bill (ACCPAY) was expected.");
        }

        var bill = new XeroBill(wire);
        var read = XeroLines.Read(wire.LineAmountTypes, wire.LineItems, wire.TotalTax, wire.Total, taxRates, "bill", wire.SubTotal, wire.TotalDiscount);
        if (read.Discount != 0m)
        {
            throw new FormatException($"Xero sent a bill with line discounts ({read.Discount}), which Xero does not allow on bills.");
        }

        var paid = XeroValues.Required(wire.AmountPaid, "AmountPaid") + (wire.AmountCredited ?? 0m);
        var due = XeroValues.Required(wire.AmountDue, "AmountDue");
        if (wire.Status is not ("VOIDED" or "DELETED") && read.Total - paid != due)
        {
            throw new FormatException($"Xero's bill amounts do not add up: Total {read.Total} − AmountPaid and AmountCredited {paid} ≠ AmountDue {due}.");
        }

        return bill with
        {
            Inclusive = read.Inclusive,
            Lines = [.. read.Lines.Select(line => new BillLine
            {
                Id = XeroValues.Text(line.Wire.LineItemID),
                Description = line.Wire.Description ?? string.Empty,
                Quantity = line.Quantity,
                UnitPrice = new Money(line.UnitAmount, bill.Currency),
                Amount = new Money(line.Amount, bill.Currency),
                CategoryId = XeroValues.Text(line.Wire.AccountCode),
                Taxes = line.Taxes,
            })],
            Subtotal = read.Subtotal,
            Tax = read.Tax,
            Total = read.Total,
            Paid = paid,
            Due = due,
        };
    }
}
