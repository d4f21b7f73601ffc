using Ledgerline.Xero.Sandbox.Accounting.Model;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>How payments move an invoice: <c>AmountPaid</c>, <c>AmountDue</c>, PAID with <c>FullyPaidOnDate</c>, and back on deletion.</summary>
internal static class PaymentLedger
{
    public static void Apply(Invoice invoice, Payment payment, DateTimeOffset now)
    {
        invoice.AmountPaid += payment.Amount;
        invoice.PaymentIds.Add(payment.Id);
        if (invoice.AmountDue <= 0m)
        {
            invoice.Status = "PAID";
            invoice.FullyPaidOnDate = payment.Date;
        }

        invoice.Updated = now;
    }

    /// <summary>Deleting a payment reopens a paid invoice (back to AUTHORISED).</summary>
    public static void Reverse(Invoice invoice, Payment payment, DateTimeOffset now)
    {
        invoice.AmountPaid -= payment.Amount;
        invoice.PaymentIds.Remove(payment.Id);
        if (invoice.Status == "PAID")
        {
            invoice.Status = "AUTHORISED";
            invoice.FullyPaidOnDate = null;
        }

        invoice.Updated = now;
    }
}
