using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero customer credit notes (<c>ACCRECCREDIT</c>, read through <see cref="XeroCreditNote"/>) as canonical credit notes.
/// Status: <c>DRAFT</c>/<c>SUBMITTED</c> → Draft, <c>AUTHORISED</c> → Open, <c>PAID</c> (no credit left) → Applied,
/// <c>VOIDED</c> → Void, <c>DELETED</c> → a deleted record (status Draft: only drafts can be deleted); anything else →
/// Unknown, the raw status kept. Notes are Xero's <c>Reference</c>, the number its <c>CreditNoteNumber</c>.
/// </summary>
internal sealed class CreditNoteRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroCreditNote, CreditNote>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.CreditNoteID, "CreditNoteID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active)
            .Map(d => d.Number, s => XeroValues.Text(s.Wire.CreditNoteNumber))
            .Map(d => d.ContactId, s => XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"))
            .Map(d => d.Status, s => Status(s.Wire.Status))
            .Map(d => d.ProviderStatus, s => s.Wire.Status)
            .Map(d => d.IssueDate, s => XeroValues.Date(s.Wire.Date, "Date"))
            .Map(d => d.Currency, s => s.Currency)
            .Map(d => d.Lines, s => s.Lines)
            .Map(d => d.UnitPricesIncludeTax, s => s.Inclusive)
            .Map(d => d.Subtotal, s => new Money(s.Subtotal, s.Currency))
            .Map(d => d.Tax, s => new Money(s.Tax, s.Currency))
            .Map(d => d.Total, s => new Money(s.Total, s.Currency))
            .Map(d => d.RemainingCredit, s => new Money(s.Remaining, s.Currency))
            .Map(d => d.Allocations, s => s.Allocations)
            .Map(d => d.Notes, s => XeroValues.Text(s.Wire.Reference))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroCreditNote, CreditNote>(s => new CreditNote
        {
            Id = XeroValues.Required(s.Wire.CreditNoteID, "CreditNoteID"),
            UpdatedAt = XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"),
            State = s.Wire.Status == "DELETED" ? RecordState.Deleted : RecordState.Active,
            Number = XeroValues.Text(s.Wire.CreditNoteNumber),
            ContactId = XeroValues.Required(s.Wire.Contact == null ? null : s.Wire.Contact.ContactID, "Contact.ContactID"),
            Status = Status(s.Wire.Status),
            ProviderStatus = s.Wire.Status,
            IssueDate = XeroValues.Date(s.Wire.Date, "Date"),
            Currency = s.Currency,
            Lines = s.Lines,
            UnitPricesIncludeTax = s.Inclusive,
            Subtotal = new Money(s.Subtotal, s.Currency),
            Tax = new Money(s.Tax, s.Currency),
            Total = new Money(s.Total, s.Currency),
            RemainingCredit = new Money(s.Remaining, s.Currency),
            Allocations = s.Allocations,
            Notes = XeroValues.Text(s.Wire.Reference),
        });
    }

    /// <summary>Xero's credit note status as the canonical lifecycle; an undocumented one is <see cref="CreditNoteStatus.Unknown"/>.</summary>
    internal static CreditNoteStatus Status(string? status) => status switch
    {
        "DRAFT" or "SUBMITTED" or "DELETED" => CreditNoteStatus.Draft,
        "AUTHORISED" => CreditNoteStatus.Open,
        "PAID" => CreditNoteStatus.Applied,
        "VOIDED" => CreditNoteStatus.Void,
        _ => CreditNoteStatus.Unknown,
    };
}
