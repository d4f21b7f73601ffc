using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Expenses;

internal sealed class InMemoryExpenseStore(InMemoryLedger ledger)
    : InMemoryStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(ledger, EntityKind.Expense, ledger.ExpenseTable), IExpenseStore
{
    protected override Expense Create(NewExpense draft, DateTimeOffset now)
    {
        RequireExpenseTaxes(draft.Taxes);
        return Created(draft, now);
    }

    private static Expense Created(NewExpense draft, DateTimeOffset now) => new()
    {
        Id = string.Empty,
        UpdatedAt = now,
        Amount = draft.Amount,
        Date = draft.Date,
        Vendor = Text(draft.Vendor),
        CategoryId = Text(draft.CategoryId),
        ContactId = Text(draft.ContactId),
        Notes = Text(draft.Notes),
        Taxes = [.. draft.Taxes],
    };

    /// <summary>A tax naming a tax rate (<see cref="ExpenseTax.TaxRateId"/>) needs the rate to exist, at the percent given (when given).</summary>
    private void RequireExpenseTaxes(IReadOnlyList<ExpenseTax> taxes)
    {
        for (var index = 0; index < taxes.Count; index++)
        {
            if (taxes[index] is not { TaxRateId: { } id } tax)
            {
                continue;
            }

            RequireTaxRates([id]);
            var rate = Ledger.TaxRateTable.Find(id)!;
            if (tax.Percent is { } percent && percent != rate.Percent)
            {
                throw Invalid(
                    $"{nameof(NewExpense.Taxes)}[{index}].{nameof(ExpenseTax.Percent)}",
                    $"The expense's {tax.Name} is {percent} % but tax rate {id} ({rate.Name}) is {rate.Percent} %.",
                    "TaxRateMismatch");
            }
        }
    }

    protected override Expense Update(Expense current, ExpenseChanges changes)
    {
        if (changes.Amount is { } amount && current.Taxes.FirstOrDefault(t => t.Amount.Currency != amount.Currency) is { } tax)
        {
            throw Invalid(
                nameof(ExpenseChanges.Amount),
                $"The expense has a {tax.Name} tax in {tax.Amount.Currency}; its amount cannot move to {amount.Currency}.",
                "CurrencyMismatch");
        }

        return current with
        {
            Amount = changes.Amount ?? current.Amount,
            Date = changes.Date ?? current.Date,
            Vendor = Change(current.Vendor, changes.Vendor),
            CategoryId = Change(current.CategoryId, changes.CategoryId),
            ContactId = Change(current.ContactId, changes.ContactId),
            Notes = Change(current.Notes, changes.Notes),
        };
    }
}
