using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class OtherStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(ILedger Ledger, Invoice Invoice)> InvoiceAsync()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Payer Ltd." }, Ct);
        var invoice = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = Usd,
            IssueDate = new DateOnly(2025, 5, 1),
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = new Money(100m, Usd) }],
        }, Ct);
        return (ledger, invoice);
    }

    [Fact]
    public async Task PaymentCreate_OtherCurrency_ValidationOnAmountAndNothingWritten()
    {
        var (ledger, invoice) = await InvoiceAsync();
        fixture.Ledgers.Sandbox.ClearRequests();

        var invalid = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Payments.CreateAsync(new NewPayment { InvoiceId = invoice.Id, Amount = new Money(5m, CurrencyCode.EUR), Date = new DateOnly(2025, 5, 2) }, Ct));

        Assert.Equal("Amount", Assert.Single(invalid.Errors).Field);
        Assert.DoesNotContain(fixture.Ledgers.Sandbox.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task PaymentCreate_UnknownInvoice_InvoiceNotFound()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            ledger.Payments.CreateAsync(new NewPayment { InvoiceId = "88888888", Amount = new Money(5m, Usd), Date = new DateOnly(2025, 5, 2) }, Ct));

        Assert.Equal(EntityKind.Invoice, missing.Entity);
        Assert.Equal("88888888", missing.Id);
    }

    [Fact]
    public async Task PaymentLifecycle_PaidThenDeleted_InvoiceBackToDraft()
    {
        var (ledger, invoice) = await InvoiceAsync();

        var payment = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = invoice.Id, Amount = new Money(100m, Usd), Date = new DateOnly(2025, 5, 2), Method = "Cash", Note = "all" }, Ct);
        var paid = await ledger.Invoices.GetAsync(invoice.Id, Ct);
        var listed = await ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = invoice.Id }, Ct).ToListAsync(Ct);
        await ledger.Payments.DeleteAsync(payment.Id, Ct);
        var unpaid = await ledger.Invoices.GetAsync(invoice.Id, Ct);

        Assert.Equal("Cash", payment.Method);
        Assert.Equal("all", payment.Note);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(payment.Id, Assert.Single(listed).Id);
        Assert.Equal(InvoiceStatus.Draft, unpaid.Status);
        Assert.Equal(Money.Zero(Usd), unpaid.AmountPaid);
    }

    [Fact]
    public async Task ExpenseCreate_NoCategory_FirstAccountCategoryAndExactAmount()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var expense = await ledger.Expenses.CreateAsync(new NewExpense
        {
            Amount = new Money(1234567.89m, Usd),
            Date = new DateOnly(2025, 6, 1),
            Vendor = "Office Depot",
            Notes = "Chairs",
            Taxes = [new ExpenseTax("GST", new Money(12.34m, Usd), 5m)],
        }, Ct);
        var fetched = await ledger.Expenses.GetAsync(expense.Id, Ct);
        var inCategory = await ledger.Expenses.ListAsync(new ExpenseQuery { CategoryId = expense.CategoryId }, Ct).ToListAsync(Ct);

        Assert.NotNull(expense.CategoryId);
        Assert.Equal(new Money(1234567.89m, Usd), fetched.Amount);
        Assert.Equal("Office Depot", fetched.Vendor);
        Assert.Equal([new ExpenseTax("GST", new Money(12.34m, Usd), 5m)], fetched.Taxes);
        Assert.Contains(inCategory, e => e.Id == expense.Id);
    }

    [Fact]
    public async Task TimeEntryLifecycle_CreateUpdateListDelete_HardDelete()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Hours Ltd." }, Ct);
        var started = new DateTimeOffset(2025, 6, 2, 13, 0, 0, TimeSpan.Zero);

        var entry = await ledger.TimeEntries.CreateAsync(new NewTimeEntry { StartedAt = started, Duration = TimeSpan.FromMinutes(90), Billable = true, ContactId = contact.Id, Note = "Design" }, Ct);
        var updated = await ledger.TimeEntries.UpdateAsync(entry.Id, new TimeEntryChanges { Note = "Design review" }, Ct);
        var listed = await ledger.TimeEntries.ListAsync(new TimeEntryQuery { ContactId = contact.Id, Billable = true }, Ct).ToListAsync(Ct);
        await ledger.TimeEntries.DeleteAsync(entry.Id, Ct);
        var gone = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.TimeEntries.GetAsync(entry.Id, Ct));
        var archive = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.TimeEntries.ArchiveAsync(entry.Id, Ct));

        Assert.Equal(started, entry.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(90), entry.Duration);
        Assert.Equal(contact.Id, entry.ContactId);
        Assert.Equal("Design review", updated.Note);
        Assert.Equal(entry.Id, Assert.Single(listed).Id);
        Assert.Equal(EntityKind.TimeEntry, gone.Entity);
        Assert.Equal(EntityKind.TimeEntry, archive.Entity);
        Assert.All(fixture.Ledgers.RequestsTo("/timetracking/business/" + fixture.Ledgers.Sandbox.Data.PrimaryBusiness.BusinessId), r => Assert.NotEqual(0, r.StatusCode));
    }
}
