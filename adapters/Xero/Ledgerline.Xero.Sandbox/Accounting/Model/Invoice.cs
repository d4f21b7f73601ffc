namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A sales invoice (<c>ACCREC</c>) or bill (<c>ACCPAY</c>).</summary>
internal sealed class Invoice : XeroEntity
{
    public string Type { get; set; } = "ACCREC";

    public Guid ContactId { get; set; }

    public string? InvoiceNumber { get; set; }

    public string? Reference { get; set; }

    public DateOnly Date { get; set; }

    public DateOnly? DueDate { get; set; }

    public string Status { get; set; } = "DRAFT";

    public string LineAmountTypes { get; set; } = "Exclusive";

    public List<LineItem> LineItems { get; set; } = [];

    public decimal SubTotal { get; set; }

    public decimal TotalTax { get; set; }

    public decimal Total { get; set; }

    public decimal TotalDiscount { get; set; }

    public string CurrencyCode { get; set; } = "";

    public decimal CurrencyRate { get; set; } = 1m;

    public decimal AmountPaid { get; set; }

    public decimal AmountCredited { get; set; }

    public decimal AmountDue => Status is "VOIDED" or "DELETED" ? 0m : Total - AmountPaid - AmountCredited;

    public DateOnly? FullyPaidOnDate { get; set; }

    public bool SentToContact { get; set; }

    public List<Guid> PaymentIds { get; set; } = [];

    public override XeroEntity Copy()
    {
        var c = (Invoice)MemberwiseClone();
        c.LineItems = [.. LineItems];
        c.PaymentIds = [.. PaymentIds];
        return c;
    }
}
