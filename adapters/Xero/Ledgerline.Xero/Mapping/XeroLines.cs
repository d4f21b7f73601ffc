using Ledgerline.Xero.Api;

namespace Ledgerline.Xero.Mapping;

/// <summary>One line of a Xero document, read once: its amount before discount and tax (<see cref="Amount"/>) and its tax.</summary>
/// <param name="Wire">The line as Xero sent it.</param>
/// <param name="Quantity">Xero's <c>Quantity</c>.</param>
/// <param name="UnitAmount">Xero's <c>UnitAmount</c> (tax-inclusive on an Inclusive document).</param>
/// <param name="Amount">The canonical, tax-exclusive amount before discount.</param>
/// <param name="Discount">What the line's discount took off.</param>
/// <param name="Taxes">The line's one tax, or none on a NoTax document.</param>
internal sealed record XeroLine(LineItemWire Wire, decimal Quantity, decimal UnitAmount, decimal Amount, decimal Discount, IReadOnlyList<LineTax> Taxes);

/// <summary>
/// The lines and totals every Xero document shares (invoices, bills, credit notes), read with the organisation's tax rates
/// (a line names its tax only by <c>TaxType</c>). Xero's totals are authoritative; the canonical ones are read from them
/// so that Σ amounts − discount + tax = total exactly, and a document whose own numbers do not add up is invalid provider
/// data (<see cref="FormatException"/>), never corrected.
/// </summary>
/// <remarks>
/// Per line, with Xero's <c>LineAmount</c> (after discount; including tax when <c>LineAmountTypes</c> is
/// <c>Inclusive</c>) and <c>TaxAmount</c>: the amount before discount is <c>LineAmount + DiscountAmount</c>, or
/// <c>round(Quantity × UnitAmount, 2)</c> with a <c>DiscountRate</c> (Xero's own formula), else <c>LineAmount</c>; the
/// line's discount is the difference. The canonical line amount is that amount, less the line's tax on an Inclusive
/// document. So Subtotal = Σ amounts, Discount = Σ line discounts, Tax = <c>TotalTax</c>, Total = <c>Total</c>.
/// On an Inclusive line with a discount, Xero takes the discount off the tax-inclusive amount and computes the tax on what
/// is left (1 × 100.00 incl. 15 % less 10 %: <c>LineAmount</c> 90.00, <c>TaxAmount</c> 11.74), so the discount is
/// tax-inclusive (10.00, Xero's <c>TotalDiscount</c>) and the line amount is the amount before discount less the tax the
/// line bears (100.00 − 11.74 = 88.26): every figure is Xero's own or a sum or difference of them, never a division Xero
/// did not make (86.96 would be one), and Subtotal − Discount is Xero's <c>SubTotal</c> (78.26). Where Xero sends
/// <c>SubTotal</c> and <c>TotalDiscount</c>, they are checked against these.
/// </remarks>
/// <param name="Kind">Xero's <c>LineAmountTypes</c>: <c>Exclusive</c>, <c>Inclusive</c> or <c>NoTax</c>.</param>
/// <param name="Lines">The lines, in order.</param>
/// <param name="Subtotal">Σ line amounts.</param>
/// <param name="Discount">Σ line discounts.</param>
/// <param name="Tax">Xero's <c>TotalTax</c>.</param>
/// <param name="Total">Xero's <c>Total</c>.</param>
internal sealed record XeroLines(string Kind, IReadOnlyList<XeroLine> Lines, decimal Subtotal, decimal Discount, decimal Tax, decimal Total)
{
    public bool Inclusive => Kind == "Inclusive";

    /// <summary>Reads a document's lines and totals; throws <see cref="FormatException"/> for missing or inconsistent values.</summary>
    /// <param name="lineAmountTypes">Xero's <c>LineAmountTypes</c>.</param>
    /// <param name="items">Xero's <c>LineItems</c>.</param>
    /// <param name="totalTax">Xero's <c>TotalTax</c>.</param>
    /// <param name="total">Xero's <c>Total</c>.</param>
    /// <param name="taxRates">The organisation's tax rates by <c>TaxType</c>.</param>
    /// <param name="document">What the document is, for messages (<c>invoice</c>, <c>bill</c>, <c>credit note</c>).</param>
    /// <param name="subTotal">Xero's <c>SubTotal</c> (after discount, without tax), checked when sent.</param>
    /// <param name="totalDiscount">Xero's <c>TotalDiscount</c>, checked when sent.</param>
    public static XeroLines Read(
        string? lineAmountTypes, IReadOnlyList<LineItemWire>? items, decimal? totalTax, decimal? total,
        IReadOnlyDictionary<string, TaxRateWire> taxRates, string document, decimal? subTotal = null, decimal? totalDiscount = null)
    {
        ArgumentNullException.ThrowIfNull(taxRates);
        var kind = lineAmountTypes switch
        {
            "Exclusive" or "Inclusive" or "NoTax" => lineAmountTypes,
            _ => throw new FormatException($"Xero sent LineAmountTypes '{lineAmountTypes}', which is not Exclusive, Inclusive or NoTax."),
        };
        var lines = new List<XeroLine>(items?.Count ?? 0);
        decimal subtotal = 0m, discount = 0m, lineTax = 0m;
        foreach (var line in items ?? [])
        {
            var quantity = XeroValues.Required(line.Quantity, "LineItems.Quantity");
            var unit = XeroValues.Required(line.UnitAmount, "LineItems.UnitAmount");
            var lineAmount = XeroValues.Required(line.LineAmount, "LineItems.LineAmount");
            var tax = kind == "NoTax" ? 0m : line.TaxAmount ?? 0m;
            var gross = line.DiscountAmount is { } off ? lineAmount + off
                : line.DiscountRate is { } rate && rate != 0m ? Math.Round(quantity * unit, 2, MidpointRounding.AwayFromZero)
                : lineAmount;
            var amount = kind == "Inclusive" ? gross - tax : gross;
            subtotal += amount;
            discount += gross - lineAmount;
            lineTax += tax;
            lines.Add(new XeroLine(line, quantity, unit, amount, gross - lineAmount, kind == "NoTax" ? [] : [LineTaxOf(line.TaxType, taxRates)]));
        }

        var sentTax = XeroValues.Required(totalTax, "TotalTax");
        var sentTotal = XeroValues.Required(total, "Total");
        if (subtotal - discount + sentTax != sentTotal || (kind == "Inclusive" && lineTax != sentTax))
        {
            throw new FormatException(
                $"Xero's {document} amounts do not add up: lines {subtotal} − discount {discount} + TotalTax {sentTax} ≠ Total {sentTotal}.");
        }

        if ((subTotal is { } sentSubTotal && subtotal - discount != sentSubTotal) || (totalDiscount is { } sentDiscount && discount != sentDiscount))
        {
            throw new FormatException(
                $"Xero's {document} amounts do not add up: lines {subtotal} − discount {discount} against SubTotal {subTotal} and TotalDiscount {totalDiscount}.");
        }

        return new XeroLines(kind, lines, subtotal, discount, sentTax, sentTotal);
    }

    /// <summary>
    /// Refuses, before any write, lines given without a discount percentage for a document whose lines carry different
    /// discounts (rates that differ, or a discount amount): the canonical <c>DiscountPercent</c> of such a document is the
    /// discount as a share of the subtotal, and writing it to every line would move the discount between lines and, where
    /// the lines' taxes differ, change the tax. The caller gives <c>DiscountPercent</c> to set one for every line.
    /// </summary>
    /// <param name="current">The document's lines as Xero holds them.</param>
    /// <param name="document">What the document is, for the message.</param>
    /// <param name="id">The document's id, for the message.</param>
    public static void RefuseMixedLineDiscounts(IReadOnlyList<LineItemWire>? current, string document, string id)
    {
        var lines = current ?? [];
        var amountOff = lines.Any(l => l.DiscountAmount is { } off && off != 0m);
        var discounts = lines
            .Select(l => l.DiscountAmount is { } off && off != 0m ? $"{off} off" : $"{l.DiscountRate ?? 0m} %")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (discounts.Count > 1 || amountOff)
        {
            throw new LedgerValidationException([new FieldError(nameof(NewInvoice.DiscountPercent),
                $"Xero keeps a discount on each line, and the lines of {document} {id} carry discounts that one percentage cannot give back "
                + $"exactly ({string.Join(", ", discounts.Take(5))}: different rates, or an amount off); give DiscountPercent with the lines "
                + "to set one for every line. Nothing was written.",
                "LineDiscountsDiffer")])
            {
                Provider = Ledgerline.Xero.Http.XeroRequest.ProviderName,
            };
        }
    }

    /// <summary>
    /// Keeps, on lines given back unchanged, the tax Xero holds on them: a line named by its <c>LineItemID</c> whose
    /// quantity, unit amount, tax type and discount rate are what Xero holds gets the current <c>TaxAmount</c> (possibly
    /// overridden in Xero, which Xero would otherwise compute again); any other line is left for Xero to tax.
    /// </summary>
    /// <param name="lines">The lines to write.</param>
    /// <param name="current">The document's lines as Xero holds them, or null when the document was not read.</param>
    public static List<LineItemWrite> KeepTaxOfUnchangedLines(List<LineItemWrite> lines, IReadOnlyList<LineItemWire>? current)
    {
        if (current is not { Count: > 0 })
        {
            return lines;
        }

        return [.. lines.Select(line => line.LineItemID is { } id
            && current.FirstOrDefault(c => string.Equals(c.LineItemID, id, StringComparison.OrdinalIgnoreCase)) is { TaxAmount: { } held } was
            && was.Quantity == line.Quantity && was.UnitAmount == line.UnitAmount
            && string.Equals(was.TaxType, line.TaxType, StringComparison.Ordinal)
            && (was.DiscountRate ?? 0m) == (line.DiscountRate ?? 0m) && (was.DiscountAmount ?? 0m) == (line.DiscountAmount ?? 0m)
                ? line with { TaxAmount = held }
                : line)];
    }

    /// <summary>A line's tax: the organisation's tax rate its <c>TaxType</c> names, as a canonical <see cref="LineTax"/>.</summary>
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
