using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>A quote: invoice-shaped lines and totals, no due date, a one-way status (draft → sent → accepted → invoiced).</summary>
internal sealed class Estimate : Entity
{
    public static readonly string[] TextFields =
    [
        "address", "street", "street2", "city", "province", "code", "country", "fname", "lname", "organization",
        "vat_name", "vat_number", "notes", "terms", "po_number", "discount_description", "currency_code", "language",
        "estimate_number", "template", "description",
    ];

    public int CustomerId { get; set; }

    public DateOnly CreateDate { get; set; }

    public decimal DiscountValue { get; set; }

    /// <summary>Stored status: 1 draft, 2 sent, 5 accepted. 6 (invoiced) is derived from the linked invoices.</summary>
    public int Status { get; set; } = 1;

    public bool Accepted { get; set; }

    public bool RequireClientSignature { get; set; }

    public bool RichProposal { get; set; }

    public string Uuid { get; set; } = "";

    public List<InvoiceLine> Lines { get; set; } = [];

    public decimal DiscountTotal { get; set; }

    public decimal Amount { get; set; }

    public string Currency => Str("currency_code") is { Length: > 0 } c ? c : "USD";

    public override Entity Copy()
    {
        var copy = (Estimate)base.Copy();
        copy.Lines = [.. Lines];
        return copy;
    }

    public void Recalculate()
    {
        var totals = DocumentTotals.Compute(Lines, DiscountValue, Currency);
        DiscountTotal = totals.DiscountTotal;
        Amount = totals.Amount;
    }

    /// <summary>The status FreshBooks reports: 6 once a linked invoice has been sent, else the stored one.</summary>
    public int StatusWith(bool invoiced) => invoiced ? 6 : Status;

    public static string UiStatus(int status) => status switch
    {
        2 => "sent",
        3 => "viewed",
        5 => "accepted",
        6 => "invoiced",
        _ => "draft",
    };
}
