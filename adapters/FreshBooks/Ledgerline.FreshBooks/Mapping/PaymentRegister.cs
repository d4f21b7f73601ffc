using Ledgerline.FreshBooks.Api;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>Payments. FreshBooks names the payer <c>clientid</c> here (<c>customerid</c> on invoices).</summary>
internal sealed class PaymentRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PaymentWire, Payment>()
            .Map(d => d.Id, s => FreshBooksValues.Id(s.Id, s.LogId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.EasternUpdated(s.Updated, null))
            .Map(d => d.State, s => FreshBooksValues.State(s.VisState))
            .Map(d => d.InvoiceId, s => FreshBooksValues.Id(s.InvoiceId, null))
            .Map(d => d.ContactId, s => FreshBooksValues.Reference(s.ClientId))
            .Map(d => d.Amount, s => FreshBooksValues.Money(s.Amount, null))
            .Map(d => d.Date, s => FreshBooksValues.Date(s.Date) ?? default)
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
}
