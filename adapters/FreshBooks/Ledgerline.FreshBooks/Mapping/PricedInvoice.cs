using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// A wire invoice with its lines and amounts read once, the source <see cref="InvoiceRegister"/> maps from. Amounts follow
/// FreshBooks' own arithmetic (discount before tax): the subtotal is the sum of the line amounts, the discount is
/// <c>|discount_total|</c> (else the percent of the subtotal), the total is <c>amount</c>, and paid is <c>paid</c> (else
/// total − <c>outstanding</c>). Line <c>taxAmount1/2</c> are percents.
/// </summary>
/// <param name="Wire">The invoice as FreshBooks sent it.</param>
/// <param name="Currency">The invoice's currency.</param>
/// <param name="Lines">The canonical lines.</param>
/// <param name="Subtotal">The sum of the line amounts.</param>
/// <param name="Discount">The discount, positive.</param>
/// <param name="Total">The total after discount and tax.</param>
/// <param name="Paid">The amount paid.</param>
internal sealed record PricedInvoice(
    InvoiceWire Wire, CurrencyCode Currency, IReadOnlyList<InvoiceLine> Lines, Money Subtotal, Money Discount, Money Total, Money Paid)
{
    /// <summary>Reads the lines and amounts of a wire invoice; a value that does not parse fails here, before mapping.</summary>
    public static PricedInvoice Of(InvoiceWire invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var currency = CurrencyOf(invoice);
        var lines = ReadLines(invoice, currency);
        var subtotal = Ledgerline.Money.Zero(currency);
        foreach (var line in lines)
        {
            subtotal += line.Amount;
        }

        var total = FreshBooksValues.Money(invoice.Amount, currency.Value);
        return new PricedInvoice(invoice, currency, lines, subtotal, DiscountOf(invoice, currency, subtotal), total, PaidOf(invoice, currency, total));
    }

    /// <summary>The due date, or the issue date plus <c>due_offset_days</c>.</summary>
    public static DateOnly? DueDate(InvoiceWire invoice) =>
        FreshBooksValues.Date(invoice.DueDate)
        ?? (FreshBooksValues.Date(invoice.CreateDate) is { } issued && invoice.DueOffsetDays is { } offset ? issued.AddDays(offset) : null);

    /// <summary>The canonical lines of a wire invoice, in its currency.</summary>
    public static IReadOnlyList<InvoiceLine> ReadLines(InvoiceWire invoice, CurrencyCode currency)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Lines is not { Count: > 0 } wires)
        {
            return [];
        }

        var lines = new InvoiceLine[wires.Count];
        for (var i = 0; i < wires.Count; i++)
        {
            var w = wires[i];
            var quantity = FreshBooksValues.Decimal(w.Quantity) ?? 0m;
            var unitPrice = FreshBooksValues.Money(w.UnitCost, currency.Value);
            lines[i] = new InvoiceLine
            {
                Id = FreshBooksValues.Reference(w.LineId),
                Name = w.Name ?? string.Empty,
                Description = FreshBooksValues.Text(w.Description),
                Quantity = quantity,
                UnitPrice = unitPrice,
                Amount = w.Amount?.Amount is { Length: > 0 } ? FreshBooksValues.Money(w.Amount, currency.Value) : (unitPrice * quantity).Round(),
                Taxes = Taxes(w),
            };
        }

        return lines;
    }

    /// <summary><c>currency_code</c>, else the total's code.</summary>
    public static CurrencyCode CurrencyOf(InvoiceWire invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return FreshBooksValues.Currency(invoice.CurrencyCode) ?? FreshBooksValues.Currency(invoice.Amount?.Code)
            ?? throw new MoneyFormatException(invoice.CurrencyCode, default);
    }

    private static Money DiscountOf(InvoiceWire invoice, CurrencyCode currency, Money subtotal)
    {
        if (invoice.DiscountTotal?.Amount is { Length: > 0 })
        {
            var discount = FreshBooksValues.Money(invoice.DiscountTotal, currency.Value);
            return discount with { Amount = Math.Abs(discount.Amount) };
        }

        var percent = FreshBooksValues.Decimal(invoice.DiscountValue) ?? 0m;
        return (subtotal * (percent / 100m)).Round();
    }

    private static Money PaidOf(InvoiceWire invoice, CurrencyCode currency, Money total)
    {
        if (invoice.Paid?.Amount is { Length: > 0 })
        {
            return FreshBooksValues.Money(invoice.Paid, currency.Value);
        }

        return invoice.Outstanding?.Amount is { Length: > 0 }
            ? total - FreshBooksValues.Money(invoice.Outstanding, currency.Value)
            : Ledgerline.Money.Zero(currency);
    }

    private static List<LineTax> Taxes(InvoiceLineWire line)
    {
        var taxes = new List<LineTax>(2);
        Add(line.TaxName1, line.TaxPercent1);
        Add(line.TaxName2, line.TaxPercent2);
        return taxes;

        void Add(string? name, string? percent)
        {
            var rate = FreshBooksValues.Decimal(percent);
            if (!string.IsNullOrEmpty(name) || rate is > 0)
            {
                taxes.Add(new LineTax(name ?? string.Empty, rate ?? 0m));
            }
        }
    }
}
