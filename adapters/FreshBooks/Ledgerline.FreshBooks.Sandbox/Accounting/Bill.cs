using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>A vendor's bill (accounts payable): lines with expense categories and their own taxes, paid by bill payments.</summary>
internal sealed class Bill : Entity
{
    public static readonly string[] TextFields = ["bill_number", "currency_code", "language"];

    public int VendorId { get; set; }

    public DateOnly IssueDate { get; set; }

    public int DueOffsetDays { get; set; }

    public List<BillLine> Lines { get; set; } = [];

    public decimal Amount { get; set; }

    public decimal TaxAmount { get; set; }

    public decimal TotalAmount => Amount + TaxAmount;

    public decimal Paid { get; set; }

    public decimal Outstanding => Math.Max(0, TotalAmount - Paid);

    public DateOnly DueDate => IssueDate.AddDays(DueOffsetDays);

    public string Currency => Str("currency_code") is { Length: > 0 } c ? c : "USD";

    public override Entity Copy()
    {
        var copy = (Bill)base.Copy();
        copy.Lines = [.. Lines];
        return copy;
    }

    /// <summary>unpaid, partial, paid, or overdue (unpaid past its due date on the sandbox clock).</summary>
    public string Status(DateOnly today) =>
        Paid > 0 && Paid >= TotalAmount ? "paid" : Paid > 0 ? "partial" : DueDate < today ? "overdue" : "unpaid";

    /// <summary>Line amount = quantity × unit cost; each line tax rounds on its own; tax 2 compounds on tax 1 when asked.</summary>
    public void Recalculate()
    {
        var decimals = MinorUnits.Of(Currency);
        decimal amount = 0, tax = 0;
        foreach (var line in Lines)
        {
            line.Amount = MinorUnits.Round(line.Quantity * line.UnitCost, decimals);
            line.TaxAmount1 = line.TaxPercent1 is { } p1 ? MinorUnits.Round(line.Amount * p1 / 100m, decimals) : null;
            var base2 = line.CompoundedTax ? line.Amount + (line.TaxAmount1 ?? 0) : line.Amount;
            line.TaxAmount2 = line.TaxPercent2 is { } p2 ? MinorUnits.Round(base2 * p2 / 100m, decimals) : null;
            amount += line.Amount;
            tax += (line.TaxAmount1 ?? 0) + (line.TaxAmount2 ?? 0);
        }

        Amount = amount;
        TaxAmount = tax;
    }
}
