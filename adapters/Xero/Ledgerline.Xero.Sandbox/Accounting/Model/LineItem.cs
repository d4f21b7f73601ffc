namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>An invoice line, with the amounts the sandbox computed (see <see cref="InvoiceMath"/>).</summary>
internal sealed record LineItem
{
    public Guid LineItemID { get; init; }

    public string? Description { get; init; }

    public decimal Quantity { get; init; }

    /// <summary>Stored with up to 4 dp; written with 2 unless the request asks <c>unitdp=4</c>.</summary>
    public decimal UnitAmount { get; init; }

    public string? ItemCode { get; init; }

    public string? AccountCode { get; init; }

    public string? TaxType { get; init; }

    public decimal TaxAmount { get; init; }

    public decimal LineAmount { get; init; }

    public decimal? DiscountRate { get; init; }

    public decimal? DiscountAmount { get; init; }

    /// <summary>True when the request set <c>TaxAmount</c> itself (Xero lets a client override the computed tax).</summary>
    public bool TaxOverridden { get; init; }
}
