using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Expenses (<see cref="AccountingEntities.Expenses"/>). FreshBooks requires a category: a new expense without one gets
/// <see cref="FreshBooksOptions.DefaultExpenseCategoryId"/>, else the account's first active expense category (fetched
/// once per ledger).
/// </summary>
internal sealed class FreshBooksExpenseStore(FreshBooksLedgerContext context)
    : AccountingStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery, ExpenseWire, ExpenseBody, ExpenseResult>(context, AccountingEntities.Expenses), IExpenseStore
{
    // Unsynchronised on purpose: two first callers may both read the categories, which is harmless (a GET).
    private long _defaultCategory;

    protected override async ValueTask<ExpenseBody> CreateBodyAsync(NewExpense draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        var body = Context.Mapping.Map<NewExpense, ExpenseWrite>(draft);
        if (draft.CategoryId is { } named && body.CategoryId is null)
        {
            throw new LedgerValidationException([new FieldError(nameof(NewExpense.CategoryId), $"'{named}' is not a FreshBooks expense category id.", "1012")])
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }

        return new ExpenseBody(body with
        {
            CategoryId = body.CategoryId ?? await DefaultCategoryAsync(call, cancellationToken),
            StaffId = Context.Options.DefaultExpenseStaffId,
        });
    }

    protected override ValueTask<ExpenseBody> UpdateBodyAsync(string id, ExpenseChanges changes, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ExpenseBody(Context.Mapping.Map<ExpenseChanges, ExpenseWrite>(changes)));

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
            [new FieldError(nameof(NewExpense.CategoryId), "The FreshBooks account has no expense category; name one.", "Required")])
        {
            Provider = FreshBooksRequest.ProviderName,
        };
    }
}
