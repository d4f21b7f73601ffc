using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Bills (<see cref="AccountingEntities.Bills"/>). FreshBooks requires an expense category on every line: a line without
/// one gets <see cref="FreshBooksOptions.DefaultExpenseCategoryId"/>, else the account's first active expense category
/// (read once per ledger). The due date is sent as <c>due_offset_days</c> from the issue date (the current bill's when a
/// change moves only the due date). FreshBooks bills have no notes: notes are refused before any request.
/// </summary>
internal sealed class FreshBooksBillStore(FreshBooksLedgerContext context)
    : AccountingStore<Bill, NewBill, BillChanges, BillQuery, BillWire, BillBody, BillResult>(context, AccountingEntities.Bills), IBillStore
{
    // Unsynchronised on purpose: two first callers may both read the categories, which is harmless (a GET).
    private long _defaultCategory;

    protected override async ValueTask<BillBody> CreateBodyAsync(NewBill draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        RefuseNotes(draft.Notes);
        var vendor = FreshBooksValues.ParseId(draft.VendorId)
            ?? throw new RecordNotFoundException(EntityKind.Vendor, draft.VendorId) { Provider = FreshBooksRequest.ProviderName };
        return new BillBody(new BillWrite
        {
            VendorId = vendor,
            BillNumber = draft.Number,
            IssueDate = FreshBooksValues.Date(draft.IssueDate),
            DueOffsetDays = Offset(draft.IssueDate, draft.DueDate),
            CurrencyCode = draft.Currency.Value,
            Lines = BillRegister.LinesOut(draft.Lines, await DefaultCategoryAsync(draft.Lines, call, cancellationToken)),
        });
    }

    protected override async ValueTask<BillBody> UpdateBodyAsync(string id, BillChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        RefuseNotes(changes.Notes);
        var keepLines = changes.Lines?.Any(l => l.Id is not null) == true;
        var needsIssue = changes is { DueDate: not null, IssueDate: null };

        // One read serves both: the issue date the due offset counts from, and the lines the change gives back by id.
        var (current, wire) = keepLines || needsIssue ? await GetWithWireAsync(id, cancellationToken) : default;
        var offset = changes.DueDate is { } dueDate ? Offset(changes.IssueDate ?? current!.IssueDate, dueDate) : null;
        IReadOnlyList<BillLineWrite>? written = changes.Lines is { } lines
            ? BillRegister.LinesOut(lines, await DefaultCategoryAsync(lines, call, cancellationToken))
            : null;
        if (keepLines && written is not null)
        {
            written = KeptLines.Apply($"bill {current!.Id}", changes.Lines!, written, wire!.Lines);
        }

        return new BillBody(new BillWrite
        {
            BillNumber = changes.Number,
            IssueDate = changes.IssueDate is { } issue ? FreshBooksValues.Date(issue) : null,
            DueOffsetDays = offset,
            Lines = written,
        });
    }

    private static int? Offset(DateOnly issued, DateOnly? due) => due is { } d ? d.DayNumber - issued.DayNumber : null;

    private static void RefuseNotes(string? notes)
    {
        if (notes is not null)
        {
            throw new LedgerValidationException(
                [new FieldError(nameof(NewBill.Notes), "FreshBooks bills have no notes; leave Notes null.", "NotSupportedByProvider")])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }

    private async ValueTask<long?> DefaultCategoryAsync(IReadOnlyList<NewBillLine> lines, FreshBooksCall call, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            if (line.CategoryId is { } named && FreshBooksValues.ParseId(named) is null)
            {
                throw new LedgerValidationException([new FieldError(nameof(NewBillLine.CategoryId), $"'{named}' is not a FreshBooks expense category id.", "1012")])
                {
                    Provider = FreshBooksRequest.ProviderName,
                };
            }
        }

        if (lines.All(l => l.CategoryId is not null))
        {
            return null;
        }

        if (FreshBooksValues.ParseId(Context.Options.DefaultExpenseCategoryId) is { } configured)
        {
            return configured;
        }

        if (Volatile.Read(ref _defaultCategory) is var cached and > 0)
        {
            return cached;
        }

        var list = call with { Operation = "list" };
        var account = await Context.Connection.AccountIdAsync(list, Entity.ReadScope, cancellationToken);
        var answer = await Context.Http.SendAsync(list,
            t => Context.Accounting.ListExpenseCategoriesAsync(account, new AccountingSearch { Page = 1, PerPage = 100 }, Context.ConnectionId, t),
            cancellationToken);
        var path = AccountingEntities.ExpenseCategories;
        var categories = FreshBooksEnvelope.Result(answer, path).Records
            ?? throw FreshBooksErrorTable.Invalid(answer.Response.Call, answer.Response.Status, answer.Response.Body,
                $"FreshBooks answered with an unexpected envelope (expected {path.List})");
        foreach (var category in categories)
        {
            if (category.VisState is null or 0 && (category.Id ?? category.CategoryId) is { } id and > 0)
            {
                Volatile.Write(ref _defaultCategory, id);
                return id;
            }
        }

        throw new LedgerValidationException(
            [new FieldError(nameof(NewBillLine.CategoryId), "The FreshBooks account has no expense category; name one on every line.", "Required")])
        {
            Provider = FreshBooksRequest.ProviderName,
        };
    }
}
