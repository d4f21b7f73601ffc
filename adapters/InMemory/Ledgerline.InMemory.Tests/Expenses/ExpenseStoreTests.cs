using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Expenses;

public sealed class ExpenseStoreTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private IExpenseStore Expenses => _harness.Ledger.Expenses;

    private Task<Expense> ExpenseAsync(DateOnly date, string? contactId = null, string? categoryId = null) =>
        Expenses.CreateAsync(new NewExpense { Amount = Usd(12.34m), Date = date, ContactId = contactId, CategoryId = categoryId, Vendor = "Shop" });

    [Fact]
    public async Task CreateAsync_WithTaxes_KeepsEveryField()
    {
        var expense = await Expenses.CreateAsync(new NewExpense
        {
            Amount = Usd(7.60133524082021936099189318m),
            Date = new DateOnly(2024, 5, 2),
            Vendor = "Office Depot",
            CategoryId = "5",
            ContactId = "9",
            Notes = "Paper",
            Taxes = [new ExpenseTax("GST", Usd(0.38m), 5m)],
        });

        Assert.Equal("1", expense.Id);
        Assert.Equal(7.60133524082021936099189318m, expense.Amount.Amount);
        Assert.Equal(("Office Depot", "5", "9", "Paper"), (expense.Vendor, expense.CategoryId, expense.ContactId, expense.Notes));
        Assert.Equal([new ExpenseTax("GST", Usd(0.38m), 5m)], expense.Taxes);
    }

    [Fact]
    public async Task CreateAsync_TaxNamingATaxRate_KeepsItsIdAndRefusesAMissingOrContradictedRate()
    {
        var gst = await _harness.Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "GST", Percent = 5m });
        var draft = new NewExpense { Amount = Usd(10m), Date = new DateOnly(2024, 5, 1), Taxes = [new ExpenseTax("GST", Usd(0.5m), 5m) { TaxRateId = gst.Id }] };

        var expense = await Expenses.CreateAsync(draft);
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => Expenses.CreateAsync(draft with { Taxes = [draft.Taxes[0] with { TaxRateId = "404" }] }));
        var contradicted = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Expenses.CreateAsync(draft with { Taxes = [draft.Taxes[0] with { Percent = 7m }] }));

        Assert.Equal(gst.Id, Assert.Single(expense.Taxes).TaxRateId);
        Assert.Equal((EntityKind.TaxRate, "404"), (missing.Entity, missing.Id));
        Assert.Equal("Taxes[0].Percent", Assert.Single(contradicted.Errors).Field);
    }

    [Fact]
    public async Task UpdateAsync_Amount_ChangesOnlyAmount()
    {
        var expense = await ExpenseAsync(new DateOnly(2024, 5, 1), categoryId: "3");

        var updated = await Expenses.UpdateAsync(expense.Id, new ExpenseChanges { Amount = Usd(99m) });

        Assert.Equal(Usd(99m), updated.Amount);
        Assert.Equal("3", updated.CategoryId);
        Assert.Equal(expense.Date, updated.Date);
    }

    [Fact]
    public async Task UpdateAsync_AmountAwayFromTaxCurrency_ThrowsOnAmount()
    {
        var expense = await Expenses.CreateAsync(new NewExpense
        {
            Amount = Usd(10m), Date = new DateOnly(2024, 5, 1), Taxes = [new ExpenseTax("GST", Usd(0.5m))],
        });

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Expenses.UpdateAsync(expense.Id, new ExpenseChanges { Amount = Cad(10m) }));

        Assert.Equal("Amount", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task ListAsync_ContactCategoryAndDateFilters_SelectMatchingExpenses()
    {
        var e1 = await ExpenseAsync(new DateOnly(2024, 5, 1), contactId: "1", categoryId: "A");
        var e2 = await ExpenseAsync(new DateOnly(2024, 5, 20), contactId: "2", categoryId: "A");
        var e3 = await ExpenseAsync(new DateOnly(2024, 6, 1), contactId: "1", categoryId: "B");

        Assert.Equal([e1.Id, e3.Id], (await AllAsync(Expenses.ListAsync(new ExpenseQuery { ContactId = "1" }))).Select(e => e.Id));
        Assert.Equal([e1.Id, e2.Id], (await AllAsync(Expenses.ListAsync(new ExpenseQuery { CategoryId = "A" }))).Select(e => e.Id));
        Assert.Equal([e2.Id, e3.Id], (await AllAsync(Expenses.ListAsync(new ExpenseQuery { Date = new DateRange(new DateOnly(2024, 5, 2), null) }))).Select(e => e.Id));
    }

    public void Dispose() => _harness.Dispose();
}
