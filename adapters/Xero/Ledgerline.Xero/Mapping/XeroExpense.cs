using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Spent money (a Xero <c>SPEND</c> bank transaction) read once into canonical amounts and taxes, with the organisation's
/// tax rates (a line names its tax only by <c>TaxType</c>). The amount is Xero's <c>SubTotal</c> (always before tax); the
/// taxes are the lines' tax amounts by tax rate (none for <c>NoTax</c>), and <c>SubTotal + TotalTax = Total</c> must hold.
/// </summary>
internal sealed record XeroExpense(BankTransactionWire Wire)
{
    public CurrencyCode Currency { get; private init; }

    public decimal Amount { get; private init; }

    public IReadOnlyList<ExpenseTax> Taxes { get; private init; } = [];

    /// <summary>The account of every line, when they share one (the canonical category); null otherwise.</summary>
    public string? AccountCode { get; private init; }

    /// <summary>Reads the amounts; throws <see cref="FormatException"/> for missing or inconsistent values.</summary>
    public static XeroExpense Of(BankTransactionWire wire, IReadOnlyDictionary<string, TaxRateWire> taxRates)
    {
        ArgumentNullException.ThrowIfNull(wire);
        if (wire.Type != "SPEND")
        {
            throw new FormatException($"Xero sent a bank transaction of type '{wire.Type}' where spent money (SPEND) was expected.");
        }

        var currency = XeroValues.Currency(wire.CurrencyCode, "CurrencyCode");
        var subtotal = XeroValues.Required(wire.SubTotal, "SubTotal");
        var totalTax = XeroValues.Required(wire.TotalTax, "TotalTax");
        var total = XeroValues.Required(wire.Total, "Total");
        if (subtotal + totalTax != total)
        {
            throw new FormatException($"Xero's bank transaction amounts do not add up: SubTotal {subtotal} + TotalTax {totalTax} ≠ Total {total}.");
        }

        var lines = wire.LineItems ?? [];
        var taxes = new List<ExpenseTax>();
        if (wire.LineAmountTypes != "NoTax")
        {
            foreach (var group in lines.Where(l => (l.TaxAmount ?? 0m) != 0m).GroupBy(l => XeroValues.Required(l.TaxType, "LineItems.TaxType"), StringComparer.Ordinal))
            {
                if (!taxRates.TryGetValue(group.Key, out var rate))
                {
                    throw new FormatException($"Xero sent TaxType '{group.Key}', which is not one of the organisation's tax rates.");
                }

                taxes.Add(new ExpenseTax(XeroValues.Required(rate.Name, "TaxRates.Name"), new Money(group.Sum(l => l.TaxAmount!.Value), currency), rate.EffectiveRate)
                {
                    TaxRateId = group.Key,
                });
            }
        }

        if (taxes.Sum(t => t.Amount.Amount) != totalTax)
        {
            throw new FormatException($"Xero's bank transaction tax does not add up: its lines' tax is {taxes.Sum(t => t.Amount.Amount)}, TotalTax {totalTax}.");
        }

        var accounts = lines.Select(l => XeroValues.Text(l.AccountCode)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new XeroExpense(wire)
        {
            Currency = currency,
            Amount = subtotal,
            Taxes = taxes,
            AccountCode = accounts.Count == 1 ? accounts[0] : null,
        };
    }
}
