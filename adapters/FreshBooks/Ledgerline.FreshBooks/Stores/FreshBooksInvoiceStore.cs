using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Invoices (<c>invoices/invoices</c>), always with <c>include[]=lines</c>. FreshBooks stores the due date as an offset
/// from the issue date, so a change of either one alone reads the invoice first to keep the other where it was.
/// </summary>
internal sealed class FreshBooksInvoiceStore(FreshBooksLedgerContext context)
    : AccountingStore<Invoice, InvoiceWire, NewInvoice, InvoiceChanges, InvoiceQuery>(context), IInvoiceStore
{
    private static readonly IReadOnlyList<string> LinesInclude = ["lines"];

    protected override EntityKind Entity => EntityKind.Invoice;

    protected override string Resource => "invoices/invoices";

    protected override string SingleKey => "invoice";

    protected override string ListKey => "invoices";

    protected override string ScopeObject => "invoices";

    protected override IReadOnlyList<string> Includes => LinesInclude;

    protected override void ApplyFilters(InvoiceQuery query, AccountingSearch search)
    {
        search.UpdatedMin = UpdatedMin(query);
        search.CustomerId = FreshBooksValues.ParseId(query.ContactId);
        ApplyDateRange(query.IssueDate, search);
    }

    protected override bool Matches(Invoice record, InvoiceQuery query) =>
        MatchesCommon(record, query) &&
        (query.ContactId is not { } contact || record.ContactId == contact) &&
        (query.Statuses is not { } statuses || statuses.Contains(record.Status)) &&
        (query.IssueDate is not { } issued || issued.Contains(record.IssueDate)) &&
        (query.DueDate is not { } due || (record.DueDate is { } d && due.Contains(d)));

    protected override bool ServerFiltersExact(InvoiceQuery query) =>
        query.UpdatedSince is null && query.Statuses is null && query.DueDate is null;

    protected override ValueTask<object> CreateBodyAsync(NewInvoice draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        _ = FreshBooksValues.ParseId(draft.ContactId)
            ?? throw new RecordNotFoundException(EntityKind.Contact, draft.ContactId) { Provider = FreshBooksRequest.ProviderName };
        return ValueTask.FromResult<object>(draft.Adapt<NewInvoice, InvoiceWrite>(Context.Mapping));
    }

    protected override async ValueTask<object> UpdateBodyAsync(string id, InvoiceChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
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

        return body;
    }
}
