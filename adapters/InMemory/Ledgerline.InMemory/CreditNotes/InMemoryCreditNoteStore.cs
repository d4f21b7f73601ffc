using Ledgerline.InMemory.Invoices;
using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.CreditNotes;

/// <summary>
/// Credit notes, issued at once (<see cref="CreditNoteStatus.Open"/>), applied to invoices of the same customer and
/// currency; an allocation moves the invoice's amount credited and amount due atomically with the credit remaining.
/// A credit note with credit applied keeps its lines and cannot be deleted (as in Xero).
/// </summary>
internal sealed class InMemoryCreditNoteStore(InMemoryLedger ledger)
    : InMemoryStore<CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery>(ledger, EntityKind.CreditNote, ledger.CreditNoteTable), ICreditNoteStore
{
    /// <summary>
    /// Allocates once per idempotency key: the same key with the same credit note and allocation returns the credit note as
    /// the first allocation left it; another allocation with the key is <see cref="IdempotencyKeyConflictException"/>.
    /// </summary>
    public Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        if (options?.IdempotencyKey is not { } key)
        {
            return AllocateAsync(id, allocation, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(allocation);
        return Run(() =>
        {
            // The ledger lock is held across the check and the allocation (which completes at once under it), so two
            // repeats cannot both allocate.
            lock (Ledger.Sync)
            {
                return Ledger.IdempotencyKeys.Once(key, EntityKind.CreditNote, "allocate", id, allocation,
                    () => AllocateAsync(id, allocation, cancellationToken).GetAwaiter().GetResult());
            }
        }, cancellationToken);
    }

    public Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return TransitionAsync(id, note =>
        {
            var invoice = Ledger.InvoiceTable.Find(allocation.InvoiceId) ?? throw NotFound(EntityKind.Invoice, allocation.InvoiceId);
            var field = nameof(NewCreditAllocation.Amount);
            if (invoice.State == RecordState.Deleted)
            {
                throw IsDeleted(EntityKind.Invoice, invoice.Id);
            }

            if (invoice.ContactId != note.ContactId)
            {
                throw Invalid(nameof(NewCreditAllocation.InvoiceId), $"Invoice {invoice.Id} is another customer's; credit applies to its own customer's invoices.", "CreditContactMismatch");
            }

            if (allocation.Amount.Currency != note.Currency || invoice.Currency != note.Currency)
            {
                throw Invalid(field, $"The credit note is in {note.Currency}, the allocation in {allocation.Amount.Currency} and the invoice in {invoice.Currency}; Ledgerline never converts currencies.", "CurrencyMismatch");
            }

            if (invoice.Status == InvoiceStatus.Void)
            {
                throw Invalid(nameof(NewCreditAllocation.InvoiceId), $"Invoice {invoice.Id} is void; it can no longer be settled.", "InvoiceVoid");
            }

            if (note.Status is not CreditNoteStatus.Open)
            {
                throw Invalid(nameof(CreditNote.Status), $"Credit note {note.Id} is {note.Status}; only an open credit note can be applied.", "CreditNoteNotOpen");
            }

            if (allocation.Amount > note.RemainingCredit)
            {
                throw Invalid(field, $"{allocation.Amount} is more than the {note.RemainingCredit} of credit remaining on credit note {note.Id}.", "AllocationExceedsCredit");
            }

            if (allocation.Amount > invoice.AmountDue)
            {
                throw Invalid(field, $"{allocation.Amount} is more than the {invoice.AmountDue} due on invoice {invoice.Id}.", "AllocationExceedsAmountDue");
            }

            var remaining = note.RemainingCredit - allocation.Amount;
            return note with
            {
                Allocations = [.. note.Allocations, new CreditAllocation(invoice.Id, allocation.Amount, allocation.Date)],
                RemainingCredit = remaining,
                Status = remaining.Amount == 0m ? CreditNoteStatus.Applied : CreditNoteStatus.Open,
                ProviderStatus = (remaining.Amount == 0m ? CreditNoteStatus.Applied : CreditNoteStatus.Open).ToString(),
            };
        }, cancellationToken);
    }

    protected override CreditNote Create(NewCreditNote draft, DateTimeOffset now)
    {
        RefuseTaxInclusivePrices(draft.UnitPricesIncludeTax);
        Ledger.InvoiceStore.RequireContact(draft.ContactId);
        RequireLineTaxes(draft.Lines.Select(l => l.Taxes));
        return Compute(new CreditNote
        {
            Id = string.Empty,
            UpdatedAt = now,
            Number = draft.Number,
            ContactId = draft.ContactId,
            Status = CreditNoteStatus.Open,
            ProviderStatus = nameof(CreditNoteStatus.Open),
            IssueDate = draft.IssueDate,
            Currency = draft.Currency,
            Lines = NumberLines(draft.Lines, InvoiceCalculator.Line),
            Subtotal = Money.Zero(draft.Currency),
            Tax = Money.Zero(draft.Currency),
            Total = Money.Zero(draft.Currency),
            RemainingCredit = Money.Zero(draft.Currency),
            Notes = Text(draft.Notes),
        });
    }

    protected override CreditNote Update(CreditNote current, CreditNoteChanges changes)
    {
        RefuseTaxInclusivePrices(changes.UnitPricesIncludeTax);
        if (changes.Lines is { } lines)
        {
            if (current.Allocations.Count > 0)
            {
                throw Invalid(nameof(CreditNoteChanges.Lines), $"Credit note {current.Id} has credit applied; its lines can no longer change.", "CreditNoteApplied");
            }

            RequireLineCurrency(lines, l => l.UnitPrice, current.Currency, "credit note");

            RequireLineTaxes(lines.Select(l => l.Taxes));
        }

        var updated = current with
        {
            Number = changes.Number ?? current.Number,
            IssueDate = changes.IssueDate ?? current.IssueDate,
            Lines = changes.Lines is { } newLines ? ReplaceLines($"credit note {current.Id}", current.Lines, l => l.Id, newLines, l => l.Id, InvoiceCalculator.Line) : current.Lines,
            Notes = Change(current.Notes, changes.Notes),
        };
        return changes.Lines is null ? updated : Compute(updated);
    }

    protected override void OnDeleting(CreditNote record)
    {
        if (record.Allocations.Count > 0)
        {
            throw Invalid(nameof(CreditNote.Allocations), $"Credit note {record.Id} has credit applied; it cannot be deleted.", "CreditNoteApplied");
        }
    }

    // Every allocation moves its invoice: amount credited, amount due, status.
    protected override void OnWritten(CreditNote record, DateTimeOffset now)
    {
        foreach (var invoiceId in record.Allocations.Select(a => a.InvoiceId).Distinct(StringComparer.Ordinal))
        {
            Ledger.SettleInvoice(invoiceId, now);
        }
    }

    protected override CreditNote WithId(CreditNote record, string id) =>
        record with { Id = id, Number = record.Number ?? "CN" + id.PadLeft(5, '0') };

    private CreditNote Compute(CreditNote note)
    {
        try
        {
            var (subtotal, _, tax, total) = InvoiceCalculator.Totals(note.Lines, 0m, note.Currency);
            return note with { Subtotal = subtotal, Tax = tax, Total = total, RemainingCredit = total };
        }
        catch (OverflowException exception)
        {
            throw new LedgerValidationException(
                [new FieldError(nameof(NewCreditNote.Lines), "The credit note amounts are too large to compute exactly.", "AmountOverflow")], exception)
            {
                Provider = Ledger.ProviderName,
            };
        }
    }
}
