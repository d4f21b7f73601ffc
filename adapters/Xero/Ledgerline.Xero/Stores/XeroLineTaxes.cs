namespace Ledgerline.Xero.Stores;

/// <summary>
/// How canonical document lines become Xero's, for every store that writes <c>LineItems</c> (invoices, bills, credit
/// notes, quotes): a line's one tax is named by its <see cref="LineTax.TaxRateId"/> (Xero's <c>TaxType</c>); a document
/// with no tax on any line is <c>NoTax</c>, else <c>Exclusive</c>, or <c>Inclusive</c> when its unit prices include tax,
/// with a tax on every line.
/// </summary>
/// <remarks>
/// A store checks a document's lines in this order: <see cref="Check(IReadOnlyList{NewInvoiceLine})"/> (or the
/// <see cref="NewBillLine"/> overload) before any request; <see cref="RequireRatesAsync"/> before any write (it reads the
/// organisation's tax rates once per ledger); then <see cref="LineAmountTypes(bool, bool)"/> with the document's
/// <c>UnitPricesIncludeTax</c>, or, on a change that gives lines without it, the document's current value (read it first
/// only when the lines are taxed: untaxed lines are <c>NoTax</c> either way). Each line's <c>TaxType</c> is
/// <see cref="TaxType"/>. Refused, each on the line's own field: more than 4 decimal places in a quantity or unit price
/// (Xero keeps 4 with <c>unitdp=4</c> and would round the rest away), a tax without a tax rate id, two taxes on a line,
/// taxed and untaxed lines together (Xero taxes every line of a taxed document), a tax rate the organisation does not
/// have (<see cref="RecordNotFoundException"/>), and a percent other than the tax rate's.
/// </remarks>
internal static class XeroLineTaxes
{
    /// <summary>The decimal places Xero keeps in quantities and unit prices (<c>unitdp=4</c>).</summary>
    public const int MaxDecimalPlaces = 4;

    private const string Field = "Lines";

    /// <summary>
    /// Checks invoice, estimate or credit note lines before any request; returns whether they are taxed. A line's name may
    /// not hold a line break: Xero keeps one <c>Description</c>, the name then the description after a line break, so a
    /// break in the name would read back as a shorter name and a longer description (field <c>Lines[i].Name</c>, code
    /// <c>LineBreakInName</c>).
    /// </summary>
    public static bool Check(IReadOnlyList<NewInvoiceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Name.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new LedgerValidationException([new FieldError($"{Field}[{i}].{nameof(NewInvoiceLine.Name)}",
                    "Xero keeps a line's name and description in one text, the name on its first line, so a name cannot hold a line break; put the rest in Description.",
                    "LineBreakInName")])
                {
                    Provider = Http.XeroRequest.ProviderName,
                };
            }
        }

        return Check(lines.Select(l => (l.Quantity, l.UnitPrice.Amount, l.Taxes)).ToList());
    }

    /// <summary>Checks bill lines before any request; returns whether they are taxed.</summary>
    public static bool Check(IReadOnlyList<NewBillLine> lines) =>
        Check(lines.Select(l => (l.Quantity, l.UnitPrice.Amount, l.Taxes)).ToList());

    /// <summary>
    /// Xero's <c>LineAmountTypes</c>: <c>NoTax</c> for untaxed lines (their prices are the same with or without tax), else
    /// <c>Inclusive</c> or <c>Exclusive</c>.
    /// </summary>
    public static string LineAmountTypes(bool taxed, bool unitPricesIncludeTax) =>
        !taxed ? "NoTax" : unitPricesIncludeTax ? "Inclusive" : "Exclusive";

    /// <summary>Xero's <c>LineAmountTypes</c> for lines with these taxes, after checking that Xero can take them.</summary>
    public static string LineAmountTypes(IEnumerable<IReadOnlyList<LineTax>> lines, bool unitPricesIncludeTax = false) =>
        LineAmountTypes(CheckTaxes(lines.ToList()), unitPricesIncludeTax);

    /// <summary>
    /// Every line's tax must name one of the organisation's tax rates (read once per ledger) and agree with its percent:
    /// Xero charges the rate's, and would keep the line at it silently.
    /// </summary>
    public static async Task RequireRatesAsync(XeroLedgerContext context, IReadOnlyList<IReadOnlyList<LineTax>> lines, CancellationToken cancellationToken)
    {
        if (lines.All(l => l.Count == 0))
        {
            return;
        }

        var rates = await context.TaxRatesAsync(cancellationToken);
        for (var i = 0; i < lines.Count; i++)
        {
            for (var t = 0; t < lines[i].Count; t++)
            {
                var tax = lines[i][t];
                var id = LineTaxType(lines[i], i) ?? string.Empty;
                if (!rates.TryGetValue(id, out var rate))
                {
                    throw new RecordNotFoundException(EntityKind.TaxRate, id) { Provider = Http.XeroRequest.ProviderName };
                }

                var percent = rate.EffectiveRate ?? rate.DisplayTaxRate;
                if (percent != tax.Percent)
                {
                    throw XeroRefusal.Field($"{Field}[{i}].{nameof(NewInvoiceLine.Taxes)}[{t}].{nameof(LineTax.Percent)}",
                        $"Tax rate {id} ({rate.Name}) is {percent} %, not {tax.Percent} %: Xero charges the rate's percent.");
                }
            }
        }
    }

    /// <summary>
    /// The <c>TaxType</c> of one line's taxes; null for none. Lines passed through <see cref="Check(IReadOnlyList{NewInvoiceLine})"/>
    /// are refused there, on the line's own field; unchecked lines are refused here on <c>Lines</c>.
    /// </summary>
    public static string? TaxType(IReadOnlyList<LineTax> taxes) => LineTaxType(taxes, null);

    private static string? LineTaxType(IReadOnlyList<LineTax> taxes, int? line)
    {
        var taxesField = line is { } i ? $"{Field}[{i}].{nameof(NewInvoiceLine.Taxes)}" : Field;
        if (taxes.Count > 1)
        {
            throw XeroRefusal.Field(taxesField, "Xero applies one tax rate to a line.");
        }

        var tax = taxes.Count == 1 ? taxes[0] : null;
        if (tax is not null && string.IsNullOrWhiteSpace(tax.TaxRateId))
        {
            throw XeroRefusal.Field(line is null ? Field : $"{taxesField}[0].{nameof(LineTax.TaxRateId)}",
                $"Xero names a line's tax by its tax rate: give '{tax.Name}' the TaxRateId (Xero's TaxType) of one of the organisation's tax rates.");
        }

        return tax?.TaxRateId;
    }

    private static bool Check(List<(decimal Quantity, decimal UnitPrice, IReadOnlyList<LineTax> Taxes)> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            RequirePlaces($"{Field}[{i}].{nameof(NewInvoiceLine.Quantity)}", lines[i].Quantity);
            RequirePlaces($"{Field}[{i}].{nameof(NewInvoiceLine.UnitPrice)}", lines[i].UnitPrice);
        }

        return CheckTaxes(lines.Select(l => l.Taxes).ToList());
    }

    private static void RequirePlaces(string field, decimal value)
    {
        if (decimal.Round(value, MaxDecimalPlaces) != value)
        {
            throw XeroRefusal.Field(field, $"Xero keeps at most {MaxDecimalPlaces} decimal places; {value} would be rounded.");
        }
    }

    private static bool CheckTaxes(List<IReadOnlyList<LineTax>> taxes)
    {
        for (var i = 0; i < taxes.Count; i++)
        {
            _ = LineTaxType(taxes[i], i);
        }

        var taxed = taxes.Count(t => t.Count > 0);
        if (taxed > 0 && taxed < taxes.Count)
        {
            const string Message = "Xero taxes every line of a taxed document: give the untaxed lines a zero-rate tax (its TaxRateId), or no line a tax.";
            throw new LedgerValidationException([.. taxes
                .Select((t, i) => (Taxes: t, Index: i))
                .Where(l => l.Taxes.Count == 0)
                .Select(l => new FieldError($"{Field}[{l.Index}].{nameof(NewInvoiceLine.Taxes)}", Message, XeroRefusal.NotSupportedCode))])
            {
                Provider = Http.XeroRequest.ProviderName,
            };
        }

        return taxed > 0;
    }
}
