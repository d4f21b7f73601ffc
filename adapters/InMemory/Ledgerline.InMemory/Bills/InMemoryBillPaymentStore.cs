using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Bills;

/// <summary>Payments of bills; each write moves its bill's paid and due amounts and status. A bill is never paid beyond its total.</summary>
internal sealed class InMemoryBillPaymentStore(InMemoryLedger ledger)
    : InMemoryStore<BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery>(ledger, EntityKind.BillPayment, ledger.BillPaymentTable), IBillPaymentStore
{
    protected override BillPayment Create(NewBillPayment draft, DateTimeOffset now)
    {
        var bill = Ledger.BillTable.Find(draft.BillId) ?? throw NotFound(EntityKind.Bill, draft.BillId);
        if (bill.State == RecordState.Deleted)
        {
            throw IsDeleted(EntityKind.Bill, bill.Id);
        }

        RequireAmount(draft.Amount, bill, bill.AmountDue);
        return new BillPayment
        {
            Id = string.Empty,
            UpdatedAt = now,
            BillId = bill.Id,
            VendorId = bill.VendorId,
            Amount = draft.Amount,
            Date = draft.Date,
            Method = Text(draft.Method),
            Note = Text(draft.Note),
        };
    }

    protected override BillPayment Update(BillPayment current, BillPaymentChanges changes)
    {
        if (changes.Amount is { } amount && Ledger.BillTable.Find(current.BillId) is { } bill)
        {
            RequireAmount(amount, bill, bill.AmountDue + (current.State == RecordState.Deleted ? Money.Zero(bill.Currency) : current.Amount));
        }

        return current with
        {
            Amount = changes.Amount ?? current.Amount,
            Date = changes.Date ?? current.Date,
            Method = Change(current.Method, changes.Method),
            Note = Change(current.Note, changes.Note),
        };
    }

    protected override void OnWritten(BillPayment record, DateTimeOffset now) => Ledger.SettleBill(record.BillId, now);

    // A deleted payment no longer counts: bringing it back must fit what the bill still has due.
    protected override void OnRestoring(BillPayment record)
    {
        if (record.State == RecordState.Deleted && Ledger.BillTable.Find(record.BillId) is { } bill)
        {
            RequireAmount(record.Amount, bill, bill.AmountDue);
        }
    }

    private void RequireAmount(Money amount, Bill bill, Money payable)
    {
        if (amount.Currency != bill.Currency)
        {
            throw Invalid(nameof(NewBillPayment.Amount), $"The payment is in {amount.Currency} but bill {bill.Id} is in {bill.Currency}.", "CurrencyMismatch");
        }

        if (amount > payable)
        {
            throw Invalid(nameof(NewBillPayment.Amount), $"{amount} is more than the {payable} due on bill {bill.Id}.", "PaymentExceedsAmountDue");
        }
    }
}
