using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// Credit notes over loopback HTTP against the sandbox: totals, allocation as a credit payment (which moves the invoice's
/// amount paid), allocations read back from those payments, the sandbox's refusals as validation errors, and filters.
/// </summary>
public sealed class CreditNoteStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;

    private static readonly DateOnly Day = new(2025, 3, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string CreditNotes => "/accounting/account/" + fixture.Ledgers.AccountId + "/credit_notes";

    private string Payments => "/accounting/account/" + fixture.Ledgers.AccountId + "/payments";

    private static NewCreditNote Credit(string contactId, decimal amount = 30m, CurrencyCode? currency = null) => new()
    {
        ContactId = contactId,
        Currency = currency ?? Cad,
        IssueDate = Day,
        Notes = "Goodwill",
        Lines = [new NewInvoiceLine { Name = "Credit", Quantity = 1m, UnitPrice = new Money(amount, currency ?? Cad) }],
    };

    private static NewCreditAllocation Allocation(string invoiceId, decimal amount, CurrencyCode? currency = null) =>
        new() { InvoiceId = invoiceId, Amount = new Money(amount, currency ?? Cad), Date = Day.AddDays(3) };

    private async Task<(ILedger Ledger, string ContactId)> OpenAsync()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Credit Notes Ltd.", Currency = Cad }, Ct);
        return (ledger, contact.Id);
    }

    private static async Task<Invoice> InvoiceAsync(ILedger ledger, string contactId, decimal total, CurrencyCode? currency = null)
    {
        var invoice = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contactId,
            Currency = currency ?? Cad,
            IssueDate = Day,
            DueDate = Day.AddDays(30),
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = new Money(total, currency ?? Cad) }],
        }, Ct);
        return await ledger.Invoices.MarkAsSentAsync(invoice.Id, Ct);
    }

    private int Count(string path, string method) => fixture.Ledgers.RequestsTo(path).Count(r => r.Method == method);

    [Fact]
    public async Task CreateAsync_TaxedLines_InvoiceArithmeticWithoutDiscountAndLinesIncluded()
    {
        var (ledger, contactId) = await OpenAsync();

        var created = await ledger.CreditNotes.CreateAsync(Credit(contactId) with
        {
            Number = "CN-1",
            Lines =
            [
                new NewInvoiceLine { Name = "Taxed", Quantity = 2m, UnitPrice = new Money(10.00m, Cad), Taxes = [new LineTax("HST", 13m)] },
                new NewInvoiceLine { Name = "Untaxed", Description = "books", Quantity = 3m, UnitPrice = new Money(8.00m, Cad) },
            ],
        }, Ct);
        var read = await ledger.CreditNotes.GetAsync(created.Id, Ct);

        Assert.Equal(CreditNoteStatus.Open, created.Status);
        Assert.Equal("created/unpaid", created.ProviderStatus);
        Assert.Equal("CN-1", created.Number);
        Assert.Equal(contactId, created.ContactId);
        Assert.Equal(Day, created.IssueDate);
        Assert.Equal(new Money(44.00m, Cad), created.Subtotal);
        Assert.Equal(new Money(2.60m, Cad), created.Tax);
        Assert.Equal(new Money(46.60m, Cad), created.Total);
        Assert.Equal(created.Total, created.RemainingCredit);
        Assert.Empty(created.Allocations);
        Assert.Equal("Goodwill", read.Notes);
        Assert.Equal(created.Lines.Select(l => (l.Name, l.Description, l.Quantity, l.UnitPrice, l.Amount)),
            read.Lines.Select(l => (l.Name, l.Description, l.Quantity, l.UnitPrice, l.Amount)));
        Assert.All(fixture.Ledgers.RequestsTo(CreditNotes), r => Assert.Contains("include%5B%5D=lines", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllocateAsync_TwoInvoices_CreditPaymentsMoveAmountPaidAndAllocationsReadBackInOrder()
    {
        var (ledger, contactId) = await OpenAsync();
        var first = await InvoiceAsync(ledger, contactId, 100m);
        var second = await InvoiceAsync(ledger, contactId, 15m);
        var note = await ledger.CreditNotes.CreateAsync(Credit(contactId, 40m), Ct);

        var once = await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(first.Id, 25m), Ct);
        var twice = await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(second.Id, 15m), Ct);
        var paidFirst = await ledger.Invoices.GetAsync(first.Id, Ct);
        var paidSecond = await ledger.Invoices.GetAsync(second.Id, Ct);
        var payments = await ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = first.Id }, Ct).ToListAsync(Ct);

        Assert.Equal(CreditNoteStatus.Open, once.Status);
        Assert.Equal(new Money(15m, Cad), once.RemainingCredit);
        Assert.Equal([new CreditAllocation(first.Id, new Money(25m, Cad), Day.AddDays(3))], once.Allocations);
        Assert.Equal(CreditNoteStatus.Applied, twice.Status);
        Assert.Equal("created/paid", twice.ProviderStatus);
        Assert.Equal(new Money(0m, Cad), twice.RemainingCredit);
        Assert.Equal(
            [new CreditAllocation(first.Id, new Money(25m, Cad), Day.AddDays(3)), new CreditAllocation(second.Id, new Money(15m, Cad), Day.AddDays(3))],
            twice.Allocations);
        Assert.Equal(new Money(25m, Cad), paidFirst.AmountPaid);
        Assert.Equal(new Money(0m, Cad), paidFirst.AmountCredited);
        Assert.Equal(new Money(75m, Cad), paidFirst.AmountDue);
        Assert.Equal(InvoiceStatus.Paid, paidSecond.Status);
        Assert.Equal(new Money(25m, Cad), Assert.Single(payments).Amount);
        Assert.Contains(fixture.Ledgers.RequestsTo(Payments), r => r.Method == "GET" && r.Query.Contains("search%5Bcreditid%5D=" + note.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllocateAsync_CreditPaymentDeleted_GivesTheCreditBackAndDropsTheAllocation()
    {
        var (ledger, contactId) = await OpenAsync();
        var invoice = await InvoiceAsync(ledger, contactId, 100m);
        var note = await ledger.CreditNotes.CreateAsync(Credit(contactId, 30m), Ct);
        await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 30m), Ct);
        var payment = Assert.Single(await ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = invoice.Id }, Ct).ToListAsync(Ct));

        await ledger.Payments.DeleteAsync(payment.Id, Ct);
        var restored = await ledger.CreditNotes.GetAsync(note.Id, Ct);

        Assert.Equal(CreditNoteStatus.Open, restored.Status);
        Assert.Equal(new Money(30m, Cad), restored.RemainingCredit);
        Assert.Empty(restored.Allocations);
    }

    [Fact]
    public async Task AllocateAsync_SandboxRefusals_AreValidationErrorsAndNothingMoves()
    {
        var (ledger, contactId) = await OpenAsync();
        var other = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Someone Else Ltd.", Currency = Cad }, Ct);
        var invoice = await InvoiceAsync(ledger, contactId, 20m);
        var othersInvoice = await InvoiceAsync(ledger, other.Id, 20m);
        var usdInvoice = await InvoiceAsync(ledger, contactId, 20m, CurrencyCode.USD);
        var note = await ledger.CreditNotes.CreateAsync(Credit(contactId, 30m), Ct);

        var overCredit = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 30.01m), Ct));
        var overDue = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 25m), Ct));
        var otherClient = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync(note.Id, Allocation(othersInvoice.Id, 5m), Ct));
        var otherCurrency = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.CreditNotes.AllocateAsync(note.Id, Allocation(usdInvoice.Id, 5m, CurrencyCode.USD), Ct));

        Assert.Contains(overCredit.Errors, e => e.Field == nameof(NewCreditAllocation.Amount));
        Assert.Contains(overDue.Errors, e => e.Field == nameof(NewCreditAllocation.Amount));
        Assert.Contains(otherClient.Errors, e => e.Field == nameof(NewCreditAllocation.InvoiceId));
        Assert.Contains(otherCurrency.Errors, e => e.Field == nameof(NewCreditAllocation.Amount));
        Assert.All([overCredit, overDue, otherClient, otherCurrency], e => Assert.Equal("FreshBooks", e.Provider));
        var unchanged = await ledger.CreditNotes.GetAsync(note.Id, Ct);
        Assert.Equal(new Money(30m, Cad), unchanged.RemainingCredit);
        Assert.Empty(unchanged.Allocations);
        Assert.Equal(new Money(20m, Cad), (await ledger.Invoices.GetAsync(invoice.Id, Ct)).AmountDue);
    }

    [Fact]
    public async Task AllocateAsync_UnknownCreditNoteOrNonPositiveAmount_TypedErrors()
    {
        var (ledger, contactId) = await OpenAsync();
        var invoice = await InvoiceAsync(ledger, contactId, 20m);
        var posts = Count(Payments, "POST");

        var zero = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync("1", Allocation(invoice.Id, 0m), Ct));
        var negative = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync("1", Allocation(invoice.Id, -1m), Ct));
        Assert.Equal(posts, Count(Payments, "POST"));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.CreditNotes.AllocateAsync("99999999", Allocation(invoice.Id, 5m), Ct));

        Assert.Contains(zero.Errors, e => e.Field == nameof(NewCreditAllocation.Amount));
        Assert.Contains(negative.Errors, e => e.Field == nameof(NewCreditAllocation.Amount));
        Assert.Equal(EntityKind.CreditNote, missing.Entity);
    }

    [Fact]
    public async Task UpdateAsync_LinesAndNotes_ReplacedAndRecomputed()
    {
        var (ledger, contactId) = await OpenAsync();
        var created = await ledger.CreditNotes.CreateAsync(Credit(contactId), Ct);

        var updated = await ledger.CreditNotes.UpdateAsync(created.Id, new CreditNoteChanges
        {
            Lines = [new NewInvoiceLine { Name = "Only", Quantity = 2m, UnitPrice = new Money(12.50m, Cad) }],
            Notes = "Revised",
            Number = "CN-9",
        }, Ct);

        Assert.Single(updated.Lines);
        Assert.Equal(new Money(25m, Cad), updated.Total);
        Assert.Equal(new Money(25m, Cad), updated.RemainingCredit);
        Assert.Equal("Revised", updated.Notes);
        Assert.Equal("CN-9", updated.Number);
    }

    [Fact]
    public async Task ListAsync_StatusesContactAndIssueDate_ServerFiltersThenExact()
    {
        var (ledger, contactId) = await OpenAsync();
        var invoice = await InvoiceAsync(ledger, contactId, 100m);
        var open = await ledger.CreditNotes.CreateAsync(Credit(contactId, 10m), Ct);
        var applied = await ledger.CreditNotes.CreateAsync(Credit(contactId, 5m) with { IssueDate = Day.AddDays(1) }, Ct);
        await ledger.CreditNotes.AllocateAsync(applied.Id, Allocation(invoice.Id, 5m), Ct);

        var byStatus = await ledger.CreditNotes.ListAsync(new CreditNoteQuery
        {
            ContactId = contactId, Statuses = new HashSet<CreditNoteStatus> { CreditNoteStatus.Applied },
        }, Ct).ToListAsync(Ct);
        var byDate = await ledger.CreditNotes.ListAsync(new CreditNoteQuery
        {
            ContactId = contactId, IssueDate = new DateRange(Day, Day),
        }, Ct).ToListAsync(Ct);
        var page = await ledger.CreditNotes.ListPageAsync(new CreditNoteQuery { ContactId = contactId }, cancellationToken: Ct);

        Assert.Equal([applied.Id], byStatus.Select(n => n.Id));
        Assert.Single(Assert.Single(byStatus).Allocations);
        Assert.Equal([open.Id], byDate.Select(n => n.Id));
        Assert.Equal([open.Id, applied.Id], page.Items.Select(n => n.Id));
        Assert.Single(page.Items[1].Allocations);
        Assert.Contains(fixture.Ledgers.RequestsTo(CreditNotes), r => r.Query.Contains("search%5Bclientid%5D=" + contactId, StringComparison.Ordinal));
    }
}
