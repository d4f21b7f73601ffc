namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>One bill line; its amount and taxes are set by <see cref="Bill.Recalculate"/>.</summary>
internal sealed class BillLine
{
    public string Description { get; set; } = "";

    public decimal Quantity { get; set; } = 1;

    public decimal UnitCost { get; set; }

    public int CategoryId { get; set; }

    public string? TaxName1 { get; set; }

    public string? TaxName2 { get; set; }

    public decimal? TaxPercent1 { get; set; }

    public decimal? TaxPercent2 { get; set; }

    public bool CompoundedTax { get; set; }

    public decimal Amount { get; set; }

    public decimal? TaxAmount1 { get; set; }

    public decimal? TaxAmount2 { get; set; }

    public decimal TotalAmount => Amount + (TaxAmount1 ?? 0) + (TaxAmount2 ?? 0);
}
