using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>A credit for a client, spent on invoices through payments of type "Credit" that name it.</summary>
internal sealed class CreditNote : Entity
{
    public static readonly string[] TextFields =
    [
        "credit_number", "currency_code", "language", "notes", "terms", "description", "template", "fname", "lname",
        "organization", "vat_name", "vat_number", "street", "street2", "city", "province", "code", "country",
    ];

    public static readonly string[] Types = ["goodwill", "prepayment", "overpayment"];

    public int ClientId { get; set; }

    public DateOnly CreateDate { get; set; }

    public string CreditType { get; set; } = "goodwill";

    public List<InvoiceLine> Lines { get; set; } = [];

    public decimal Amount { get; set; }

    /// <summary>Credit already applied to invoices.</summary>
    public decimal Paid { get; set; }

    public decimal Remaining => Math.Max(0, Amount - Paid);

    public string PaymentStatus => Paid <= 0 ? "unpaid" : Paid >= Amount ? "paid" : "partial";

    public string Currency => Str("currency_code") is { Length: > 0 } c ? c : "USD";

    public override Entity Copy()
    {
        var copy = (CreditNote)base.Copy();
        copy.Lines = [.. Lines];
        return copy;
    }

    /// <summary>Totals like an invoice's, without a discount.</summary>
    public void Recalculate() => Amount = DocumentTotals.Compute(Lines, 0, Currency).Amount;
}
