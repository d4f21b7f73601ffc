using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// A wire invoice with its lines and amounts read once, the source <see cref="InvoiceRegister"/> maps from. Amounts follow
/// FreshBooks' own arithmetic (discount before tax): the subtotal is the sum of the line amounts, the discount is
/// <c>|discount_total|</c> (else the percent of the subtotal), the total is <c>amount</c>, and paid is <c>paid</c> (else
/// total − <c>outstanding</c>). Line <c>taxAmount1/2</c> are percents. Nothing is made up: the lines (always included),
/// every line's name, quantity and unit cost, the total and one of paid or outstanding are required, and totals that do not
/// reconcile (<see cref="InvoiceTotals"/>) are an unreadable answer.
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
    /// <summary>
    /// Reads the lines and amounts of a wire invoice; a value that does not parse, or totals that do not reconcile, fail here,
    /// before mapping. <paramref name="payable"/> is false for an estimate, which has no payments (paid is then zero).
    /// </summary>
    public static PricedInvoice Of(InvoiceWire invoice, bool payable = true)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var currency = CurrencyOf(invoice);
        var lines = ReadLines(invoice, currency);
        var subtotal = Ledgerline.Money.Zero(currency);
        foreach (var line in lines)
        {
            subtotal += line.Amount;
        }

        var total = InvoiceTotals.InCurrency(FreshBooksValues.RequiredMoney(invoice.Amount, currency.Value, "amount"), currency, "amount");
        var discount = DiscountOf(invoice, currency, subtotal);
        InvoiceTotals.Reconcile(invoice, lines, subtotal, discount, total);
        var paid = payable ? PaidOf(invoice, currency, total) : Ledgerline.Money.Zero(currency);
        return new PricedInvoice(invoice, currency, lines, subtotal, discount, total, paid);
    }

    /// <summary>The due date, or the issue date plus <c>due_offset_days</c>; a due date that is sent must be a date.</summary>
    public static DateOnly? DueDate(InvoiceWire invoice) =>
        FreshBooksValues.OptionalDate(invoice.DueDate, "due_date")
        ?? (FreshBooksValues.Date(invoice.CreateDate) is { } issued && invoice.DueOffsetDays is { } offset and >= -36500 and <= 36500
            ? issued.AddDays(offset)
            : null);

    /// <summary>
    /// The canonical lines of a wire invoice, in its currency. The lines are always asked for (<c>include[]=lines</c>), so
    /// an invoice without them, a null line, or a line without its name, quantity or unit cost is unreadable.
    /// </summary>
    public static IReadOnlyList<InvoiceLine> ReadLines(InvoiceWire invoice, CurrencyCode currency)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var wires = invoice.Lines ?? throw new FormatException("The required field 'lines' is missing although include[]=lines was sent.");
        var lines = new InvoiceLine[wires.Count];
        for (var i = 0; i < wires.Count; i++)
        {
            var w = wires[i] ?? throw new FormatException($"The line lines[{i}] is null.");
            var quantity = FreshBooksValues.Decimal(w.Quantity) ?? throw new FormatException($"The required field 'lines[{i}].qty' is missing.");
            var unitPrice = RequiredLineMoney(w.UnitCost, currency, i, "unit_cost");
            lines[i] = new InvoiceLine
            {
                Id = FreshBooksValues.Reference(w.LineId),
                Name = w.Name ?? throw new FormatException($"The required field 'lines[{i}].name' is missing."),
                Description = FreshBooksValues.Text(w.Description),
                Quantity = quantity,
                UnitPrice = unitPrice,
                Amount = w.Amount?.Amount is { Length: > 0 }
                    ? LineMoney(FreshBooksValues.Money(w.Amount, currency.Value), currency, i, "amount")
                    : (unitPrice * quantity).Round(),
                Taxes = Taxes(w, i),
            };
        }

        return lines;
    }

    /// <summary>
    /// A line's required amount (<see cref="FreshBooksValues.RequiredMoney"/>) in the invoice's currency. The field's name
    /// (<c>lines[3].unit_cost</c>) is formatted only for an error: formatted for every line, it cost about a thousand
    /// strings a page of 100 invoices. With an amount there, <see cref="FreshBooksValues.RequiredMoney"/> reads exactly as
    /// <see cref="FreshBooksValues.Money"/> does.
    /// </summary>
    private static Money RequiredLineMoney(MoneyWire? money, CurrencyCode currency, int index, string field) =>
        string.IsNullOrWhiteSpace(money?.Amount)
            ? FreshBooksValues.RequiredMoney(money, currency.Value, LineField(index, field))
            : LineMoney(FreshBooksValues.Money(money, currency.Value), currency, index, field);

    /// <summary><see cref="InvoiceTotals.InCurrency"/> for a line's amount, naming the field only when it fails.</summary>
    private static Money LineMoney(Money amount, CurrencyCode currency, int index, string field) =>
        amount.Currency == currency ? amount : InvoiceTotals.InCurrency(amount, currency, LineField(index, field));

    private static string LineField(int index, string field) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lines[{index}].{field}");

    /// <summary><c>currency_code</c> (which, when sent, must be a currency), else the total's code; neither is unreadable.</summary>
    public static CurrencyCode CurrencyOf(InvoiceWire invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return FreshBooksValues.OptionalCurrency(invoice.CurrencyCode, "currency_code") ?? FreshBooksValues.Currency(invoice.Amount?.Code)
            ?? throw new FormatException($"The document's currency_code {FreshBooksValues.Quote(invoice.CurrencyCode)} is missing or not a currency.");
    }

    /// <summary>
    /// The discount percent (<c>discount_value</c>): required unless the invoice has no discount, where its absence can only
    /// mean none.
    /// </summary>
    public static decimal DiscountPercentOf(string? discountValue, Money discount) =>
        FreshBooksValues.Decimal(discountValue)
            ?? (discount.Amount == 0m ? 0m : throw new FormatException($"The required field 'discount_value' is missing although the discount is {discount}."));

    private static Money DiscountOf(InvoiceWire invoice, CurrencyCode currency, Money subtotal)
    {
        if (invoice.DiscountTotal?.Amount is { Length: > 0 })
        {
            var discount = InvoiceTotals.InCurrency(FreshBooksValues.Money(invoice.DiscountTotal, currency.Value), currency, "discount_total");
            return discount with { Amount = Math.Abs(discount.Amount) };
        }

        var percent = FreshBooksValues.Decimal(invoice.DiscountValue) ?? 0m;
        return (subtotal * (percent / 100m)).Round();
    }

    /// <summary><c>paid</c>, else total − <c>outstanding</c>; with both, they must agree (outstanding never below zero).</summary>
    private static Money PaidOf(InvoiceWire invoice, CurrencyCode currency, Money total)
    {
        var outstanding = invoice.Outstanding?.Amount is { Length: > 0 }
            ? InvoiceTotals.InCurrency(FreshBooksValues.Money(invoice.Outstanding, currency.Value), currency, "outstanding")
            : (Money?)null;
        if (invoice.Paid?.Amount is not { Length: > 0 })
        {
            return total - (outstanding ?? throw new FormatException("The required fields 'paid' and 'outstanding' are both missing."));
        }

        var paid = InvoiceTotals.InCurrency(FreshBooksValues.Money(invoice.Paid, currency.Value), currency, "paid");
        var due = total - paid;
        if (outstanding is { } sent && sent != (due.Amount < 0m ? Ledgerline.Money.Zero(currency) : due))
        {
            throw new FormatException($"The total {total} less paid {paid} is not the outstanding {sent}.");
        }

        return paid;
    }

    /// <summary>
    /// A line's taxes; a named tax without its percent would read as 0 %, so it is unreadable instead. A line without tax
    /// (most lines) gets the shared empty list rather than a new one.
    /// </summary>
    private static IReadOnlyList<LineTax> Taxes(InvoiceLineWire line, int index)
    {
        var first = Tax(line.TaxName1, line.TaxPercent1, index, "taxAmount1");
        var second = Tax(line.TaxName2, line.TaxPercent2, index, "taxAmount2");
        return (first, second) switch
        {
            (null, null) => [],
            ({ } one, null) => [one],
            (null, { } two) => [two],
            ({ } one, { } two) => [one, two],
        };
    }

    private static LineTax? Tax(string? name, string? percent, int index, string field)
    {
        var rate = FreshBooksValues.Decimal(percent);
        return !string.IsNullOrEmpty(name) || rate is > 0
            ? new LineTax(name ?? string.Empty,
                rate ?? throw new FormatException($"The line tax {FreshBooksValues.Quote(name)} has no percent (lines[{index}].{field} is missing)."))
            : null;
    }
}
