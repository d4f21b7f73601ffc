using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// A Xero sales invoice read once into canonical lines and amounts, with the organisation's tax rates (a line names its
/// tax only by <c>TaxType</c>). Xero's totals are authoritative; the canonical ones are read from them so that
/// subtotal − discount + tax = total exactly, and a document whose own numbers do not add up is invalid provider data.
/// </summary>
/// <remarks>
/// Per line, with Xero's <c>LineAmount</c> (after discount; including tax when <c>LineAmountTypes</c> is
/// <c>Inclusive</c>) and <c>TaxAmount</c>: the amount before discount is <c>LineAmount + DiscountAmount</c>, or
/// <c>round(Quantity × UnitAmount, 2)</c> with a <c>DiscountRate</c> (Xero's own formula), else <c>LineAmount</c>; the
/// line's discount is the difference. The canonical line amount is that amount, less the line's tax for an Inclusive
/// invoice. So Subtotal = Σ amounts, Discount = Σ line discounts, Tax = <c>TotalTax</c>, Total = <c>Total</c>.
/// </remarks>
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
        var kind = wire.LineAmountTypes switch
        {
            "Exclusive" or "Inclusive" or "NoTax" => wire.LineAmountTypes,
            _ => throw new FormatException($"Xero sent LineAmountTypes '{wire.LineAmountTypes}', which is not Exclusive, Inclusive or NoTax."),
        };
        var lines = new List<InvoiceLine>(wire.LineItems?.Count ?? 0);
        decimal subtotal = 0m, discount = 0m, lineTax = 0m;
        var rates = new HashSet<decimal>();
        var amountDiscounts = false;
        foreach (var line in wire.LineItems ?? [])
        {
            var quantity = XeroValues.Required(line.Quantity, "LineItems.Quantity");
            var unit = XeroValues.Required(line.UnitAmount, "LineItems.UnitAmount");
            var lineAmount = XeroValues.Required(line.LineAmount, "LineItems.LineAmount");
            var tax = kind == "NoTax" ? 0m : line.TaxAmount ?? 0m;
            var gross = line.DiscountAmount is { } off ? lineAmount + off
                : line.DiscountRate is { } rate && rate != 0m ? Math.Round(quantity * unit, 2, MidpointRounding.AwayFromZero)
                : lineAmount;
            amountDiscounts |= line.DiscountAmount is not null;
            rates.Add(line.DiscountRate ?? 0m);
            var amount = kind == "Inclusive" ? gross - tax : gross;
            subtotal += amount;
            discount += gross - lineAmount;
            lineTax += tax;
            var (name, description) = SplitDescription(line.Description);
            lines.Add(new InvoiceLine
            {
                Id = XeroValues.Text(line.LineItemID),
                Name = name,
                Description = description,
                Quantity = quantity,
                UnitPrice = new Money(unit, invoice.Currency),
                Amount = new Money(amount, invoice.Currency),
                Taxes = kind == "NoTax" ? [] : [LineTaxOf(line.TaxType, taxRates)],
            });
        }

        var totalTax = XeroValues.Required(wire.TotalTax, "TotalTax");
        var total = XeroValues.Required(wire.Total, "Total");
        if (subtotal - discount + totalTax != total || (kind == "Inclusive" && lineTax != totalTax))
        {
            throw new FormatException(
                $"Xero's invoice amounts do not add up: lines {subtotal} − discount {discount} + TotalTax {totalTax} ≠ Total {total}.");
        }

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

    private static LineTax LineTaxOf(string? taxType, IReadOnlyDictionary<string, TaxRateWire> taxRates)
    {
        var type = XeroValues.Required(taxType, "LineItems.TaxType");
        if (!taxRates.TryGetValue(type, out var rate))
        {
            throw new FormatException($"Xero sent TaxType '{type}', which is not one of the organisation's tax rates.");
        }

        var percent = rate.EffectiveRate ?? rate.DisplayTaxRate ?? throw new FormatException($"Xero's tax rate '{type}' has no rate.");
        return new LineTax(XeroValues.Required(rate.Name, "TaxRates.Name"), percent) { TaxRateId = type };
    }
}
