using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// A Xero quote read once into canonical lines and amounts, as a sales invoice is (<see cref="XeroLines"/>: Subtotal = Σ
/// line amounts before discount, Discount = Σ line discounts, Tax = <c>TotalTax</c>, Total = <c>Total</c>, checked to add
/// up; the line <c>Description</c> holds the name, then the description after a line break). Xero spells a quote's
/// <c>LineAmountTypes</c> upper-case (<c>EXCLUSIVE</c>, <c>INCLUSIVE</c>, <c>NOTAX</c>); the invoice spelling is read too.
/// </summary>
/// <param name="Wire">The quote as Xero sent it.</param>
internal sealed record XeroQuote(QuoteWire Wire)
{
    public CurrencyCode Currency { get; } = XeroValues.Currency(Wire.CurrencyCode, "CurrencyCode");

    public bool Inclusive { get; private init; }

    public IReadOnlyList<InvoiceLine> Lines { get; private init; } = [];

    public decimal Subtotal { get; private init; }

    public decimal Discount { get; private init; }

    public decimal DiscountPercent { get; private init; }

    public decimal Tax { get; private init; }

    public decimal Total { get; private init; }

    /// <summary>The invoice made from the quote, when the store found it (Xero's quote does not name it).</summary>
    public string? InvoiceId { get; init; }

    /// <summary>Reads the lines and amounts; throws <see cref="FormatException"/> for missing or inconsistent values.</summary>
    public static XeroQuote Of(QuoteWire wire, IReadOnlyDictionary<string, TaxRateWire> taxRates)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var quote = new XeroQuote(wire);
        var read = XeroLines.Read(LineAmountTypes(wire.LineAmountTypes), wire.LineItems, wire.TotalTax, wire.Total, taxRates, "quote", wire.SubTotal, wire.TotalDiscount);
        var rates = read.Lines.Select(l => l.Wire.DiscountRate ?? 0m).ToHashSet();
        var amountDiscounts = read.Lines.Any(l => l.Wire.DiscountAmount is not null);
        return quote with
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
                    UnitPrice = new Money(line.UnitAmount, quote.Currency),
                    Amount = new Money(line.Amount, quote.Currency),
                    Taxes = line.Taxes,
                };
            })],
            Subtotal = read.Subtotal,
            Discount = read.Discount,
            DiscountPercent = read.Discount == 0m ? 0m
                : !amountDiscounts && rates.Count == 1 ? rates.Single()
                : read.Subtotal == 0m ? 0m : Math.Round(read.Discount / read.Subtotal * 100m, 4, MidpointRounding.AwayFromZero),
            Tax = read.Tax,
            Total = read.Total,
        };
    }

    /// <summary>A quote's <c>LineAmountTypes</c> in the invoice spelling <see cref="XeroLines"/> reads; anything else is passed on to be refused there.</summary>
    internal static string? LineAmountTypes(string? value) => value?.ToUpperInvariant() switch
    {
        "EXCLUSIVE" => "Exclusive",
        "INCLUSIVE" => "Inclusive",
        "NOTAX" => "NoTax",
        _ => value,
    };
}
