using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Api;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Invoices with their lines. Totals follow FreshBooks' own arithmetic (discount before tax): the subtotal is the sum of
/// the line amounts, the discount is <c>|discount_total|</c>, the total is <c>amount</c>, and tax is what makes them add
/// up, so the canonical identities hold exactly whatever FreshBooks rounded. Line <c>taxAmount1/2</c> are percents.
/// </summary>
internal sealed class InvoiceRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<InvoiceWire, Invoice>()
            .Map(d => d.Id, s => FreshBooksValues.Id(s.Id, s.InvoiceId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.EasternUpdated(s.Updated, s.CreatedAt))
            .Map(d => d.State, s => FreshBooksValues.State(s.VisState))
            .Map(d => d.Number, s => FreshBooksValues.Text(s.InvoiceNumber))
            .Map(d => d.ContactId, s => FreshBooksValues.Id(s.CustomerId, null))
            .Map(d => d.Status, s => InvoiceStatusMapping.Map(s.V3Status, s.Status, s.PaymentStatus))
            .Map(d => d.ProviderStatus, s => InvoiceStatusMapping.Raw(s.V3Status, s.Status, s.PaymentStatus))
            .Map(d => d.IssueDate, s => FreshBooksValues.Date(s.CreateDate) ?? default)
            .Map(d => d.DueDate, s => DueDate(s))
            .Map(d => d.Currency, s => Compute(s).Currency)
            .Map(d => d.Lines, s => Compute(s).Lines)
            .Map(d => d.DiscountPercent, s => FreshBooksValues.Decimal(s.DiscountValue) ?? 0m)
            .Map(d => d.Subtotal, s => Compute(s).Subtotal)
            .Map(d => d.Discount, s => Compute(s).Discount)
            .Map(d => d.Tax, s => Compute(s).Total - Compute(s).Subtotal + Compute(s).Discount)
            .Map(d => d.Total, s => Compute(s).Total)
            .Map(d => d.AmountPaid, s => Compute(s).Paid)
            .Map(d => d.AmountDue, s => Compute(s).Total - Compute(s).Paid)
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Notes))
            .Map(d => d.Terms, s => FreshBooksValues.Text(s.Terms))
            // FreshBooks applies credit as payments of type Credit, counted in AmountPaid: nothing is credited separately.
            .Ignore(d => d.AmountCredited)
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewInvoice, InvoiceWrite>()
            .Map(d => d.CustomerId, s => FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => FreshBooksValues.Date(s.IssueDate))
            .Map(d => d.DueOffsetDays, s => s.DueDate.HasValue ? s.DueDate.Value.DayNumber - s.IssueDate.DayNumber : (int?)null)
            .Map(d => d.CurrencyCode, s => s.Currency.Value)
            .Map(d => d.InvoiceNumber, s => s.Number)
            .Map(d => d.DiscountValue, s => FreshBooksValues.Number(s.DiscountPercent))
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Terms, s => s.Terms)
            .Map(d => d.Lines, s => LinesOut(s.Lines));

        // The due date travels as an offset from the issue date; the store fills DueOffsetDays once it knows both.
        config.NewConfig<InvoiceChanges, InvoiceWrite>()
            .Map(d => d.CustomerId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null)
            .Ignore(d => d.DueOffsetDays)
            .Map(d => d.CurrencyCode, s => s.Currency.HasValue ? s.Currency.Value.Value : null)
            .Map(d => d.InvoiceNumber, s => s.Number)
            .Map(d => d.DiscountValue, s => s.DiscountPercent.HasValue ? FreshBooksValues.Number(s.DiscountPercent.Value) : null)
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Terms, s => s.Terms)
            .Map(d => d.Lines, s => s.Lines == null ? null : LinesOut(s.Lines));
    }

    // Lines and totals are derived once per wire record, however many canonical members read them.
    private static readonly ConditionalWeakTable<InvoiceWire, Derived> Cache = new();

    internal static Derived Compute(InvoiceWire invoice) => Cache.GetValue(invoice, static w => new Derived(
        Currency(w), Lines(w), Subtotal(w), Discount(w), Total(w), Paid(w)));

    internal sealed record Derived(CurrencyCode Currency, IReadOnlyList<InvoiceLine> Lines, Money Subtotal, Money Discount, Money Total, Money Paid);

    internal static CurrencyCode Currency(InvoiceWire invoice) =>
        FreshBooksValues.Currency(invoice.CurrencyCode) ?? FreshBooksValues.Currency(invoice.Amount?.Code)
        ?? throw new MoneyFormatException(invoice.CurrencyCode, default);

    internal static DateOnly? DueDate(InvoiceWire invoice) =>
        FreshBooksValues.Date(invoice.DueDate)
        ?? (FreshBooksValues.Date(invoice.CreateDate) is { } issued && invoice.DueOffsetDays is { } offset ? issued.AddDays(offset) : null);

    internal static IReadOnlyList<InvoiceLine> Lines(InvoiceWire invoice)
    {
        if (invoice.Lines is not { Count: > 0 } wires)
        {
            return [];
        }

        var currency = Currency(invoice).Value;
        var lines = new InvoiceLine[wires.Count];
        for (var i = 0; i < wires.Count; i++)
        {
            var w = wires[i];
            var quantity = FreshBooksValues.Decimal(w.Quantity) ?? 0m;
            var unitPrice = FreshBooksValues.Money(w.UnitCost, currency);
            lines[i] = new InvoiceLine
            {
                Name = w.Name ?? string.Empty,
                Description = FreshBooksValues.Text(w.Description),
                Quantity = quantity,
                UnitPrice = unitPrice,
                Amount = w.Amount?.Amount is { Length: > 0 } ? FreshBooksValues.Money(w.Amount, currency) : (unitPrice * quantity).Round(),
                Taxes = Taxes(w),
            };
        }

        return lines;
    }

    internal static Money Subtotal(InvoiceWire invoice)
    {
        var total = Ledgerline.Money.Zero(Currency(invoice));
        foreach (var line in Lines(invoice))
        {
            total += line.Amount;
        }

        return total;
    }

    internal static Money Discount(InvoiceWire invoice)
    {
        var currency = Currency(invoice);
        if (invoice.DiscountTotal?.Amount is { Length: > 0 })
        {
            var discount = FreshBooksValues.Money(invoice.DiscountTotal, currency.Value);
            return discount with { Amount = Math.Abs(discount.Amount) };
        }

        var percent = FreshBooksValues.Decimal(invoice.DiscountValue) ?? 0m;
        return (Subtotal(invoice) * (percent / 100m)).Round();
    }

    internal static Money Total(InvoiceWire invoice) => FreshBooksValues.Money(invoice.Amount, Currency(invoice).Value);

    internal static Money Paid(InvoiceWire invoice)
    {
        var currency = Currency(invoice).Value;
        if (invoice.Paid?.Amount is { Length: > 0 })
        {
            return FreshBooksValues.Money(invoice.Paid, currency);
        }

        return invoice.Outstanding?.Amount is { Length: > 0 }
            ? Total(invoice) - FreshBooksValues.Money(invoice.Outstanding, currency)
            : Ledgerline.Money.Zero(Currency(invoice));
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

    internal static IReadOnlyList<InvoiceLineWrite> LinesOut(IReadOnlyList<NewInvoiceLine> lines) =>
        lines.Select(l => new InvoiceLineWrite
        {
            Name = l.Name,
            Description = l.Description,
            Quantity = FreshBooksValues.Number(l.Quantity),
            UnitCost = FreshBooksValues.MoneyOut(l.UnitPrice),
            TaxName1 = l.Taxes.Count > 0 ? l.Taxes[0].Name : null,
            TaxPercent1 = l.Taxes.Count > 0 ? FreshBooksValues.Number(l.Taxes[0].Percent) : null,
            TaxName2 = l.Taxes.Count > 1 ? l.Taxes[1].Name : null,
            TaxPercent2 = l.Taxes.Count > 1 ? FreshBooksValues.Number(l.Taxes[1].Percent) : null,
        }).ToArray();
}
