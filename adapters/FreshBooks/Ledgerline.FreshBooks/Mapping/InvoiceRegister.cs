using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Invoices with their lines. A wire invoice is mapped as a <see cref="PricedInvoice"/>, which has read its lines and
/// amounts once; tax is what makes the amounts add up, so the canonical identities hold exactly whatever FreshBooks rounded.
/// Id, <c>customerid</c>, <c>create_date</c>, <c>updated</c>, <c>vis_state</c> and a status are required (besides what
/// <see cref="PricedInvoice"/> requires).
/// </summary>
internal sealed class InvoiceRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // Lines and amounts are read once per invoice (PricedInvoice.Of), then mapped member by member.
        config.NewConfig<InvoiceWire, Invoice>()
            .MapWith(wire => PricedInvoice.Of(wire).Adapt<PricedInvoice, Invoice>(config));

        config.NewConfig<PricedInvoice, Invoice>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Wire.Id, s.Wire.InvoiceId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Wire.Updated))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.Wire.VisState))
            .Map(d => d.Number, s => FreshBooksValues.Text(s.Wire.InvoiceNumber))
            .Map(d => d.ContactId, s => FreshBooksValues.RequiredReference(s.Wire.CustomerId, "customerid"))
            .Map(d => d.Status, s => InvoiceStatusMapping.Map(s.Wire.V3Status, s.Wire.Status, s.Wire.PaymentStatus))
            .Map(d => d.ProviderStatus, s => InvoiceStatusMapping.RequiredRaw(s.Wire.V3Status, s.Wire.Status, s.Wire.PaymentStatus))
            .Map(d => d.IssueDate, s => FreshBooksValues.RequiredDate(s.Wire.CreateDate, "create_date"))
            .Map(d => d.DueDate, s => PricedInvoice.DueDate(s.Wire))
            .Map(d => d.Currency, s => s.Currency)
            .Map(d => d.Lines, s => s.Lines)
            .Map(d => d.DiscountPercent, s => PricedInvoice.DiscountPercentOf(s.Wire.DiscountValue, s.Discount))
            .Map(d => d.Subtotal, s => s.Subtotal)
            .Map(d => d.Discount, s => s.Discount)
            .Map(d => d.Tax, s => s.Total - s.Subtotal + s.Discount)
            .Map(d => d.Total, s => s.Total)
            .Map(d => d.AmountPaid, s => s.Paid)
            .Map(d => d.AmountDue, s => s.Total - s.Paid)
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Wire.Notes))
            .Map(d => d.Terms, s => FreshBooksValues.Text(s.Wire.Terms))
            // FreshBooks applies credit as payments of type Credit, counted in AmountPaid: nothing is credited separately.
            .Ignore(d => d.AmountCredited)
            // FreshBooks prices are always tax-exclusive.
            .Ignore(d => d.UnitPricesIncludeTax)
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewInvoice, InvoiceWrite>()
            .Map(d => d.CustomerId, s => FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => FreshBooksValues.Date(s.IssueDate))
            .Map(d => d.DueOffsetDays, s => s.DueDate.HasValue ? s.DueDate.Value.DayNumber - s.IssueDate.DayNumber : (int?)null)
            .Map(d => d.CurrencyCode, s => s.Currency.Value)
            .Map(d => d.InvoiceNumber, s => s.Number)
            .Map(d => d.DiscountValue, s => FreshBooksValues.Number(s.DiscountPercent))
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Terms, s => s.Terms)
            .Map(d => d.Lines, s => LinesOut(s.Lines))
            .Ignore(d => d.VisState)
            .Ignore(d => d.ActionMarkAsSent);

        // The due date travels as an offset from the issue date; the store fills DueOffsetDays once it knows both.
        config.NewConfig<InvoiceChanges, InvoiceWrite>()
            .Map(d => d.CustomerId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.CreateDate, s => s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null)
            .Ignore(d => d.DueOffsetDays)
            .Map(d => d.CurrencyCode, s => s.Currency.HasValue ? s.Currency.Value.Value : null)
            .Map(d => d.InvoiceNumber, s => s.Number)
            .Map(d => d.DiscountValue, s => s.DiscountPercent.HasValue ? FreshBooksValues.Number(s.DiscountPercent.Value) : null)
            .Map(d => d.Notes, s => s.Notes)
            .Map(d => d.Terms, s => s.Terms)
            .Map(d => d.Lines, s => s.Lines == null ? null : LinesOut(s.Lines))
            .Ignore(d => d.VisState)
            .Ignore(d => d.ActionMarkAsSent);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        mappings.Add<InvoiceWire, Invoice>(wire => mappings.Map<PricedInvoice, Invoice>(PricedInvoice.Of(wire)));
        // Not mapped, as in the Mapster configuration: AmountCredited, UnitPricesIncludeTax, RawRepresentation.
        mappings.Add<PricedInvoice, Invoice>(s => new Invoice
        {
            Id = FreshBooksValues.RequiredId(s.Wire.Id, s.Wire.InvoiceId),
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Wire.Updated),
            State = FreshBooksValues.RequiredState(s.Wire.VisState),
            Number = FreshBooksValues.Text(s.Wire.InvoiceNumber),
            ContactId = FreshBooksValues.RequiredReference(s.Wire.CustomerId, "customerid"),
            Status = InvoiceStatusMapping.Map(s.Wire.V3Status, s.Wire.Status, s.Wire.PaymentStatus),
            ProviderStatus = InvoiceStatusMapping.RequiredRaw(s.Wire.V3Status, s.Wire.Status, s.Wire.PaymentStatus),
            IssueDate = FreshBooksValues.RequiredDate(s.Wire.CreateDate, "create_date"),
            DueDate = PricedInvoice.DueDate(s.Wire),
            Currency = s.Currency,
            Lines = s.Lines,
            DiscountPercent = PricedInvoice.DiscountPercentOf(s.Wire.DiscountValue, s.Discount),
            Subtotal = s.Subtotal,
            Discount = s.Discount,
            Tax = s.Total - s.Subtotal + s.Discount,
            Total = s.Total,
            AmountPaid = s.Paid,
            AmountDue = s.Total - s.Paid,
            Notes = FreshBooksValues.Text(s.Wire.Notes),
            Terms = FreshBooksValues.Text(s.Wire.Terms),
        });
        // Not mapped, as in the Mapster configuration: VisState, ActionMarkAsSent.
        mappings.Add<NewInvoice, InvoiceWrite>(s => new InvoiceWrite
        {
            CustomerId = FreshBooksValues.ParseId(s.ContactId),
            CreateDate = FreshBooksValues.Date(s.IssueDate),
            DueOffsetDays = s.DueDate.HasValue ? s.DueDate.Value.DayNumber - s.IssueDate.DayNumber : (int?)null,
            CurrencyCode = s.Currency.Value,
            InvoiceNumber = s.Number,
            DiscountValue = FreshBooksValues.Number(s.DiscountPercent),
            Notes = s.Notes,
            Terms = s.Terms,
            Lines = LinesOut(s.Lines),
        });
        // Not mapped, as in the Mapster configuration: DueOffsetDays, VisState, ActionMarkAsSent.
        mappings.Add<InvoiceChanges, InvoiceWrite>(s => new InvoiceWrite
        {
            CustomerId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            CreateDate = s.IssueDate.HasValue ? FreshBooksValues.Date(s.IssueDate.Value) : null,
            CurrencyCode = s.Currency.HasValue ? s.Currency.Value.Value : null,
            InvoiceNumber = s.Number,
            DiscountValue = s.DiscountPercent.HasValue ? FreshBooksValues.Number(s.DiscountPercent.Value) : null,
            Notes = s.Notes,
            Terms = s.Terms,
            Lines = s.Lines == null ? null : LinesOut(s.Lines),
        });
    }

    internal static IReadOnlyList<InvoiceLineWrite> LinesOut(IReadOnlyList<NewInvoiceLine> lines) =>
        lines.Select(l => new InvoiceLineWrite
        {
            Name = l.Name,
            Description = l.Description,
            Quantity = FreshBooksValues.Number(l.Quantity),
            UnitCost = FreshBooksValues.MoneyOut(l.UnitPrice),
            TaxName1 = l.Taxes.Count > 0 ? l.Taxes[0].Name : null,
            TaxPercent1 = l.Taxes.Count > 0 ? FreshBooksValues.Number(l.Taxes[0].Percent) : null,
            TaxName2 = l.Taxes.Count > 1 ? l.Taxes[1].Name : null,
            TaxPercent2 = l.Taxes.Count > 1 ? FreshBooksValues.Number(l.Taxes[1].Percent) : null,
        }).ToArray();
}
