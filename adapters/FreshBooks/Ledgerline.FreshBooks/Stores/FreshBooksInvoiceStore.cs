using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Invoices (<see cref="AccountingEntities.Invoices"/>). FreshBooks stores the due date as an offset
/// from the issue date, so a change of either one alone reads the invoice first to keep the other where it was. Lines
/// given back by id keep their rebilled expense and compound tax (<see cref="KeptLines"/>), also from that one read.
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
        return ValueTask.FromResult(new InvoiceBody(Context.Mapping.Map<NewInvoice, InvoiceWrite>(draft)));
    }

    protected override async ValueTask<InvoiceBody> UpdateBodyAsync(string id, InvoiceChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.ContactId is { } contact && FreshBooksValues.ParseId(contact) is null)
        {
            throw new RecordNotFoundException(EntityKind.Contact, contact) { Provider = FreshBooksRequest.ProviderName };
        }

        var body = Context.Mapping.Map<InvoiceChanges, InvoiceWrite>(changes);
        var datesApart = changes.DueDate.HasValue != changes.IssueDate.HasValue;
        var linesInStoredCurrency = changes is { Lines.Count: > 0, Currency: null };
        if (datesApart || linesInStoredCurrency || KeptLines.NameCurrentLines(changes.Lines))
        {
            // One read serves all: the date the change leaves alone, the currency its lines must be in, and the lines it
            // gives back by id.
            var (current, wire) = await GetWithWireAsync(id, cancellationToken);
            if (linesInStoredCurrency)
            {
                Ledgerline.Validation.LineCurrency.Require(changes.Lines, l => l.UnitPrice, current.Currency, "invoice", FreshBooksRequest.ProviderName);
            }

            if (changes.Lines is { } lines && body.Lines is { } written)
            {
                body = body with { Lines = KeptLines.Apply($"invoice {current.Id}", lines, written, wire.Lines) };
            }

            if (datesApart && (changes.DueDate ?? current.DueDate) is { } due)
            {
                body = body with { DueOffsetDays = due.DayNumber - (changes.IssueDate ?? current.IssueDate).DayNumber };
            }
        }
        else if (changes is { DueDate: { } dueDate, IssueDate: { } issueDate })
        {
            body = body with { DueOffsetDays = dueDate.DayNumber - issueDate.DayNumber };
        }

        return new InvoiceBody(body);
    }
}
