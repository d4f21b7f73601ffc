using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Expenses (Xero's spent money) over loopback HTTP against the Xero sandbox; paid from account 090 (NZD).</summary>
public sealed class ExpenseStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static ExpenseTax Gst(decimal amount) => new("15% GST on Expenses", new Money(amount, Nz.Dollar), 15m) { TaxRateId = "INPUT2" };

    private static NewExpense Receipt => new()
    {
        Amount = new Money(100m, Nz.Dollar),
        Date = new DateOnly(2026, 3, 2),
        Vendor = "Stationers Ltd",
        Notes = "Receipt 42",
        Taxes = [Gst(15m)],
    };

    [Fact]
    public async Task CreateAsync_TaxedExpense_IsOneExclusiveSpendLine_AndRoundTrips()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var created = await ledger.Expenses.CreateAsync(Receipt, Cancellation);
        var read = await ledger.Expenses.GetAsync(created.Id, Cancellation);

        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal((new Money(100m, Nz.Dollar), new DateOnly(2026, 3, 2), "Stationers Ltd", "Receipt 42", "429"),
            (read.Amount, read.Date, read.Vendor, read.Notes, read.CategoryId));
        Assert.Equal(Gst(15m), Assert.Single(read.Taxes));
        Assert.Equal((RecordState.Active, (string?)null), (read.State, read.ContactId));
        var raw = Assert.IsType<RawJson>(read.RawRepresentation).RootElement;
        Assert.Equal(("SPEND", "Exclusive", "090", 115m), (raw.GetProperty("Type").GetString(), raw.GetProperty("LineAmountTypes").GetString(),
            raw.GetProperty("BankAccount").GetProperty("Code").GetString(), raw.GetProperty("Total").GetDecimal()));
        Assert.Equal("Stationers Ltd", (await ToListAsync(ledger.Contacts.ListAsync(null, Cancellation))).Single().Organization);
    }

    [Fact]
    public async Task CreateAsync_UntaxedWithCategory_IsNoTaxOnThatAccount()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var expense = await ledger.Expenses.CreateAsync(Receipt with { Taxes = [], CategoryId = "400", Vendor = null, Notes = null }, Cancellation);

        Assert.Equal(("400", 0, (string?)null), (expense.CategoryId, expense.Taxes.Count, expense.Vendor));
        Assert.Equal("NoTax", Assert.IsType<RawJson>(expense.RawRepresentation).RootElement.GetProperty("LineAmountTypes").GetString());
    }

    [Fact]
    public async Task InputXeroCannotTake_IsRefusedBeforeAnyWrite()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        async Task<string> FieldAsync(Func<Task> attempt) => Assert.Single((await Assert.ThrowsAsync<LedgerValidationException>(attempt)).Errors).Field;

        Assert.Equal(nameof(NewExpense.ContactId), await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { ContactId = Guid.NewGuid().ToString() }, Cancellation)));
        Assert.Equal(nameof(NewExpense.Taxes), await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { Taxes = [Gst(10m), Gst(5m)] }, Cancellation)));
        Assert.Equal("Taxes[0].TaxRateId", await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { Taxes = [new ExpenseTax("GST", new Money(15m, Nz.Dollar))] }, Cancellation)));
        Assert.Equal(nameof(NewExpense.Notes), await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { Notes = new string('n', 256) }, Cancellation)));
        Assert.Equal(nameof(ExpenseChanges.Vendor), await FieldAsync(() => ledger.Expenses.UpdateAsync(Guid.NewGuid().ToString(), new ExpenseChanges { Vendor = "" }, Cancellation)));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Expenses.RestoreAsync(Guid.NewGuid().ToString(), Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => ToListAsync(ledger.Expenses.ListAsync(new ExpenseQuery { ContactId = Guid.NewGuid().ToString() }, Cancellation)));
        Assert.Empty(fixture.AccountingRequests());

        Assert.Equal(nameof(NewExpense.Amount), await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { Amount = new Money(100m, CurrencyCode.USD), Taxes = [] }, Cancellation)));
        Assert.Equal("Taxes[0].Name", await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { Taxes = [Gst(15m) with { Name = "GST" }] }, Cancellation)));
        Assert.Equal("Taxes[0].Percent", await FieldAsync(() => ledger.Expenses.CreateAsync(Receipt with { Taxes = [Gst(15m) with { Percent = 12.5m }] }, Cancellation)));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Expenses.CreateAsync(Receipt with { Taxes = [Gst(15m) with { TaxRateId = "TAX404" }] }, Cancellation));
        Assert.Equal((EntityKind.TaxRate, "TAX404"), (missing.Entity, missing.Id));
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task CreateAsync_WithoutABankAccountConfigured_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.ExpenseBankAccountCode = null);
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<LedgerlineException>(() => ledger.Expenses.CreateAsync(Receipt, Cancellation));

        Assert.Contains(nameof(XeroOptions.ExpenseBankAccountCode), refused.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task UpdateAsync_AmountKeepsTaxAndCategory_OtherFieldsChangeAlone()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = await ledger.Expenses.CreateAsync(Receipt, Cancellation);

        var amount = await ledger.Expenses.UpdateAsync(created.Id, new ExpenseChanges { Amount = new Money(80m, Nz.Dollar) }, Cancellation);
        var moved = await ledger.Expenses.UpdateAsync(created.Id, new ExpenseChanges { CategoryId = "400", Date = new DateOnly(2026, 3, 5) }, Cancellation);
        var other = await ledger.Expenses.UpdateAsync(created.Id, new ExpenseChanges { Vendor = "Paper Co", Notes = "" }, Cancellation);

        Assert.Equal((new Money(80m, Nz.Dollar), "429", Gst(15m)), (amount.Amount, amount.CategoryId, Assert.Single(amount.Taxes)));
        Assert.Equal((new Money(80m, Nz.Dollar), "400", new DateOnly(2026, 3, 5)), (moved.Amount, moved.CategoryId, moved.Date));
        Assert.Equal(("Paper Co", (string?)null, new Money(80m, Nz.Dollar), "400"), (other.Vendor, other.Notes, other.Amount, other.CategoryId));
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Expenses.UpdateAsync(created.Id, new ExpenseChanges { Amount = new Money(1m, CurrencyCode.USD) }, Cancellation));
        Assert.Equal(nameof(ExpenseChanges.Amount), Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public async Task DeleteAsync_KeepsItReadableAsDeleted_AndRefusesChangesTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var kept = await ledger.Expenses.CreateAsync(Receipt, Cancellation);
        var gone = await ledger.Expenses.CreateAsync(Receipt with { Notes = "Returned" }, Cancellation);

        await ledger.Expenses.DeleteAsync(gone.Id, Cancellation);

        Assert.Equal(RecordState.Deleted, (await ledger.Expenses.GetAsync(gone.Id, Cancellation)).State);
        Assert.Equal([kept.Id], (await ToListAsync(ledger.Expenses.ListAsync(null, Cancellation))).Select(e => e.Id));
        Assert.Equal([gone.Id], (await ToListAsync(ledger.Expenses.ListAsync(new ExpenseQuery { States = RecordStates.Deleted }, Cancellation))).Select(e => e.Id));
        var update = await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.Expenses.UpdateAsync(gone.Id, new ExpenseChanges { Notes = "x" }, Cancellation));
        var again = await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.Expenses.DeleteAsync(gone.Id, Cancellation));
        Assert.Equal((EntityKind.Expense, gone.Id), (update.Entity, update.Id));
        Assert.Equal(gone.Id, again.Id);
    }

    [Fact]
    public async Task ListAsync_FiltersByDateCategoryAndUpdatedSince_AndLeavesReceivedMoneyOut()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var early = await ledger.Expenses.CreateAsync(Receipt with { Date = new DateOnly(2026, 3, 1) }, Cancellation);
        var advertising = await ledger.Expenses.CreateAsync(Receipt with { Date = new DateOnly(2026, 3, 5), CategoryId = "400" }, Cancellation);
        fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        var late = await ledger.Expenses.CreateAsync(Receipt with { Date = new DateOnly(2026, 3, 9) }, Cancellation);
        var received = await ReceiveAsync(fixture);

        var byDate = await ToListAsync(ledger.Expenses.ListAsync(new ExpenseQuery { Date = new DateRange(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)) }, Cancellation));
        var byCategory = await ToListAsync(ledger.Expenses.ListAsync(new ExpenseQuery { CategoryId = "400" }, Cancellation));
        var since = await ToListAsync(ledger.Expenses.ListAsync(new ExpenseQuery { UpdatedSince = late.UpdatedAt }, Cancellation));
        var all = await ToListAsync(ledger.Expenses.ListAsync(new ExpenseQuery { PageSize = 1 }, Cancellation));

        Assert.Equal([advertising.Id, late.Id], byDate.Select(e => e.Id));
        Assert.Equal([advertising.Id], byCategory.Select(e => e.Id));
        Assert.Equal([late.Id], since.Select(e => e.Id));
        Assert.Equal([early.Id, advertising.Id, late.Id], all.Select(e => e.Id));
        var notSpent = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Expenses.GetAsync(received, Cancellation));
        Assert.Equal(EntityKind.Expense, notSpent.Entity);
    }

    [Fact]
    public async Task SpendOfSeveralLinesMadeInXero_ReadsWhole_ButItsAmountIsNotChangedHere()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        using var http = fixture.DirectClient();
        var made = await http.PutAsJsonAsync("api.xro/2.0/BankTransactions", new
        {
            BankTransactions = new[]
            {
                new
                {
                    Type = "SPEND", BankAccount = new { Code = "090" }, Date = "2026-03-02", LineAmountTypes = "Inclusive",
                    LineItems = new[] { new { Description = "Paper", UnitAmount = 23m, AccountCode = "429" }, new { Description = "Ads", UnitAmount = 11.5m, AccountCode = "400" } },
                },
            },
        }, Cancellation);
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("BankTransactions")[0].GetProperty("BankTransactionID").GetString()!;

        var expense = await ledger.Expenses.GetAsync(id, Cancellation);
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Expenses.UpdateAsync(id, new ExpenseChanges { Amount = new Money(1m, Nz.Dollar) }, Cancellation));

        Assert.Equal((new Money(30m, Nz.Dollar), (string?)null), (expense.Amount, expense.CategoryId));
        Assert.Equal(new ExpenseTax("15% GST on Expenses", new Money(4.5m, Nz.Dollar), 15m) { TaxRateId = "INPUT2" }, Assert.Single(expense.Taxes));
        Assert.Equal(nameof(ExpenseChanges.Amount), Assert.Single(refused.Errors).Field);
    }

    private static async Task<string> ReceiveAsync(XeroLedgerFixture fixture)
    {
        using var http = fixture.DirectClient();
        var made = await http.PutAsJsonAsync("api.xro/2.0/BankTransactions", new
        {
            BankTransactions = new[]
            {
                new { Type = "RECEIVE", BankAccount = new { Code = "090" }, Date = "2026-03-03", LineItems = new[] { new { Description = "Refund", UnitAmount = 5m, AccountCode = "260" } } },
            },
        }, Cancellation);
        return (await made.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("BankTransactions")[0].GetProperty("BankTransactionID").GetString()!;
    }
}
