namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A payment against an invoice: created, then at most deleted (Xero payments are never updated).</summary>
internal sealed class Payment : XeroEntity
{
    public Guid InvoiceId { get; set; }

    public Guid AccountId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public decimal CurrencyRate { get; set; } = 1m;

    public string? Reference { get; set; }

    public string Status { get; set; } = "AUTHORISED";

    public string PaymentType { get; set; } = "ACCRECPAYMENT";

    public override XeroEntity Copy() => (Payment)MemberwiseClone();
}
