using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero sales invoices (<c>ACCREC</c>) as canonical invoices, read through <see cref="XeroInvoice"/>. Status:
/// <c>DRAFT</c>/<c>SUBMITTED</c> → Draft, <c>AUTHORISED</c> → Sent (PartiallyPaid once anything is paid or credited),
/// <c>PAID</c> → Paid, <c>VOIDED</c> → Void, <c>DELETED</c> → a deleted record (status Draft: only drafts can be deleted);
/// the raw status is kept. Notes are Xero's <c>Reference</c> (the free text printed on the invoice).
/// </summary>
internal sealed class InvoiceRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroInvoice, Invoice>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.InvoiceID, "InvoiceID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active)
            .Map(d => d.Number, s => XeroValues.Text(s.Wire.InvoiceNumber))
            .Map(d => d.ContactId, s => XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"))
            .Map(d => d.Status, s => Status(s.Wire.Status, s.Paid + s.Credited))
            .Map(d => d.ProviderStatus, s => s.Wire.Status)
            .Map(d => d.IssueDate, s => XeroValues.Date(s.Wire.Date, "Date"))
            .Map(d => d.DueDate, s => XeroValues.OptionalDate(s.Wire.DueDate, "DueDate"))
            .Map(d => d.Currency, s => s.Currency)
            .Map(d => d.Lines, s => s.Lines)
            .Map(d => d.UnitPricesIncludeTax, s => s.Inclusive)
            .Map(d => d.DiscountPercent, s => s.DiscountPercent)
            .Map(d => d.Subtotal, s => new Money(s.Subtotal, s.Currency))
            .Map(d => d.Discount, s => new Money(s.Discount, s.Currency))
            .Map(d => d.Tax, s => new Money(s.Tax, s.Currency))
            .Map(d => d.Total, s => new Money(s.Total, s.Currency))
            .Map(d => d.AmountPaid, s => new Money(s.Paid, s.Currency))
            .Map(d => d.AmountCredited, s => new Money(s.Credited, s.Currency))
            .Map(d => d.AmountDue, s => new Money(s.Due, s.Currency))
            .Map(d => d.Notes, s => XeroValues.Text(s.Wire.Reference))
            .Map(d => d.Terms, s => (string?)null)
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroInvoice, Invoice>(s => new Invoice
        {
            Id = XeroValues.Required(s.Wire.InvoiceID, "InvoiceID"),
            UpdatedAt = XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"),
            State = s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active,
            Number = XeroValues.Text(s.Wire.InvoiceNumber),
            ContactId = XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"),
            Status = Status(s.Wire.Status, s.Paid + s.Credited),
            ProviderStatus = s.Wire.Status,
            IssueDate = XeroValues.Date(s.Wire.Date, "Date"),
            DueDate = XeroValues.OptionalDate(s.Wire.DueDate, "DueDate"),
            Currency = s.Currency,
            Lines = s.Lines,
            UnitPricesIncludeTax = s.Inclusive,
            DiscountPercent = s.DiscountPercent,
            Subtotal = new Money(s.Subtotal, s.Currency),
            Discount = new Money(s.Discount, s.Currency),
            Tax = new Money(s.Tax, s.Currency),
            Total = new Money(s.Total, s.Currency),
            AmountPaid = new Money(s.Paid, s.Currency),
            AmountCredited = new Money(s.Credited, s.Currency),
            AmountDue = new Money(s.Due, s.Currency),
            Notes = XeroValues.Text(s.Wire.Reference),
            Terms = null,
        });
    }

    /// <summary>Xero's invoice status as the canonical lifecycle; an undocumented one is <see cref="InvoiceStatus.Unknown"/>.</summary>
    internal static InvoiceStatus Status(string? status, decimal settled) => status switch
    {
        "DRAFT" or "SUBMITTED" or "DELETED" => InvoiceStatus.Draft,
        "AUTHORISED" => settled > 0m ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Sent,
        "PAID" => InvoiceStatus.Paid,
        "VOIDED" => InvoiceStatus.Void,
        _ => InvoiceStatus.Unknown,
    };
}
