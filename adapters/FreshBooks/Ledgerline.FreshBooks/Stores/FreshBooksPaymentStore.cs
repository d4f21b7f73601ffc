using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Payments (<c>payments/payments</c>). A new payment's currency is checked against its invoice's (read first, which also
/// turns an unknown invoice into <see cref="RecordNotFoundException"/>) before anything is written.
/// </summary>
internal sealed class FreshBooksPaymentStore(FreshBooksLedgerContext context, IInvoiceStore invoices)
    : AccountingStore<Payment, PaymentWire, NewPayment, PaymentChanges, PaymentQuery>(context), IPaymentStore
{
    protected override EntityKind Entity => EntityKind.Payment;

    protected override string Resource => "payments/payments";

    protected override string SingleKey => "payment";

    protected override string ListKey => "payments";

    protected override string ScopeObject => "payments";

    protected override void ApplyFilters(PaymentQuery query, AccountingSearch search)
    {
        search.UpdatedMin = UpdatedMin(query);
        search.InvoiceId = FreshBooksValues.ParseId(query.InvoiceId);
        search.ClientId = FreshBooksValues.ParseId(query.ContactId);
        ApplyDateRange(query.Date, search);
    }

    protected override bool Matches(Payment record, PaymentQuery query) =>
        MatchesCommon(record, query) &&
        (query.InvoiceId is not { } invoice || record.InvoiceId == invoice) &&
        (query.ContactId is not { } contact || record.ContactId == contact) &&
        (query.Date is not { } range || range.Contains(record.Date));

    protected override bool ServerFiltersExact(PaymentQuery query) => query.UpdatedSince is null;

    protected override async ValueTask<object> CreateBodyAsync(NewPayment draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        var invoice = await invoices.GetAsync(draft.InvoiceId, cancellationToken);
        RequireCurrency(draft.Amount, invoice.Currency);
        return draft.Adapt<NewPayment, PaymentWrite>(Context.Mapping);
    }

    protected override async ValueTask<object> UpdateBodyAsync(string id, PaymentChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.Amount is { } amount)
        {
            var current = await GetAsync(id, cancellationToken);
            RequireCurrency(amount, current.Amount.Currency);
        }

        return changes.Adapt<PaymentChanges, PaymentWrite>(Context.Mapping);
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
