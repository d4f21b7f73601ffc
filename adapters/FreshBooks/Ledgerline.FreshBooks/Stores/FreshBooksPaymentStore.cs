using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Payments (<see cref="AccountingEntities.Payments"/>). A new payment's currency is checked against its invoice's (read first, which also
/// turns an unknown invoice into <see cref="RecordNotFoundException"/>) before anything is written.
/// </summary>
internal sealed class FreshBooksPaymentStore(FreshBooksLedgerContext context, IInvoiceStore invoices)
    : AccountingStore<Payment, NewPayment, PaymentChanges, PaymentQuery, PaymentWire, PaymentBody, PaymentResult>(context, AccountingEntities.Payments), IPaymentStore
{
    protected override async ValueTask<PaymentBody> CreateBodyAsync(NewPayment draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(draft.InvoiceId, cancellationToken);
        RequireCurrency(draft.Amount, invoice.Currency);

        // FreshBooks would book the excess as the client's credit and report the invoice outstanding 0.00, while the
        // canonical amount due (total − paid) would read negative: an overpayment is refused, as every provider does.
        Ledgerline.Validation.PaymentLimit.RequireWithinDue(draft.Amount, invoice.Id, invoice.AmountDue, FreshBooksRequest.ProviderName);

        return new PaymentBody(Context.Mapping.Map<NewPayment, PaymentWrite>(draft));
    }

    protected override async ValueTask<PaymentBody> UpdateBodyAsync(string id, PaymentChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.Amount is { } amount)
        {
            var current = await GetAsync(id, cancellationToken);
            RequireCurrency(amount, current.Amount.Currency);
        }

        return new PaymentBody(Context.Mapping.Map<PaymentChanges, PaymentWrite>(changes));
    }

    private static void RequireCurrency(Money amount, CurrencyCode invoiceCurrency)
    {
        if (amount.Currency != invoiceCurrency)
        {
            throw new LedgerValidationException(
            [
                new FieldError(nameof(NewPayment.Amount),
                    $"The payment is in {amount.Currency} but its invoice is in {invoiceCurrency}; a payment must be in the invoice's currency.",
                    "CurrencyMismatch"),
            ])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }
}
