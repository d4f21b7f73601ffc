using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Invoices (<see cref="AccountingEntities.Invoices"/>). FreshBooks stores the due date as an offset
/// from the issue date, so a change of either one alone reads the invoice first to keep the other where it was.
/// Mark-as-sent is <c>{"invoice":{"action_mark_as_sent":true}}</c>, sent alone. FreshBooks has no void action, so
/// <see cref="IInvoiceStore.VoidAsync"/> keeps its refusal.
/// </summary>
internal sealed class FreshBooksInvoiceStore(FreshBooksLedgerContext context)
    : AccountingStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery, InvoiceWire, InvoiceBody, InvoiceResult>(context, AccountingEntities.Invoices), IInvoiceStore
{
    public Task<Invoice> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
        ActionAsync("mark_sent", id, new InvoiceBody(new InvoiceWrite { ActionMarkAsSent = true }), cancellationToken);

    protected override ValueTask<InvoiceBody> CreateBodyAsync(NewInvoice draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        _ = FreshBooksValues.ParseId(draft.ContactId)
            ?? throw new RecordNotFoundException(EntityKind.Contact, draft.ContactId) { Provider = FreshBooksRequest.ProviderName };
        return ValueTask.FromResult(new InvoiceBody(draft.Adapt<NewInvoice, InvoiceWrite>(Context.Mapping)));
    }

    protected override async ValueTask<InvoiceBody> UpdateBodyAsync(string id, InvoiceChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.ContactId is { } contact && FreshBooksValues.ParseId(contact) is null)
        {
            throw new RecordNotFoundException(EntityKind.Contact, contact) { Provider = FreshBooksRequest.ProviderName };
        }

        var body = changes.Adapt<InvoiceChanges, InvoiceWrite>(Context.Mapping);
        if (changes.DueDate.HasValue != changes.IssueDate.HasValue)
        {
            var current = await GetAsync(id, cancellationToken);
            var issue = changes.IssueDate ?? current.IssueDate;
            var due = changes.DueDate ?? current.DueDate;
            if (due is { } dueDate)
            {
                body = body with { DueOffsetDays = dueDate.DayNumber - issue.DayNumber };
            }
        }
        else if (changes is { DueDate: { } dueDate, IssueDate: { } issueDate })
        {
            body = body with { DueOffsetDays = dueDate.DayNumber - issueDate.DayNumber };
        }

        return new InvoiceBody(body);
    }
}
