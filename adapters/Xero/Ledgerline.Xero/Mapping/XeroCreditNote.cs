using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// A Xero customer credit note (<c>ACCRECCREDIT</c>) read once into canonical lines, amounts and allocations
/// (<see cref="XeroLines"/>; the line <c>Description</c> holds the name, then the description, as on invoices). Xero takes
/// no discounts on credit notes, so Σ line amounts + <c>TotalTax</c> = <c>Total</c> must hold exactly; and, but on voided
/// and deleted credit notes, Total − Σ allocations − Σ refunds (Xero payments out of the credit) = <c>RemainingCredit</c>.
/// </summary>
/// <param name="Wire">The credit note as Xero sent it.</param>
internal sealed record XeroCreditNote(CreditNoteWire Wire)
{
    public CurrencyCode Currency { get; } = XeroValues.Currency(Wire.CurrencyCode, "CurrencyCode");

    public bool Inclusive { get; private init; }

    public IReadOnlyList<InvoiceLine> Lines { get; private init; } = [];

    public decimal Subtotal { get; private init; }

    public decimal Tax { get; private init; }

    public decimal Total { get; private init; }

    public decimal Remaining { get; private init; }

    public IReadOnlyList<CreditAllocation> Allocations { get; private init; } = [];

    /// <summary>Reads the lines, amounts and allocations; throws <see cref="FormatException"/> for missing or inconsistent values.</summary>
    public static XeroCreditNote Of(CreditNoteWire wire, IReadOnlyDictionary<string, TaxRateWire> taxRates)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (wire.Type != "ACCRECCREDIT")
        {
            throw new FormatException($"Xero sent a credit note of type '{wire.Type}' where a customer credit note (ACCRECCREDIT) was expected.");
        }

        var note = new XeroCreditNote(wire);
        var read = XeroLines.Read(wire.LineAmountTypes, wire.LineItems, wire.TotalTax, wire.Total, taxRates, "credit note", wire.SubTotal);
        if (read.Discount != 0m)
        {
            throw new FormatException($"Xero sent a credit note with line discounts ({read.Discount}), which Xero does not allow on credit notes.");
        }

        var allocations = (wire.Allocations ?? []).Select(a => new CreditAllocation(
            XeroValues.Required(a.Invoice?.InvoiceID, "Allocations.Invoice.InvoiceID"),
            new Money(XeroValues.Required(a.Amount, "Allocations.Amount"), note.Currency),
            XeroValues.Date(a.Date, "Allocations.Date"))).ToList();
        var refunded = (wire.Payments ?? []).Sum(p => XeroValues.Required(p.Amount, "Payments.Amount"));
        var remaining = XeroValues.Required(wire.RemainingCredit, "RemainingCredit");
        var allocated = allocations.Sum(a => a.Amount.Amount);
        if (wire.Status is not ("VOIDED" or "DELETED") && read.Total - allocated - refunded != remaining)
        {
            throw new FormatException(
                $"Xero's credit note amounts do not add up: Total {read.Total} − allocations {allocated} − refunds {refunded} ≠ RemainingCredit {remaining}.");
        }

        return note with
        {
            Inclusive = read.Inclusive,
            Lines = [.. read.Lines.Select(line =>
            {
                var (name, description) = XeroInvoice.SplitDescription(line.Wire.Description);
                return new InvoiceLine
                {
                    Id = XeroValues.Text(line.Wire.LineItemID),
                    Name = name,
                    Description = description,
                    Quantity = line.Quantity,
                    UnitPrice = new Money(line.UnitAmount, note.Currency),
                    Amount = new Money(line.Amount, note.Currency),
                    Taxes = line.Taxes,
                };
            })],
            Subtotal = read.Subtotal,
            Tax = read.Tax,
            Total = read.Total,
            Remaining = remaining,
            Allocations = allocations,
        };
    }
}
