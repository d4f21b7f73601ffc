using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Estimates with their lines. A wire estimate is mapped as a <see cref="PricedEstimate"/>, whose amounts follow the
/// invoice's arithmetic (tax is what makes them add up). FreshBooks estimates have no expiry date: it is never sent and
/// reads as null.
/// </summary>
internal sealed class EstimateRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<EstimateWire, Estimate>()
            .MapWith(wire => PricedEstimate.Of(wire).Adapt<PricedEstimate, Estimate>(config));

        config.NewConfig<PricedEstimate, Estimate>()
            .Map(d => d.Id, s => s.Id)
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Wire.Updated, s.Wire.CreatedAt))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.Wire.VisState))
            .Map(d => d.Number, s => FreshBooksValues.Text(s.Wire.EstimateNumber))
            .Map(d => d.ContactId, s => s.ContactId)
            .Map(d => d.Status, s => s.Status)
            .Map(d => d.ProviderStatus, s => EstimateStatusMapping.Raw(s.Wire.UiStatus, s.Wire.Status))
            .Map(d => d.IssueDate, s => s.IssueDate)
            .Ignore(d => d.ExpiryDate)
            .Map(d => d.Currency, s => s.Priced.Currency)
            .Map(d => d.Lines, s => s.Priced.Lines)
            .Ignore(d => d.UnitPricesIncludeTax)
            .Map(d => d.DiscountPercent, s => PricedInvoice.DiscountPercentOf(s.Wire.DiscountValue, s.Priced.Discount))
            .Map(d => d.Subtotal, s => s.Priced.Subtotal)
            .Map(d => d.Discount, s => s.Priced.Discount)
            .Map(d => d.Tax, s => s.Priced.Total - s.Priced.Subtotal + s.Priced.Discount)
            .Map(d => d.Total, s => s.Priced.Total)
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Wire.Notes))
            .Map(d => d.Terms, s => FreshBooksValues.Text(s.Wire.Terms))
            .Map(d => d.InvoiceId, s => PricedEstimate.InvoiceIdOf(s.Wire))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewEstimate, EstimateWrite>()
            .Map(d => d.CustomerId, s => FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => FreshBooksValues.Date(s.IssueDate))
            .Map(d => d.CurrencyCode, s => s.Currency.Value)
            .Map(d => d.EstimateNumber, s => s.Number)
            .Map(d => d.DiscountValue, s => FreshBooksValues.Number(s.DiscountPercent))
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Terms, s => s.Terms)
            .Map(d => d.Lines, s => InvoiceRegister.LinesOut(s.Lines))
            .Ignore(d => d.VisState)
            .Ignore(d => d.ActionMarkAsSent)
            .Ignore(d => d.ActionAccept);

        config.NewConfig<EstimateChanges, EstimateWrite>()
            .Map(d => d.CustomerId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null)
            .Ignore(d => d.CurrencyCode)
            .Map(d => d.EstimateNumber, s => s.Number)
            .Map(d => d.DiscountValue, s => s.DiscountPercent.HasValue ? FreshBooksValues.Number(s.DiscountPercent.Value) : null)
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Terms, s => s.Terms)
            .Map(d => d.Lines, s => s.Lines == null ? null : InvoiceRegister.LinesOut(s.Lines))
            .Ignore(d => d.VisState)
            .Ignore(d => d.ActionMarkAsSent)
            .Ignore(d => d.ActionAccept);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        mappings.Add<EstimateWire, Estimate>(wire => mappings.Map<PricedEstimate, Estimate>(PricedEstimate.Of(wire)));
        // Not mapped, as in the Mapster configuration: ExpiryDate, UnitPricesIncludeTax, RawRepresentation.
        mappings.Add<PricedEstimate, Estimate>(s => new Estimate
        {
            Id = s.Id,
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Wire.Updated, s.Wire.CreatedAt),
            State = FreshBooksValues.RequiredState(s.Wire.VisState),
            Number = FreshBooksValues.Text(s.Wire.EstimateNumber),
            ContactId = s.ContactId,
            Status = s.Status,
            ProviderStatus = EstimateStatusMapping.Raw(s.Wire.UiStatus, s.Wire.Status),
            IssueDate = s.IssueDate,
            Currency = s.Priced.Currency,
            Lines = s.Priced.Lines,
            DiscountPercent = PricedInvoice.DiscountPercentOf(s.Wire.DiscountValue, s.Priced.Discount),
            Subtotal = s.Priced.Subtotal,
            Discount = s.Priced.Discount,
            Tax = s.Priced.Total - s.Priced.Subtotal + s.Priced.Discount,
            Total = s.Priced.Total,
            Notes = FreshBooksValues.Text(s.Wire.Notes),
            Terms = FreshBooksValues.Text(s.Wire.Terms),
            InvoiceId = PricedEstimate.InvoiceIdOf(s.Wire),
        });
        // Not mapped, as in the Mapster configuration: VisState, ActionMarkAsSent, ActionAccept.
        mappings.Add<NewEstimate, EstimateWrite>(s => new EstimateWrite
        {
            CustomerId = FreshBooksValues.ParseId(s.ContactId),
            CreateDate = FreshBooksValues.Date(s.IssueDate),
            CurrencyCode = s.Currency.Value,
            EstimateNumber = s.Number,
            DiscountValue = FreshBooksValues.Number(s.DiscountPercent),
            Notes = s.Notes,
            Terms = s.Terms,
            Lines = InvoiceRegister.LinesOut(s.Lines),
        });
        // Not mapped, as in the Mapster configuration: CurrencyCode, VisState, ActionMarkAsSent, ActionAccept.
        mappings.Add<EstimateChanges, EstimateWrite>(s => new EstimateWrite
        {
            CustomerId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            CreateDate = s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null,
            EstimateNumber = s.Number,
            DiscountValue = s.DiscountPercent.HasValue ? FreshBooksValues.Number(s.DiscountPercent.Value) : null,
            Notes = s.Notes,
            Terms = s.Terms,
            Lines = s.Lines == null ? null : InvoiceRegister.LinesOut(s.Lines),
        });
    }
}
