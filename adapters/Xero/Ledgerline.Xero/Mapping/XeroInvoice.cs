using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// A Xero sales invoice read once into canonical lines and amounts: lines and totals as every Xero document has them
/// (<see cref="XeroLines"/>: Subtotal = Σ line amounts before discount, Discount = Σ line discounts, Tax = <c>TotalTax</c>,
/// Total = <c>Total</c>, checked to add up), then paid, credited and due, checked against the total. The line
/// <c>Description</c> holds the canonical name, then the description after a line break.
/// </summary>
internal sealed record XeroInvoice(InvoiceWire Wire, IReadOnlyDictionary<string, TaxRateWire> TaxRates)
{
    public CurrencyCode Currency { get; } = XeroValues.Currency(Wire.CurrencyCode, "CurrencyCode");

    public bool Inclusive => Wire.LineAmountTypes == "Inclusive";

    public IReadOnlyList<InvoiceLine> Lines { get; private init; } = [];

    public decimal Subtotal { get; private init; }

    public decimal Discount { get; private init; }

    public decimal DiscountPercent { get; private init; }

    public decimal Tax { get; private init; }

    public decimal Total { get; private init; }

    public decimal Paid { get; private init; }

    public decimal Credited { get; private init; }

    public decimal Due { get; private init; }

    /// <summary>Reads the lines and amounts; throws <see cref="FormatException"/> for missing or inconsistent values.</summary>
    public static XeroInvoice Of(InvoiceWire wire, IReadOnlyDictionary<string, TaxRateWire> taxRates)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (wire.Type != "ACCREC")
        {
            throw new FormatException($"Xero sent a document of type '{wire.Type}' where a sales invoice (ACCREC) was expected.");
        }

        var invoice = new XeroInvoice(wire, taxRates);
        var read = XeroLines.Read(wire.LineAmountTypes, wire.LineItems, wire.TotalTax, wire.Total, taxRates, "invoice", wire.SubTotal, wire.TotalDiscount);
        var lines = read.Lines.Select(line =>
        {
            var (name, description) = SplitDescription(line.Wire.Description);
            return new InvoiceLine
            {
                Id = XeroValues.Text(line.Wire.LineItemID),
                Name = name,
                Description = description,
                Quantity = line.Quantity,
                UnitPrice = new Money(line.UnitAmount, invoice.Currency),
                Amount = new Money(line.Amount, invoice.Currency),
                Taxes = line.Taxes,
            };
        }).ToList();
        var rates = read.Lines.Select(l => l.Wire.DiscountRate ?? 0m).ToHashSet();
        var amountDiscounts = read.Lines.Any(l => l.Wire.DiscountAmount is not null);
        var (subtotal, discount, totalTax, total) = (read.Subtotal, read.Discount, read.Tax, read.Total);

        var paid = XeroValues.Required(wire.AmountPaid, "AmountPaid");
        var credited = wire.AmountCredited ?? 0m;
        var due = XeroValues.Required(wire.AmountDue, "AmountDue");
        if (wire.Status is not ("VOIDED" or "DELETED") && total - paid - credited != due)
        {
            throw new FormatException($"Xero's invoice amounts do not add up: Total {total} − AmountPaid {paid} − AmountCredited {credited} ≠ AmountDue {due}.");
        }

        return invoice with
        {
            Lines = lines,
            Subtotal = subtotal,
            Discount = discount,
            DiscountPercent = discount == 0m ? 0m
                : !amountDiscounts && rates.Count == 1 ? rates.Single()
                : subtotal == 0m ? 0m : Math.Round(discount / subtotal * 100m, 4, MidpointRounding.AwayFromZero),
            Tax = totalTax,
            Total = total,
            Paid = paid,
            Credited = credited,
            Due = due,
        };
    }

    /// <summary>Xero's line <c>Description</c> holds the canonical name, then (after a line break) the description.</summary>
    internal static (string Name, string? Description) SplitDescription(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (string.Empty, null);
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (text, null) : (text[..newline].TrimEnd('\r'), XeroValues.Text(text[(newline + 1)..]));
    }

    /// <summary>The canonical line text as Xero's one <c>Description</c>.</summary>
    internal static string JoinDescription(string name, string? description) =>
        string.IsNullOrEmpty(description) ? name : name + "\n" + description;
}
