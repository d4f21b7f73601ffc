using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal sealed class BillPayment : Entity
{
    public static readonly string[] Types =
    [
        "Check", "Credit", "Cash", "Bank Transfer", "Credit Card", "Debit", "PayPal", "2Checkout", "VISA",
        "MASTERCARD", "DISCOVER", "AMEX", "DINERS", "JCB", "ACH", "Other",
    ];

    public int BillId { get; set; }

    public decimal Amount { get; set; }

    public string Code { get; set; } = "USD";

    public DateOnly PaidDate { get; set; }
}
