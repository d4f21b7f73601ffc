namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A credit note to a customer (<c>ACCRECCREDIT</c>) or from a supplier (<c>ACCPAYCREDIT</c>), with its allocations.</summary>
internal sealed class CreditNote : XeroEntity
{
    public string Type { get; set; } = "ACCRECCREDIT";

    public Guid ContactId { get; set; }

    public string? CreditNoteNumber { get; set; }

    public string? Reference { get; set; }

    public DateOnly Date { get; set; }

    public DateOnly? DueDate { get; set; }

    public string Status { get; set; } = "DRAFT";

    public string LineAmountTypes { get; set; } = "Exclusive";

    public List<LineItem> LineItems { get; set; } = [];

    public decimal SubTotal { get; set; }

    public decimal TotalTax { get; set; }

    public decimal Total { get; set; }

    public string CurrencyCode { get; set; } = "";

    public decimal CurrencyRate { get; set; } = 1m;

    public List<Allocation> Allocations { get; set; } = [];

    /// <summary>The credit not yet allocated; none on a voided or deleted credit note (*Decision*).</summary>
    public decimal RemainingCredit => Status is "VOIDED" or "DELETED" ? 0m : Total - Allocations.Sum(a => a.Amount);

    public DateOnly? FullyPaidOnDate { get; set; }

    public bool SentToContact { get; set; }

    public override XeroEntity Copy()
    {
        var c = (CreditNote)MemberwiseClone();
        c.LineItems = [.. LineItems];
        c.Allocations = [.. Allocations];
        return c;
    }
}

/// <summary>Part of a credit note applied to an invoice of the same contact, currency and side (sales or purchases).</summary>
internal sealed record Allocation(Guid AllocationID, Guid InvoiceId, decimal Amount, DateOnly Date);
