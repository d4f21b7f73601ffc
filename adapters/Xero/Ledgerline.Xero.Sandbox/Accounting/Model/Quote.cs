namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A sales quote (<c>/Quotes</c>): lines and totals as on an invoice, a validity date and the quote lifecycle.</summary>
internal sealed class Quote : XeroEntity
{
    public Guid ContactId { get; set; }

    public string? QuoteNumber { get; set; }

    public string? Reference { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Terms { get; set; }

    public DateOnly Date { get; set; }

    public DateOnly? ExpiryDate { get; set; }

    public string Status { get; set; } = "DRAFT";

    /// <summary>Stored as the invoice math spells it (<c>Exclusive</c>, <c>Inclusive</c>, <c>NoTax</c>); written upper-case, as Xero writes quotes.</summary>
    public string LineAmountTypes { get; set; } = "Exclusive";

    public List<LineItem> LineItems { get; set; } = [];

    public decimal SubTotal { get; set; }

    public decimal TotalTax { get; set; }

    public decimal Total { get; set; }

    public decimal TotalDiscount { get; set; }

    public string CurrencyCode { get; set; } = "";

    public decimal CurrencyRate { get; set; } = 1m;

    public override XeroEntity Copy()
    {
        var c = (Quote)MemberwiseClone();
        c.LineItems = [.. LineItems];
        return c;
    }
}
