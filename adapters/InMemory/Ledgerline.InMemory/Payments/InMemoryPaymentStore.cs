using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Payments;

internal sealed class InMemoryPaymentStore(InMemoryLedger ledger)
    : InMemoryStore<Payment, NewPayment, PaymentChanges, PaymentQuery>(ledger, EntityKind.Payment, ledger.PaymentTable), IPaymentStore
{
    protected override Payment Create(NewPayment draft, DateTimeOffset now)
    {
        var invoice = Ledger.InvoiceTable.Find(draft.InvoiceId) ?? throw NotFound(EntityKind.Invoice, draft.InvoiceId);
        if (invoice.State == RecordState.Deleted)
        {
            throw IsDeleted(EntityKind.Invoice, invoice.Id);
        }

        if (invoice.Status == InvoiceStatus.Void)
        {
            throw Invalid(nameof(NewPayment.InvoiceId), $"Invoice {invoice.Id} is void; it can no longer be paid.", "InvoiceVoid");
        }

        RequireCurrency(draft.Amount, invoice);
        RequireWithinDue(draft.Amount, invoice, invoice.AmountDue);
        return new Payment
        {
            Id = string.Empty,
            UpdatedAt = now,
            InvoiceId = invoice.Id,
            ContactId = invoice.ContactId,
            Amount = draft.Amount,
            Date = draft.Date,
            Method = Text(draft.Method),
            Note = Text(draft.Note),
        };
    }

    protected override Payment Update(Payment current, PaymentChanges changes)
    {
        if (changes.Amount is { } amount && Ledger.InvoiceTable.Find(current.InvoiceId) is { } invoice)
        {
            RequireCurrency(amount, invoice);
            RequireWithinDue(amount, invoice, invoice.AmountDue + (current.State == RecordState.Deleted ? Money.Zero(invoice.Currency) : current.Amount));
        }

        return current with
        {
            Amount = changes.Amount ?? current.Amount,
            Date = changes.Date ?? current.Date,
            Method = Change(current.Method, changes.Method),
            Note = Change(current.Note, changes.Note),
        };
    }

    // A deleted payment no longer counts: bringing it back must fit what the invoice still has due.
    protected override void OnRestoring(Payment record)
    {
        if (record.State == RecordState.Deleted && Ledger.InvoiceTable.Find(record.InvoiceId) is { } invoice)
        {
            RequireWithinDue(record.Amount, invoice, invoice.AmountDue);
        }
    }

    // Every payment write moves its invoice: amount paid, amount due, status.
    protected override void OnWritten(Payment record, DateTimeOffset now) => Ledger.SettleInvoice(record.InvoiceId, now);

    private void RequireCurrency(Money amount, Invoice invoice)
    {
        if (amount.Currency != invoice.Currency)
        {
            throw Invalid(
                nameof(NewPayment.Amount),
                $"The payment is in {amount.Currency} but invoice {invoice.Id} is in {invoice.Currency}; a payment is made in the invoice currency.",
                "CurrencyMismatch");
        }
    }

    // An invoice is never paid beyond its total (as bills): an overpayment is the provider's credit, not a negative amount due.
    private void RequireWithinDue(Money amount, Invoice invoice, Money payable) =>
        Ledgerline.Validation.PaymentLimit.RequireWithinDue(amount, invoice.Id, payable, Ledger.ProviderName);
}
