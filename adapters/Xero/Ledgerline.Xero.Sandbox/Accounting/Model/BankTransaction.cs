namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>Money spent (<c>SPEND</c>, Ledgerline's expenses) or received (<c>RECEIVE</c>) straight through a bank account.</summary>
internal sealed class BankTransaction : XeroEntity
{
    public string Type { get; set; } = "SPEND";

    public Guid? ContactId { get; set; }

    public Guid BankAccountId { get; set; }

    public DateOnly Date { get; set; }

    public string? Reference { get; set; }

    public string Status { get; set; } = "AUTHORISED";

    public string LineAmountTypes { get; set; } = "Exclusive";

    public List<LineItem> LineItems { get; set; } = [];

    public decimal SubTotal { get; set; }

    public decimal TotalTax { get; set; }

    public decimal Total { get; set; }

    public string CurrencyCode { get; set; } = "";

    public decimal CurrencyRate { get; set; } = 1m;

    public bool IsReconciled { get; set; }

    public override XeroEntity Copy()
    {
        var c = (BankTransaction)MemberwiseClone();
        c.LineItems = [.. LineItems];
        return c;
    }
}
