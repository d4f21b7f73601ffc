using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Payments. FreshBooks names the payer <c>clientid</c> here (<c>customerid</c> on invoices). Id, <c>invoiceid</c>,
/// <c>amount</c> (with its currency), <c>date</c>, <c>updated</c> and <c>vis_state</c> are required.
/// </summary>
internal sealed class PaymentRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PaymentWire, Payment>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, s.LogId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Updated))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.VisState))
            .Map(d => d.InvoiceId, s => FreshBooksValues.RequiredReference(s.InvoiceId, "invoiceid"))
            .Map(d => d.ContactId, s => FreshBooksValues.Reference(s.ClientId))
            .Map(d => d.Amount, s => FreshBooksValues.RequiredMoney(s.Amount, null, "amount"))
            .Map(d => d.Date, s => FreshBooksValues.RequiredDate(s.Date, "date"))
            .Map(d => d.Method, s => FreshBooksValues.Text(s.Type))
            .Map(d => d.Note, s => FreshBooksValues.Text(s.Note))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewPayment, PaymentWrite>()
            .Map(d => d.InvoiceId, s => FreshBooksValues.ParseId(s.InvoiceId))
            .Map(d => d.Amount, s => FreshBooksValues.MoneyOut(s.Amount))
            .Map(d => d.Date, s => FreshBooksValues.Date(s.Date))
            .Map(d => d.Type, s => s.Method)
            .Map(d => d.Note, s => s.Note)
            .Ignore(d => d.VisState);

        config.NewConfig<PaymentChanges, PaymentWrite>()
            .Ignore(d => d.InvoiceId)
            .Map(d => d.Amount, s => s.Amount.HasValue ? FreshBooksValues.MoneyOut(s.Amount.Value) : null)
            .Map(d => d.Date, s => s.Date.HasValue ? FreshBooksValues.Date(s.Date.Value) : null)
            .Map(d => d.Type, s => s.Method)
            .Map(d => d.Note, s => s.Note)
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<PaymentWire, Payment>(s => new Payment
        {
            Id = FreshBooksValues.RequiredId(s.Id, s.LogId),
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Updated),
            State = FreshBooksValues.RequiredState(s.VisState),
            InvoiceId = FreshBooksValues.RequiredReference(s.InvoiceId, "invoiceid"),
            ContactId = FreshBooksValues.Reference(s.ClientId),
            Amount = FreshBooksValues.RequiredMoney(s.Amount, null, "amount"),
            Date = FreshBooksValues.RequiredDate(s.Date, "date"),
            Method = FreshBooksValues.Text(s.Type),
            Note = FreshBooksValues.Text(s.Note),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<NewPayment, PaymentWrite>(s => new PaymentWrite
        {
            InvoiceId = FreshBooksValues.ParseId(s.InvoiceId),
            Amount = FreshBooksValues.MoneyOut(s.Amount),
            Date = FreshBooksValues.Date(s.Date),
            Type = s.Method,
            Note = s.Note,
        });
        // Not mapped, as in the Mapster configuration: InvoiceId, VisState.
        mappings.Add<PaymentChanges, PaymentWrite>(s => new PaymentWrite
        {
            Amount = s.Amount.HasValue ? FreshBooksValues.MoneyOut(s.Amount.Value) : null,
            Date = s.Date.HasValue ? FreshBooksValues.Date(s.Date.Value) : null,
            Type = s.Method,
            Note = s.Note,
        });
    }
}
