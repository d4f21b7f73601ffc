using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.Validation;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Bill payments (<see cref="AccountingEntities.BillPayments"/>). A new payment reads its bill first, which turns an
/// unknown bill into <see cref="RecordNotFoundException"/>, and is refused before anything is written when it is in
/// another currency than the bill or more than the bill's amount due (FreshBooks refuses an overpayment too, but as a
/// server error on <c>amount</c>). A changed amount is checked against the payment's currency and the bill's amount due
/// plus the payment being changed. FreshBooks keeps no timestamp on a bill payment, so records read with a null
/// <see cref="LedgerRecord.UpdatedAt"/>, and <see cref="BillPayment.VendorId"/> is not sent (the bill names the vendor).
/// </summary>
internal sealed class FreshBooksBillPaymentStore(FreshBooksLedgerContext context, IBillStore bills)
    : AccountingStore<BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery, BillPaymentWire, BillPaymentBody, BillPaymentResult>(context, AccountingEntities.BillPayments), IBillPaymentStore
{
    protected override async ValueTask<BillPaymentBody> CreateBodyAsync(NewBillPayment draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        var bill = await bills.GetAsync(draft.BillId, cancellationToken);
        RequireCurrency(draft.Amount, bill);
        PaymentLimit.RequireWithinDue(draft.Amount, EntityKind.Bill, bill.Id, bill.AmountDue, FreshBooksRequest.ProviderName);
        return new BillPaymentBody(Context.Mapping.Map<NewBillPayment, BillPaymentWrite>(draft));
    }

    protected override async ValueTask<BillPaymentBody> UpdateBodyAsync(string id, BillPaymentChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.Amount is { } amount)
        {
            var current = await GetAsync(id, cancellationToken);
            var bill = await bills.GetAsync(current.BillId, cancellationToken);
            RequireCurrency(amount, bill);

            // The bill's amount due already counts this payment; what it may become is that plus what it is now.
            if (current.State == RecordState.Active && amount.Currency == bill.AmountDue.Currency)
            {
                PaymentLimit.RequireWithinDue(amount, EntityKind.Bill, bill.Id, bill.AmountDue + current.Amount, FreshBooksRequest.ProviderName);
            }
        }

        return new BillPaymentBody(Context.Mapping.Map<BillPaymentChanges, BillPaymentWrite>(changes));
    }

    private static void RequireCurrency(Money amount, Bill bill)
    {
        if (amount.Currency != bill.Currency)
        {
            throw new LedgerValidationException(
            [
                new FieldError(nameof(NewBillPayment.Amount),
                    $"The payment is in {amount.Currency} but bill {bill.Id} is in {bill.Currency}; a payment must be in its bill's currency.",
                    "CurrencyMismatch"),
            ])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }
}
