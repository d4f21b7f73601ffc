using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero bills (<c>ACCPAY</c> invoices, read through <see cref="XeroBill"/>) and their payments (<c>ACCPAYPAYMENT</c>) as
/// canonical bills and bill payments. Bill status: <c>DRAFT</c>/<c>SUBMITTED</c> → Draft, <c>AUTHORISED</c> → Open
/// (PartiallyPaid once anything is paid or credited), <c>PAID</c> → Paid, <c>VOIDED</c> → Void, <c>DELETED</c> → a deleted
/// record (status Draft: only drafts can be deleted); anything else → Unknown, the raw status kept. Xero has no overdue
/// status. The number is Xero's <c>InvoiceNumber</c> (what Xero's app shows as a bill's reference); Xero keeps no notes
/// on a bill (<c>Reference</c> is for sales documents only). A line's category is its <c>AccountCode</c>.
/// </summary>
internal sealed class BillRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroBill, Bill>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.InvoiceID, "InvoiceID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active)
            .Map(d => d.Number, s => XeroValues.Text(s.Wire.InvoiceNumber))
            .Map(d => d.VendorId, s => XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"))
            .Map(d => d.Status, s => Status(s.Wire.Status, s.Paid))
            .Map(d => d.ProviderStatus, s => s.Wire.Status)
            .Map(d => d.IssueDate, s => XeroValues.Date(s.Wire.Date, "Date"))
            .Map(d => d.DueDate, s => XeroValues.OptionalDate(s.Wire.DueDate, "DueDate"))
            .Map(d => d.Currency, s => s.Currency)
            .Map(d => d.Lines, s => s.Lines)
            .Map(d => d.UnitPricesIncludeTax, s => s.Inclusive)
            .Map(d => d.Subtotal, s => new Money(s.Subtotal, s.Currency))
            .Map(d => d.Tax, s => new Money(s.Tax, s.Currency))
            .Map(d => d.Total, s => new Money(s.Total, s.Currency))
            .Map(d => d.AmountPaid, s => new Money(s.Paid, s.Currency))
            .Map(d => d.AmountDue, s => new Money(s.Due, s.Currency))
            .Map(d => d.Notes, s => (string?)null)
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<PaymentWire, BillPayment>()
            .Map(d => d.Id, s => XeroValues.Required(s.PaymentID, "PaymentID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => PaymentRegister.State(s.Status))
            .Map(d => d.BillId, s => XeroValues.Required(s.Invoice == null ? null : s.Invoice.InvoiceID, "Invoice.InvoiceID"))
            .Map(d => d.VendorId, s => s.Invoice == null || s.Invoice.Contact == null ? null : XeroValues.Text(s.Invoice.Contact.ContactID))
            .Map(d => d.Amount, s => new Money(
                XeroValues.Required(s.Amount, "Amount"),
                XeroValues.Currency(s.Invoice == null ? null : s.Invoice.CurrencyCode, "Invoice.CurrencyCode")))
            .Map(d => d.Date, s => XeroValues.Date(s.Date, "Date"))
            .Map(d => d.Method, s => (string?)null)
            .Map(d => d.Note, s => XeroValues.Text(s.Reference))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroBill, Bill>(s => new Bill
        {
            Id = XeroValues.Required(s.Wire.InvoiceID, "InvoiceID"),
            UpdatedAt = XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"),
            State = s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active,
            Number = XeroValues.Text(s.Wire.InvoiceNumber),
            VendorId = XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"),
            Status = Status(s.Wire.Status, s.Paid),
            ProviderStatus = s.Wire.Status,
            IssueDate = XeroValues.Date(s.Wire.Date, "Date"),
            DueDate = XeroValues.OptionalDate(s.Wire.DueDate, "DueDate"),
            Currency = s.Currency,
            Lines = s.Lines,
            UnitPricesIncludeTax = s.Inclusive,
            Subtotal = new Money(s.Subtotal, s.Currency),
            Tax = new Money(s.Tax, s.Currency),
            Total = new Money(s.Total, s.Currency),
            AmountPaid = new Money(s.Paid, s.Currency),
            AmountDue = new Money(s.Due, s.Currency),
            Notes = null,
        });
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<PaymentWire, BillPayment>(s => new BillPayment
        {
            Id = XeroValues.Required(s.PaymentID, "PaymentID"),
            UpdatedAt = XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"),
            State = PaymentRegister.State(s.Status),
            BillId = XeroValues.Required(s.Invoice == null ? null : s.Invoice.InvoiceID, "Invoice.InvoiceID"),
            VendorId = s.Invoice == null || s.Invoice.Contact == null ? null : XeroValues.Text(s.Invoice.Contact.ContactID),
            Amount = new Money(
                XeroValues.Required(s.Amount, "Amount"),
                XeroValues.Currency(s.Invoice == null ? null : s.Invoice.CurrencyCode, "Invoice.CurrencyCode")),
            Date = XeroValues.Date(s.Date, "Date"),
            Method = null,
            Note = XeroValues.Text(s.Reference),
        });
    }

    /// <summary>Xero's bill status as the canonical lifecycle; an undocumented one is <see cref="BillStatus.Unknown"/>.</summary>
    internal static BillStatus Status(string? status, decimal settled) => status switch
    {
        "DRAFT" or "SUBMITTED" or "DELETED" => BillStatus.Draft,
        "AUTHORISED" => settled > 0m ? BillStatus.PartiallyPaid : BillStatus.Open,
        "PAID" => BillStatus.Paid,
        "VOIDED" => BillStatus.Void,
        _ => BillStatus.Unknown,
    };
}
