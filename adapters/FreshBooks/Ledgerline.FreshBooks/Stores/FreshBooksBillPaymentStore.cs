using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Bill payments (<see cref="AccountingEntities.BillPayments"/>). A new payment's currency is checked against its bill's
/// (read first, which also turns an unknown bill into <see cref="RecordNotFoundException"/>) before anything is written;
/// FreshBooks refuses an amount above the bill's outstanding amount. Updated by PUT; deleted as <c>vis_state</c> 1.
/// </summary>
internal sealed class FreshBooksBillPaymentStore(FreshBooksLedgerContext context, IBillStore bills)
    : AccountingStore<BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery, BillPaymentWire, BillPaymentBody, BillPaymentResult>(context, AccountingEntities.BillPayments), IBillPaymentStore
{
    protected override async ValueTask<BillPaymentBody> CreateBodyAsync(NewBillPayment draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        var bill = await bills.GetAsync(draft.BillId, cancellationToken);
        RequireCurrency(draft.Amount, bill.Currency);
        return new BillPaymentBody(draft.Adapt<NewBillPayment, BillPaymentWrite>(Context.Mapping));
    }

    protected override async ValueTask<BillPaymentBody> UpdateBodyAsync(string id, BillPaymentChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.Amount is { } amount)
        {
            var current = await GetAsync(id, cancellationToken);
            RequireCurrency(amount, current.Amount.Currency);
        }

        return new BillPaymentBody(changes.Adapt<BillPaymentChanges, BillPaymentWrite>(Context.Mapping));
    }

    private static void RequireCurrency(Money amount, CurrencyCode billCurrency)
    {
        if (amount.Currency != billCurrency)
        {
            throw new LedgerValidationException(
            [
                new FieldError(nameof(NewBillPayment.Amount),
                    $"The payment is in {amount.Currency} but its bill is in {billCurrency}; a bill payment must be in the bill's currency.",
                    "CurrencyMismatch"),
            ])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }
}
