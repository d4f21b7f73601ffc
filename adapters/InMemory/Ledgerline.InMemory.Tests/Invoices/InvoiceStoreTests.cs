using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Invoices;

public sealed class InvoiceStoreTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private IInvoiceStore Invoices => _harness.Ledger.Invoices;

    [Fact]
    public async Task CreateAsync_Draft_IsDraftActiveNumberedAndStamped()
    {
        var invoice = await _harness.InvoiceAsync(due: new DateOnly(2024, 5, 31));

        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Equal(RecordState.Active, invoice.State);
        Assert.Equal("1", invoice.Id);
        Assert.Equal("0000001", invoice.Number);
        Assert.Equal(Start, invoice.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, invoice.UpdatedAt?.Offset);
        Assert.Equal(new DateOnly(2024, 5, 31), invoice.DueDate);
        Assert.Equal(invoice, await Invoices.GetAsync(invoice.Id));
    }

    [Fact]
    public async Task UpdateAsync_LinesGivenBackById_KeepTheirIdsAndNewLinesNumberOnAfterTheHighest()
    {
        var contact = await _harness.ContactAsync();
        var invoice = await Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id, Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 1, 1),
            Lines = [Line(1m, Usd(100m)), Line(1m, Usd(-20m)), Line(1m, Usd(5m))],
        });

        // Keep line 2 (doubled) then line 1, drop line 3, add one: the new line is 4, never the dropped 3.
        var updated = await Invoices.UpdateAsync(invoice.Id, new InvoiceChanges
        {
            Lines = [invoice.Lines[1].ToNewLine() with { Quantity = 2m }, invoice.Lines[0].ToNewLine(), Line(1m, Usd(7m))],
        });

        Assert.Equal(["1", "2", "3"], invoice.Lines.Select(l => l.Id));
        Assert.Equal(["2", "1", "4"], updated.Lines.Select(l => l.Id));
        Assert.Equal(Usd(-40m), updated.Lines[0].Amount);
        Assert.Equal(Usd(67m), updated.Total);
    }

    [Fact]
    public async Task UpdateAsync_UnknownLineId_RefusedNamingTheLineAndNothingChanges()
    {
        var invoice = await _harness.InvoiceAsync();

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => Invoices.UpdateAsync(
            invoice.Id, new InvoiceChanges { Lines = [Line(1m, Usd(1m)) with { Id = "9" }] }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("Lines[0].Id", "UnknownLine"), (error.Field, error.Code));
        Assert.Contains("'9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line ids: 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(invoice, await Invoices.GetAsync(invoice.Id));
    }

    [Fact]
    public async Task CreateAsync_GivenNumber_KeepsIt()
    {
        var contact = await _harness.ContactAsync();
        var invoice = await Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id, Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 1, 1), Number = "INV-42",
            Lines = [Line(1m, Usd(1m))],
        });

        Assert.Equal("INV-42", invoice.Number);
    }

    [Fact]
    public async Task CreateAsync_UnknownContact_ThrowsNotFoundAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _harness.InvoiceAsync(contactId: "999"));

        Assert.Equal(EntityKind.Contact, error.Entity);
        Assert.Equal("999", error.Id);
        Assert.Equal("InMemory", error.Provider);
        Assert.Empty(await AllAsync(Invoices.ListAsync()));
    }

    [Fact]
    public async Task CreateAsync_LineInOtherCurrency_IsRefusedByValidation()
    {
        var contact = await _harness.ContactAsync();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id, Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 1, 1), Lines = [Line(1m, Cad(1m))],
        }));

        Assert.Equal("Lines[0].UnitPrice", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task UpdateAsync_NewLines_RecomputesTotalsAndKeepsTheRest()
    {
        var invoice = await _harness.InvoiceAsync(due: new DateOnly(2024, 6, 1));
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        var updated = await Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Lines = [Line(2m, Usd(30m), new LineTax("T", 10m))], Notes = "Thanks" });

        Assert.Equal(Usd(60m), updated.Subtotal);
        Assert.Equal(Usd(6m), updated.Tax);
        Assert.Equal(Usd(66m), updated.Total);
        Assert.Equal(Usd(66m), updated.AmountDue);
        Assert.Equal("Thanks", updated.Notes);
        Assert.Equal(invoice.DueDate, updated.DueDate);
        Assert.Equal(invoice.Number, updated.Number);
        Assert.Equal(Start.AddMinutes(5), updated.UpdatedAt);
    }

    [Fact]
    public async Task UpdateAsync_Discount_RecomputesTotals()
    {
        var invoice = await _harness.InvoiceAsync();

        var updated = await Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { DiscountPercent = 25m });

        Assert.Equal(Usd(25m), updated.Discount);
        Assert.Equal(Usd(75m), updated.Total);
    }

    [Fact]
    public async Task UpdateAsync_CurrencyWithLines_MovesInvoiceToNewCurrency()
    {
        var invoice = await _harness.InvoiceAsync();

        var updated = await Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Currency = CurrencyCode.CAD, Lines = [Line(1m, Cad(80m))] });

        Assert.Equal(CurrencyCode.CAD, updated.Currency);
        Assert.Equal(Cad(80m), updated.Total);
        Assert.Equal(Cad(0m), updated.AmountPaid);
    }

    [Fact]
    public async Task UpdateAsync_LinesInAnotherCurrencyThanStored_ThrowsOnLineField()
    {
        var invoice = await _harness.InvoiceAsync();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Lines = [Line(1m, Cad(1m))] }));

        Assert.Equal("Lines[0].UnitPrice", Assert.Single(error.Errors).Field);
        Assert.Equal(CurrencyCode.USD, (await Invoices.GetAsync(invoice.Id)).Currency);
    }

    [Fact]
    public async Task UpdateAsync_CurrencyWithPayments_IsRefused()
    {
        var invoice = await _harness.InvoiceAsync();
        await _harness.PayAsync(invoice, 10m);

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Currency = CurrencyCode.CAD, Lines = [Line(1m, Cad(1m))] }));

        Assert.Equal("Currency", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task UpdateAsync_DueDateBeforeStoredIssueDate_ThrowsOnDueDate()
    {
        var invoice = await _harness.InvoiceAsync(issued: new DateOnly(2024, 5, 10));

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { DueDate = new DateOnly(2024, 5, 1) }));

        Assert.Equal("DueDate", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task UpdateAsync_UnknownContact_ThrowsNotFound()
    {
        var invoice = await _harness.InvoiceAsync();

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { ContactId = "404" }));

        Assert.Equal(EntityKind.Contact, error.Entity);
    }

    [Fact]
    public async Task ListAsync_ContactIdFilter_ReturnsOnlyThatContactsInvoices()
    {
        var a = await _harness.ContactAsync("A");
        var b = await _harness.ContactAsync("B");
        var first = await _harness.InvoiceAsync(contactId: a.Id);
        await _harness.InvoiceAsync(contactId: b.Id);
        var third = await _harness.InvoiceAsync(contactId: a.Id);

        var listed = await AllAsync(Invoices.ListAsync(new InvoiceQuery { ContactId = a.Id }));

        Assert.Equal([first.Id, third.Id], listed.Select(i => i.Id));
    }

    [Fact]
    public async Task ListAsync_StatusesFilter_ReturnsOnlyThoseStatuses()
    {
        var draft = await _harness.InvoiceAsync();
        var partial = await _harness.InvoiceAsync();
        var paid = await _harness.InvoiceAsync();
        await _harness.PayAsync(partial, 1m);
        await _harness.PayAsync(paid, 100m);

        var unpaid = await AllAsync(Invoices.ListAsync(InvoiceQuery.Unpaid()));
        var paidOnly = await AllAsync(Invoices.ListAsync(new InvoiceQuery { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Paid } }));

        Assert.Equal([draft.Id, partial.Id], unpaid.Select(i => i.Id));
        Assert.Equal([paid.Id], paidOnly.Select(i => i.Id));
    }

    [Fact]
    public async Task ListAsync_IssueDateRange_IsInclusive()
    {
        var april = await _harness.InvoiceAsync(issued: new DateOnly(2024, 4, 30));
        var may1 = await _harness.InvoiceAsync(issued: new DateOnly(2024, 5, 1));
        var may31 = await _harness.InvoiceAsync(issued: new DateOnly(2024, 5, 31));
        await _harness.InvoiceAsync(issued: new DateOnly(2024, 6, 1));

        var may = await AllAsync(Invoices.ListAsync(new InvoiceQuery { IssueDate = new DateRange(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31)) }));
        var untilApril = await AllAsync(Invoices.ListAsync(new InvoiceQuery { IssueDate = new DateRange(null, new DateOnly(2024, 4, 30)) }));

        Assert.Equal([may1.Id, may31.Id], may.Select(i => i.Id));
        Assert.Equal([april.Id], untilApril.Select(i => i.Id));
    }

    [Fact]
    public async Task ListAsync_DueDateRange_SkipsInvoicesWithoutDueDate()
    {
        await _harness.InvoiceAsync();
        var due = await _harness.InvoiceAsync(due: new DateOnly(2024, 6, 15));
        await _harness.InvoiceAsync(due: new DateOnly(2024, 7, 15));

        var listed = await AllAsync(Invoices.ListAsync(new InvoiceQuery { DueDate = new DateRange(new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 30)) }));

        Assert.Equal([due.Id], listed.Select(i => i.Id));
    }

    public void Dispose() => _harness.Dispose();
}
