using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Credit notes with their lines. A wire credit note is mapped as a <see cref="PricedCreditNote"/>. Allocations are not
/// on the credit note: the store reads them from the payments that spent it.
/// </summary>
internal sealed class CreditNoteRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<CreditNoteWire, CreditNote>()
            .MapWith(wire => PricedCreditNote.Of(wire).Adapt<PricedCreditNote, CreditNote>(config));

        config.NewConfig<PricedCreditNote, CreditNote>()
            .Map(d => d.Id, s => s.Id)
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Wire.Updated, s.Wire.CreatedAt))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.Wire.VisState))
            .Map(d => d.Number, s => FreshBooksValues.Text(s.Wire.CreditNumber))
            .Map(d => d.ContactId, s => s.ContactId)
            .Map(d => d.Status, s => s.Status)
            .Map(d => d.ProviderStatus, s => PricedCreditNote.Raw(s.Wire))
            .Map(d => d.IssueDate, s => s.IssueDate)
            .Map(d => d.Currency, s => s.Priced.Currency)
            .Map(d => d.Lines, s => s.Priced.Lines)
            .Ignore(d => d.UnitPricesIncludeTax)
            .Map(d => d.Subtotal, s => s.Priced.Subtotal)
            .Map(d => d.Tax, s => s.Priced.Total - s.Priced.Subtotal)
            .Map(d => d.Total, s => s.Priced.Total)
            .Map(d => d.RemainingCredit, s => s.Remaining)
            .Ignore(d => d.Allocations)
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Wire.Notes))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewCreditNote, CreditNoteWrite>()
            .Map(d => d.ClientId, s => FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => FreshBooksValues.Date(s.IssueDate))
            .Map(d => d.CurrencyCode, s => s.Currency.Value)
            .Map(d => d.CreditNumber, s => s.Number)
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Lines, s => InvoiceRegister.LinesOut(s.Lines))
            .Ignore(d => d.VisState);

        config.NewConfig<CreditNoteChanges, CreditNoteWrite>()
            .Ignore(d => d.ClientId)
            .Map(d => d.CreateDate, s => s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null)
            .Ignore(d => d.CurrencyCode)
            .Map(d => d.CreditNumber, s => s.Number)
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Lines, s => s.Lines == null ? null : InvoiceRegister.LinesOut(s.Lines))
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        mappings.Add<CreditNoteWire, CreditNote>(wire => mappings.Map<PricedCreditNote, CreditNote>(PricedCreditNote.Of(wire)));
        // Not mapped, as in the Mapster configuration: Allocations, RawRepresentation.
        mappings.Add<PricedCreditNote, CreditNote>(s => new CreditNote
        {
            Id = s.Id,
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Wire.Updated, s.Wire.CreatedAt),
            State = FreshBooksValues.RequiredState(s.Wire.VisState),
            Number = FreshBooksValues.Text(s.Wire.CreditNumber),
            ContactId = s.ContactId,
            Status = s.Status,
            ProviderStatus = PricedCreditNote.Raw(s.Wire),
            IssueDate = s.IssueDate,
            Currency = s.Priced.Currency,
            Lines = s.Priced.Lines,
            Subtotal = s.Priced.Subtotal,
            Tax = s.Priced.Total - s.Priced.Subtotal,
            Total = s.Priced.Total,
            RemainingCredit = s.Remaining,
            Notes = FreshBooksValues.Text(s.Wire.Notes),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<NewCreditNote, CreditNoteWrite>(s => new CreditNoteWrite
        {
            ClientId = FreshBooksValues.ParseId(s.ContactId),
            CreateDate = FreshBooksValues.Date(s.IssueDate),
            CurrencyCode = s.Currency.Value,
            CreditNumber = s.Number,
            Notes = s.Notes,
            Lines = InvoiceRegister.LinesOut(s.Lines),
        });
        // Not mapped, as in the Mapster configuration: ClientId, CurrencyCode, VisState.
        mappings.Add<CreditNoteChanges, CreditNoteWrite>(s => new CreditNoteWrite
        {
            CreateDate = s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null,
            CreditNumber = s.Number,
            Notes = s.Notes,
            Lines = s.Lines == null ? null : InvoiceRegister.LinesOut(s.Lines),
        });
    }
}
