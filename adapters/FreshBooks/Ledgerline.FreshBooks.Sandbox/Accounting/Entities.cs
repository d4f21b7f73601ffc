using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal sealed class Client : Entity
{
    public static readonly string[] TextFields =
    [
        "fname", "lname", "organization", "email", "bus_phone", "home_phone", "mob_phone", "fax", "note",
        "currency_code", "language", "p_street", "p_street2", "p_city", "p_province", "p_code", "p_country",
        "s_street", "s_street2", "s_city", "s_province", "s_code", "s_country", "vat_name", "vat_number",
        "company_industry", "company_size", "username",
    ];

    /// <summary>Fields FreshBooks returns as null rather than "" when never set.</summary>
    public static readonly HashSet<string> NullableText = ["home_phone", "note", "company_industry", "company_size"];

    public bool AllowLateFees { get; set; }

    public bool AllowLateNotifications { get; set; } = true;

    public bool AllowEmailIncludePdf { get; set; }

    public string Uuid { get; set; } = "";
}

internal sealed class InvoiceLine
{
    public int LineId { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public decimal Qty { get; set; } = 1;

    public decimal UnitCost { get; set; }

    public string? TaxName1 { get; set; }

    public decimal? TaxAmount1 { get; set; }

    public string? TaxName2 { get; set; }

    public decimal? TaxAmount2 { get; set; }

    public bool CompoundedTax { get; set; }

    public int Type { get; set; }

    public int ExpenseId { get; set; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>The invoice currency's minor unit, set by <see cref="Invoice.Recalculate"/>.</summary>
    public int Decimals { get; set; } = 2;

    public decimal Amount => MinorUnits.Round(Qty * UnitCost, Decimals);
}

internal sealed class Invoice : Entity
{
    public static readonly string[] TextFields =
    [
        "address", "street", "street2", "city", "province", "code", "country", "fname", "lname", "organization",
        "email", "vat_name", "vat_number", "notes", "terms", "po_number", "discount_description", "currency_code",
        "language", "invoice_number", "template", "description", "payment_details", "return_uri",
    ];

    public int CustomerId { get; set; }

    /// <summary>The estimate this invoice was made from (0 when none); set on create only.</summary>
    public int EstimateId { get; set; }

    public DateOnly CreateDate { get; set; }

    public int DueOffsetDays { get; set; }

    public DateOnly? GenerationDate { get; set; }

    public DateOnly? DatePaid { get; set; }

    public decimal DiscountValue { get; set; }

    public decimal? DepositPercentage { get; set; }

    public bool ShowAttachments { get; set; }

    /// <summary>Stored FreshBooks status: 1 draft, 2 sent, 4 paid, 8 partial.</summary>
    public int Status { get; set; } = 1;

    public bool Sent { get; set; }

    public string Uuid { get; set; } = "";

    public List<InvoiceLine> Lines { get; set; } = [];

    public decimal Subtotal { get; set; }

    public decimal DiscountTotal { get; set; }

    public decimal TaxTotal { get; set; }

    public decimal Amount { get; set; }

    public decimal Paid { get; set; }

    public decimal Outstanding => Math.Max(0, Amount - Paid);

    public DateOnly DueDate => CreateDate.AddDays(DueOffsetDays);

    public string Currency => Str("currency_code") is { Length: > 0 } c ? c : "USD";

    public override Entity Copy()
    {
        var copy = (Invoice)base.Copy();
        copy.Lines = [.. Lines];
        return copy;
    }

    public string PaymentStatus => Paid <= 0 ? "unpaid" : Paid >= Amount ? "paid" : "partial";

    /// <summary>v3_status as FreshBooks derives it; "overdue" depends on the sandbox clock.</summary>
    public string V3Status(DateOnly today) => Status switch
    {
        4 => "paid",
        8 => "partial",
        1 => "draft",
        _ => DueDate < today ? "overdue" : "sent",
    };

    public string DisplayStatus => Sent ? "sent" : "draft";

    public void Recalculate()
    {
        var totals = DocumentTotals.Compute(Lines, DiscountValue, Currency);
        Subtotal = totals.Subtotal;
        DiscountTotal = totals.DiscountTotal;
        TaxTotal = totals.Tax;
        Amount = totals.Amount;
    }

    /// <summary>Applies the paid total to the status fields (status, payment_status, date_paid).</summary>
    public void ApplyPayments(decimal paid, DateOnly? lastPaymentDate)
    {
        Paid = paid;
        if (paid > 0 && paid >= Amount)
        {
            Status = 4;
            DatePaid = lastPaymentDate;
        }
        else if (paid > 0)
        {
            Status = 8;
            DatePaid = null;
        }
        else
        {
            Status = Sent ? 2 : 1;
            DatePaid = null;
        }
    }
}

internal sealed class Payment : Entity
{
    public static readonly string[] Types =
    [
        "2Checkout", "Ach", "AMEX", "Bank Transfer", "Cash", "Check", "Credit", "Credit Card", "Debit", "Diners",
        "Discover", "Eurocard", "JCB", "MasterCard", "Nova", "Other", "PayPal", "Visa",
    ];

    public int InvoiceId { get; set; }

    public int ClientId { get; set; }

    public decimal Amount { get; set; }

    public string Code { get; set; } = "USD";

    public DateOnly Date { get; set; }

    public bool? SendClientNotification { get; set; }

    public int OverpaymentId { get; set; }

    /// <summary>The credit note this payment draws on (type "Credit"); 0 for an ordinary payment. Set on create only.</summary>
    public int CreditId { get; set; }
}

internal sealed class Expense : Entity
{
    public decimal Amount { get; set; }

    public string Code { get; set; } = "USD";

    public int CategoryId { get; set; }

    public int ClientId { get; set; }

    public int ProjectId { get; set; }

    public int InvoiceId { get; set; }

    public int StaffId { get; set; } = 1;

    public DateOnly Date { get; set; }

    public decimal? TaxAmount1 { get; set; }

    public decimal? TaxAmount2 { get; set; }

    public decimal? TaxPercent1 { get; set; }

    public decimal? TaxPercent2 { get; set; }

    public decimal MarkupPercent { get; set; }

    public int Status { get; set; }

    public bool Billable { get; set; }
}

internal sealed class ExpenseCategory : Entity
{
    public int ParentId { get; set; }

    public bool IsCogs { get; set; }

    public bool IsEditable { get; set; }
}

internal sealed class Item : Entity
{
    public decimal Qty { get; set; }

    public decimal? Inventory { get; set; }

    public int Tax1 { get; set; }

    public int Tax2 { get; set; }

    public decimal UnitCost { get; set; }

    public string Code { get; set; } = "USD";
}

internal sealed class Tax : Entity
{
    public decimal Amount { get; set; }

    public bool Compound { get; set; }
}
