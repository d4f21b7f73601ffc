using System.Globalization;
using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Invoices;

internal sealed class InMemoryInvoiceStore(InMemoryLedger ledger)
    : InMemoryStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(ledger, EntityKind.Invoice, ledger.InvoiceTable), IInvoiceStore
{
    protected override Invoice Create(NewInvoice draft, DateTimeOffset now)
    {
        RefuseTaxInclusivePrices(draft.UnitPricesIncludeTax);
        RequireContact(draft.ContactId);
        RequireLineTaxes(draft.Lines.Select(l => l.Taxes));
        var zero = Money.Zero(draft.Currency);
        return Settle(new Invoice
        {
            Id = string.Empty,
            UpdatedAt = now,
            Number = draft.Number,
            ContactId = draft.ContactId,
            Status = InvoiceStatus.Draft,
            IssueDate = draft.IssueDate,
            DueDate = draft.DueDate,
            Currency = draft.Currency,
            Lines = NumberLines(draft.Lines, InvoiceCalculator.Line),
            DiscountPercent = draft.DiscountPercent,
            Subtotal = zero,
            Discount = zero,
            Tax = zero,
            Total = zero,
            AmountPaid = zero,
            AmountDue = zero,
            Notes = Text(draft.Notes),
            Terms = Text(draft.Terms),
        }, zero, zero);
    }

    public Task<Invoice> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, current =>
        {
            RequireNotVoid(current);
            return current.Status == InvoiceStatus.Draft
                ? current with { Status = InvoiceStatus.Sent, ProviderStatus = nameof(InvoiceStatus.Sent) }
                : current;
        }, cancellationToken);

    public Task<Invoice> VoidAsync(string id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, current => current.Status switch
        {
            InvoiceStatus.Void => current,
            InvoiceStatus.Draft => throw Invalid(
                nameof(Invoice.Status), $"Invoice {current.Id} is a draft; delete it instead of voiding it.", "InvoiceNotVoidable"),
            _ when Ledger.AmountPaid(current).Amount != 0m || Ledger.AmountCredited(current).Amount != 0m => throw Invalid(
                nameof(Invoice.Status), $"Invoice {current.Id} has payments or credit applied; remove them before voiding it.", "InvoiceNotVoidable"),
            _ => current with { Status = InvoiceStatus.Void, ProviderStatus = nameof(InvoiceStatus.Void) },
        }, cancellationToken);

    protected override Invoice Update(Invoice current, InvoiceChanges changes)
    {
        RefuseTaxInclusivePrices(changes.UnitPricesIncludeTax);
        RequireNotVoid(current);
        RequireLineTaxes(changes.Lines?.Select(l => l.Taxes));
        if (changes.ContactId is { } contactId)
        {
            RequireContact(contactId);
        }

        var currency = changes.Currency ?? current.Currency;

        // Deleted payments count too: restoring one must not meet an invoice in another currency.
        if (currency != current.Currency && Ledger.PaymentTable.Where(p => p.InvoiceId == current.Id).Any())
        {
            throw Invalid(
                nameof(InvoiceChanges.Currency),
                $"Invoice {current.Id} has payments in {current.Currency}; its currency cannot change.",
                "CurrencyLocked");
        }

        RequireLineCurrency(changes.Lines, l => l.UnitPrice, currency, "invoice");

        var updated = current with
        {
            ContactId = changes.ContactId ?? current.ContactId,
            Number = changes.Number ?? current.Number,
            IssueDate = changes.IssueDate ?? current.IssueDate,
            DueDate = changes.DueDate ?? current.DueDate,
            Currency = currency,
            Lines = changes.Lines is { } newLines ? ReplaceLines($"invoice {current.Id}", current.Lines, l => l.Id, newLines, l => l.Id, InvoiceCalculator.Line) : current.Lines,
            DiscountPercent = changes.DiscountPercent ?? current.DiscountPercent,
            Notes = Change(current.Notes, changes.Notes),
            Terms = Change(current.Terms, changes.Terms),
        };
        if (updated.DueDate is { } due && due < updated.IssueDate)
        {
            throw Invalid(
                nameof(InvoiceChanges.DueDate),
                string.Create(CultureInfo.InvariantCulture, $"DueDate {due:yyyy-MM-dd} would be before IssueDate {updated.IssueDate:yyyy-MM-dd}."),
                "DueBeforeIssue");
        }

        var settled = Settle(updated, Ledger.AmountPaid(updated), Ledger.AmountCredited(updated));
        return settled.AmountDue.Amount < 0m
            ? throw Invalid(
                nameof(InvoiceChanges.Lines),
                $"Invoice {current.Id} would total {settled.Total}, less than the {settled.AmountPaid + settled.AmountCredited} already paid or credited.",
                "TotalBelowPaid")
            : settled;
    }

    protected override Invoice WithId(Invoice record, string id) =>
        record with { Id = id, Number = record.Number ?? id.PadLeft(7, '0') };

    /// <summary>A voided invoice is kept for the record and no longer changes (as in Xero).</summary>
    private void RequireNotVoid(Invoice invoice)
    {
        if (invoice.Status == InvoiceStatus.Void)
        {
            throw Invalid(nameof(Invoice.Status), $"Invoice {invoice.Id} is void; it can no longer be changed or paid.", "InvoiceVoid");
        }
    }

    /// <summary>The contact a document is for must exist and not be deleted. Call under the ledger lock.</summary>
    internal void RequireContact(string contactId)
    {
        var contact = Ledger.ContactTable.Find(contactId) ?? throw NotFound(EntityKind.Contact, contactId);
        if (contact.State == RecordState.Deleted)
        {
            throw IsDeleted(EntityKind.Contact, contactId);
        }
    }

    private Invoice Settle(Invoice invoice, Money paid, Money credited)
    {
        try
        {
            return InvoiceCalculator.Settle(invoice, paid, credited);
        }
        catch (OverflowException exception)
        {
            throw new LedgerValidationException(
                [new FieldError(nameof(NewInvoice.Lines), "The invoice amounts are too large to compute exactly.", "AmountOverflow")], exception)
            {
                Provider = Ledger.ProviderName,
            };
        }
    }
}
