using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Expenses (<c>expenses/expenses</c>). FreshBooks requires a category: a new expense without one gets
/// <see cref="FreshBooksOptions.DefaultExpenseCategoryId"/>, else the account's first active expense category (fetched
/// once per ledger).
/// </summary>
internal sealed class FreshBooksExpenseStore(FreshBooksLedgerContext context)
    : AccountingStore<Expense, ExpenseWire, NewExpense, ExpenseChanges, ExpenseQuery>(context), IExpenseStore
{
    // Unsynchronised on purpose: two first callers may both read the categories, which is harmless (a GET).
    private long _defaultCategory;

    protected override EntityKind Entity => EntityKind.Expense;

    protected override string Resource => "expenses/expenses";

    protected override string SingleKey => "expense";

    protected override string ListKey => "expenses";

    protected override string ScopeObject => "expenses";

    protected override void ApplyFilters(ExpenseQuery query, AccountingSearch search)
    {
        search.UpdatedMin = UpdatedMin(query);
        search.ClientId = FreshBooksValues.ParseId(query.ContactId);
        search.CategoryId = FreshBooksValues.ParseId(query.CategoryId);
        ApplyDateRange(query.Date, search);
    }

    protected override bool Matches(Expense record, ExpenseQuery query) =>
        MatchesCommon(record, query) &&
        (query.ContactId is not { } contact || record.ContactId == contact) &&
        (query.CategoryId is not { } category || record.CategoryId == category) &&
        (query.Date is not { } range || range.Contains(record.Date));

    protected override bool ServerFiltersExact(ExpenseQuery query) => query.UpdatedSince is null;

    protected override async ValueTask<object> CreateBodyAsync(NewExpense draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        var body = draft.Adapt<NewExpense, ExpenseWrite>(Context.Mapping);
        if (draft.CategoryId is { } named && body.CategoryId is null)
        {
            throw new LedgerValidationException([new FieldError(nameof(NewExpense.CategoryId), $"'{named}' is not a FreshBooks expense category id.", "1012")])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        return body with
        {
            CategoryId = body.CategoryId ?? await DefaultCategoryAsync(call, cancellationToken),
            StaffId = Context.Options.DefaultExpenseStaffId,
        };
    }

    protected override ValueTask<object> UpdateBodyAsync(string id, ExpenseChanges changes, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(changes.Adapt<ExpenseChanges, ExpenseWrite>(Context.Mapping));

    private async ValueTask<long> DefaultCategoryAsync(FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (FreshBooksValues.ParseId(Context.Options.DefaultExpenseCategoryId) is { } configured)
        {
            return configured;
        }

        if (Volatile.Read(ref _defaultCategory) is var cached and > 0)
        {
            return cached;
        }

        var list = call with { Operation = "list" };
        var account = await Context.Connection.AccountIdAsync(list, ReadScope, cancellationToken);
        var response = await Context.Http.SendAsync(list,
            t => Context.Accounting.GetAsync(account, "expenses/categories", new AccountingSearch { Page = 1, PerPage = 100 }, Context.ConnectionId, t),
            cancellationToken);
        using var document = FreshBooksEnvelope.Parse(response);
        var (items, _) = FreshBooksEnvelope.AccountingList(response, document, "categories");
        foreach (var element in items.EnumerateArray())
        {
            var category = FreshBooksEnvelope.Read<ExpenseCategoryWire>(response, element);
            if (category.VisState is null or 0 && (category.Id ?? category.CategoryId) is { } id and > 0)
            {
                Volatile.Write(ref _defaultCategory, id);
                return id;
            }
        }

        throw new LedgerValidationException(
            [new FieldError(nameof(NewExpense.CategoryId), "The FreshBooks account has no expense category; name one.", "Required")])
        {
            Provider = FreshBooksRequest.ProviderName,
        };
    }
}
