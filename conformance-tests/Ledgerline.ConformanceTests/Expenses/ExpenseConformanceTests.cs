namespace Ledgerline.ConformanceTests;

/// <summary>Expenses: fields and taxes round-trip, changes touch only what they name.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Expenses")]
public abstract class ExpenseConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        var draft = new NewExpense
        {
            Amount = Samples.Usd(113.45m),
            Date = Samples.Day.AddDays(2),
            Vendor = "Office Supplies Inc.",
            Notes = "Printer paper",
            Taxes = [new ExpenseTax("HST", Samples.Usd(14.75m), 13m)],
        };
        if (!await SupportedOrRefusedAsync(EntityKind.Expense, StoreOperations.Create, () => Ledger.Expenses.CreateAsync(draft, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Expense, StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);

        var created = await Ledger.Expenses.CreateAsync(draft with { ContactId = contact.Id }, Cancellation);
        var read = await Ledger.Expenses.GetAsync(created.Id, Cancellation);

        foreach (var expense in new[] { created, read })
        {
            AssertWellFormed(expense);
            Assert.Equal(created.Id, expense.Id);
            Assert.Equal(RecordState.Active, expense.State);
            Assert.Equal(Samples.Usd(113.45m), expense.Amount);
            Assert.Equal(Samples.Day.AddDays(2), expense.Date);
            Assert.Equal("Office Supplies Inc.", expense.Vendor);
            Assert.Equal("Printer paper", expense.Notes);
            Assert.Equal(contact.Id, expense.ContactId);
            var tax = Assert.Single(expense.Taxes);
            Assert.Equal("HST", tax.Name);
            Assert.Equal(Samples.Usd(14.75m), tax.Amount);
        }
    }

    [Fact]
    public virtual async Task UpdateAsync_Vendor_LeavesAmountAndDateAlone()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Expense, StoreOperations.Update,
            () => Ledger.Expenses.UpdateAsync(MissingId, new ExpenseChanges { Vendor = "x" }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Expense, StoreOperations.Create | StoreOperations.Get);
        var created = await Ledger.Expenses.CreateAsync(Samples.Expense(1), Cancellation);

        var updated = await Ledger.Expenses.UpdateAsync(created.Id, new ExpenseChanges { Vendor = "New Vendor" }, Cancellation);
        var read = await Ledger.Expenses.GetAsync(created.Id, Cancellation);

        foreach (var expense in new[] { updated, read })
        {
            Assert.Equal("New Vendor", expense.Vendor);
            Assert.Equal(created.Amount, expense.Amount);
            Assert.Equal(created.Date, expense.Date);
        }
    }

    [Fact]
    public virtual async Task UpdateAsync_Amount_ChangesTheAmount()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Expense, StoreOperations.Update,
            () => Ledger.Expenses.UpdateAsync(MissingId, new ExpenseChanges { Amount = Samples.Usd(1m) }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Expense, StoreOperations.Create);
        var created = await Ledger.Expenses.CreateAsync(Samples.Expense(1), Cancellation);

        var updated = await Ledger.Expenses.UpdateAsync(created.Id, new ExpenseChanges { Amount = Samples.Usd(99.99m) }, Cancellation);

        Assert.Equal(Samples.Usd(99.99m), updated.Amount);
        Assert.Equal(created.Vendor, updated.Vendor);
    }
}
