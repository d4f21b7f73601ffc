using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero payments of sales invoices as canonical payments. <c>Status</c> <c>AUTHORISED</c> is active and <c>DELETED</c>
/// deleted; the note is Xero's <c>Reference</c>; Xero keeps no payment method. The amount is in the invoice's currency.
/// </summary>
internal sealed class PaymentRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PaymentWire, Payment>()
            .Map(d => d.Id, s => XeroValues.Required(s.PaymentID, "PaymentID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => State(s.Status))
            .Map(d => d.InvoiceId, s => XeroValues.Required(s.Invoice == null ? null : s.Invoice.InvoiceID, "Invoice.InvoiceID"))
            .Map(d => d.ContactId, s => s.Invoice == null || s.Invoice.Contact == null ? null : XeroValues.Text(s.Invoice.Contact.ContactID))
            .Map(d => d.Amount, s => new Money(
                XeroValues.Required(s.Amount, "Amount"),
                XeroValues.Currency(s.Invoice == null ? null : s.Invoice.CurrencyCode, "Invoice.CurrencyCode")))
            .Map(d => d.Date, s => XeroValues.Date(s.Date, "Date"))
            .Map(d => d.Method, s => (string?)null)
            .Map(d => d.Note, s => XeroValues.Text(s.Reference))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<PaymentWire, Payment>(s => new Payment
        {
            Id = XeroValues.Required(s.PaymentID, "PaymentID"),
            UpdatedAt = XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"),
            State = State(s.Status),
            InvoiceId = XeroValues.Required(s.Invoice == null ? null : s.Invoice.InvoiceID, "Invoice.InvoiceID"),
            ContactId = s.Invoice == null || s.Invoice.Contact == null ? null : XeroValues.Text(s.Invoice.Contact.ContactID),
            Amount = new Money(
                XeroValues.Required(s.Amount, "Amount"),
                XeroValues.Currency(s.Invoice == null ? null : s.Invoice.CurrencyCode, "Invoice.CurrencyCode")),
            Date = XeroValues.Date(s.Date, "Date"),
            Method = null,
            Note = XeroValues.Text(s.Reference),
        });
    }

    internal static RecordState State(string? status) => status switch
    {
        "AUTHORISED" => RecordState.Active,
        "DELETED" => RecordState.Deleted,
        _ => throw new FormatException($"Xero sent payment Status '{status}', which is not AUTHORISED or DELETED."),
    };
}
