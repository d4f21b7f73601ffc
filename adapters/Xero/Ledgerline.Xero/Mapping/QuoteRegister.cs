using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero quotes (read through <see cref="XeroQuote"/>) as canonical estimates. Status: <c>DRAFT</c> → Draft, <c>SENT</c> →
/// Sent, <c>ACCEPTED</c> → Accepted, <c>DECLINED</c> → Declined, <c>INVOICED</c> → Invoiced, <c>DELETED</c> → a deleted
/// record whose status is Unknown (Xero deletes quotes in any status but invoiced and keeps no earlier status); anything
/// else → Unknown. The raw status is kept in <see cref="Estimate.ProviderStatus"/>. Notes are Xero's <c>Summary</c> (the
/// text shown to the contact), terms its <c>Terms</c>, the number its <c>QuoteNumber</c>; <c>Title</c> and
/// <c>Reference</c> are not canonical (they stay in the raw representation).
/// </summary>
internal sealed class QuoteRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroQuote, Estimate>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.QuoteID, "QuoteID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active)
            .Map(d => d.Number, s => XeroValues.Text(s.Wire.QuoteNumber))
            .Map(d => d.ContactId, s => XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"))
            .Map(d => d.Status, s => Status(s.Wire.Status))
            .Map(d => d.ProviderStatus, s => s.Wire.Status)
            .Map(d => d.IssueDate, s => XeroValues.Date(s.Wire.Date, "Date"))
            .Map(d => d.ExpiryDate, s => XeroValues.OptionalDate(s.Wire.ExpiryDate, "ExpiryDate"))
            .Map(d => d.Currency, s => s.Currency)
            .Map(d => d.Lines, s => s.Lines)
            .Map(d => d.UnitPricesIncludeTax, s => s.Inclusive)
            .Map(d => d.DiscountPercent, s => s.DiscountPercent)
            .Map(d => d.Subtotal, s => new Money(s.Subtotal, s.Currency))
            .Map(d => d.Discount, s => new Money(s.Discount, s.Currency))
            .Map(d => d.Tax, s => new Money(s.Tax, s.Currency))
            .Map(d => d.Total, s => new Money(s.Total, s.Currency))
            .Map(d => d.Notes, s => XeroValues.Text(s.Wire.Summary))
            .Map(d => d.Terms, s => XeroValues.Text(s.Wire.Terms))
            .Map(d => d.InvoiceId, s => s.InvoiceId)
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroQuote, Estimate>(s => new Estimate
        {
            Id = XeroValues.Required(s.Wire.QuoteID, "QuoteID"),
            UpdatedAt = XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"),
            State = s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active,
            Number = XeroValues.Text(s.Wire.QuoteNumber),
            ContactId = XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"),
            Status = Status(s.Wire.Status),
            ProviderStatus = s.Wire.Status,
            IssueDate = XeroValues.Date(s.Wire.Date, "Date"),
            ExpiryDate = XeroValues.OptionalDate(s.Wire.ExpiryDate, "ExpiryDate"),
            Currency = s.Currency,
            Lines = s.Lines,
            UnitPricesIncludeTax = s.Inclusive,
            DiscountPercent = s.DiscountPercent,
            Subtotal = new Money(s.Subtotal, s.Currency),
            Discount = new Money(s.Discount, s.Currency),
            Tax = new Money(s.Tax, s.Currency),
            Total = new Money(s.Total, s.Currency),
            Notes = XeroValues.Text(s.Wire.Summary),
            Terms = XeroValues.Text(s.Wire.Terms),
            InvoiceId = s.InvoiceId,
        });
    }

    /// <summary>Xero's quote status as the canonical lifecycle; an undocumented one (and DELETED) is <see cref="EstimateStatus.Unknown"/>.</summary>
    internal static EstimateStatus Status(string? status) => status switch
    {
        "DRAFT" => EstimateStatus.Draft,
        "SENT" => EstimateStatus.Sent,
        "ACCEPTED" => EstimateStatus.Accepted,
        "DECLINED" => EstimateStatus.Declined,
        "INVOICED" => EstimateStatus.Invoiced,
        _ => EstimateStatus.Unknown,
    };
}
