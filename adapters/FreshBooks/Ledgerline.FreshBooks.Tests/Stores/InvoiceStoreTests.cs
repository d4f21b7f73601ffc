using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class InvoiceStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewInvoice FixtureInvoice(string contactId) => new()
    {
        ContactId = contactId,
        Currency = Cad,
        IssueDate = new DateOnly(2025, 3, 1),
        DueDate = new DateOnly(2025, 3, 31),
        DiscountPercent = 10m,
        Notes = "Thanks",
        Terms = "Net 30",
        Lines =
        [
            new NewInvoiceLine { Name = "Taxed", Quantity = 2m, UnitPrice = new Money(10.00m, Cad), Taxes = [new LineTax("HST", 13m)] },
            new NewInvoiceLine { Name = "Untaxed", Description = "books", Quantity = 3m, UnitPrice = new Money(8.00m, Cad) },
        ],
    };

    [Fact]
    public async Task CreateAsync_FreshBooksFixtureArithmetic_CanonicalTotalsAndLines()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Totals Ltd.", Currency = Cad }, Ct);

        var invoice = await ledger.Invoices.CreateAsync(FixtureInvoice(contact.Id), Ct);
        var payment = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = invoice.Id, Amount = new Money(20.00m, Cad), Date = new DateOnly(2025, 3, 5) }, Ct);
        var paid = await ledger.Invoices.GetAsync(invoice.Id, Ct);

        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Equal(contact.Id, invoice.ContactId);
        Assert.Equal(new DateOnly(2025, 3, 31), invoice.DueDate);
        Assert.Equal(2, invoice.Lines.Count);
        Assert.Equal([new LineTax("HST", 13m)], invoice.Lines[0].Taxes);
        Assert.Equal(new Money(44.00m, Cad), invoice.Subtotal);
        Assert.Equal(new Money(4.40m, Cad), invoice.Discount);
        Assert.Equal(new Money(2.34m, Cad), invoice.Tax);
        Assert.Equal(new Money(41.94m, Cad), invoice.Total);
        Assert.Equal(invoice.Id, payment.InvoiceId);
        Assert.Equal(contact.Id, payment.ContactId);
        Assert.Equal(InvoiceStatus.PartiallyPaid, paid.Status);
        Assert.Equal(new Money(20.00m, Cad), paid.AmountPaid);
        Assert.Equal(new Money(21.94m, Cad), paid.AmountDue);
        Assert.All(fixture.Ledgers.RequestsTo("/accounting/account/" + fixture.Ledgers.AccountId + "/invoices"),
            r => Assert.Contains("include%5B%5D=lines", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_DueDateOnly_IssueDateKeptAndOffsetRecomputed()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Dates Ltd." }, Ct);
        var invoice = await ledger.Invoices.CreateAsync(FixtureInvoice(contact.Id), Ct);

        var moved = await ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { DueDate = new DateOnly(2025, 4, 15) }, Ct);
        var reissued = await ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { IssueDate = new DateOnly(2025, 3, 10) }, Ct);

        Assert.Equal(new DateOnly(2025, 3, 1), moved.IssueDate);
        Assert.Equal(new DateOnly(2025, 4, 15), moved.DueDate);
        Assert.Equal(new DateOnly(2025, 3, 10), reissued.IssueDate);
        Assert.Equal(new DateOnly(2025, 4, 15), reissued.DueDate);
    }

    [Fact]
    public async Task UpdateAsync_Lines_ReplacedAndTotalsRecomputed()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Lines Ltd." }, Ct);
        var invoice = await ledger.Invoices.CreateAsync(FixtureInvoice(contact.Id), Ct);

        var updated = await ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges
        {
            Lines = [new NewInvoiceLine { Name = "Precise", Quantity = 3m, UnitPrice = new Money(19.99m, Cad) }],
            DiscountPercent = 0m,
        }, Ct);

        var line = Assert.Single(updated.Lines);
        Assert.Equal(new Money(59.97m, Cad), line.Amount);
        Assert.Equal(new Money(59.97m, Cad), updated.Total);
        Assert.Equal("Thanks", updated.Notes);
    }

    [Fact]
    public async Task CreateAsync_UnknownContact_ContactNotFound()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Invoices.CreateAsync(FixtureInvoice("987654321"), Ct));

        Assert.Equal(EntityKind.Contact, missing.Entity);
        Assert.Equal("987654321", missing.Id);
    }

    [Fact]
    public async Task ListAsync_ContactAndStatusFilters_ServerFilterThenExactFilter()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var mine = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Mine Ltd." }, Ct);
        var other = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Other Ltd." }, Ct);
        var draft = await ledger.Invoices.CreateAsync(FixtureInvoice(mine.Id), Ct);
        var partial = await ledger.Invoices.CreateAsync(FixtureInvoice(mine.Id), Ct);
        await ledger.Invoices.CreateAsync(FixtureInvoice(other.Id), Ct);
        await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = partial.Id, Amount = new Money(1m, Cad), Date = new DateOnly(2025, 3, 2) }, Ct);

        var all = await ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = mine.Id }, Ct).ToListAsync(Ct);
        var partials = await ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = mine.Id, Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.PartiallyPaid } }, Ct).ToListAsync(Ct);

        Assert.Equal([draft.Id, partial.Id], all.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal([partial.Id], partials.Select(i => i.Id));
        Assert.Contains(fixture.Ledgers.RequestsTo("/accounting"), r => r.Query.Contains("search%5Bcustomerid%5D=" + mine.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAsync_Invoice_SoftDeletedAndRestorable()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Soft Ltd." }, Ct);
        var invoice = await ledger.Invoices.CreateAsync(FixtureInvoice(contact.Id), Ct);

        await ledger.Invoices.DeleteAsync(invoice.Id, Ct);
        var deleted = await ledger.Invoices.GetAsync(invoice.Id, Ct);
        var deletedList = await ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = contact.Id, States = RecordStates.All }, Ct).ToListAsync(Ct);
        var restored = await ledger.Invoices.RestoreAsync(invoice.Id, Ct);

        Assert.Equal(RecordState.Deleted, deleted.State);
        Assert.Equal(RecordState.Deleted, Assert.Single(deletedList).State);
        Assert.Equal(RecordState.Active, restored.State);
    }

    [Fact]
    public async Task MarkAsSentAsync_Draft_SentByOnePutAndTotalsKept()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Sent Ltd.", Currency = Cad }, Ct);
        var draft = await ledger.Invoices.CreateAsync(FixtureInvoice(contact.Id) with { DueDate = new DateOnly(2099, 3, 31) }, Ct);
        fixture.Ledgers.Sandbox.ClearRequests();

        var sent = await ledger.Invoices.MarkAsSentAsync(draft.Id, Ct);

        Assert.Equal(InvoiceStatus.Draft, draft.Status);
        Assert.Equal(InvoiceStatus.Sent, sent.Status);
        Assert.Equal(draft.Total, sent.Total);
        Assert.Equal(draft.Lines.Count, sent.Lines.Count);
        var put = Assert.Single(fixture.Ledgers.Sandbox.Requests);
        Assert.Equal(("PUT", $"/accounting/account/{fixture.Ledgers.AccountId}/invoices/invoices/{draft.Id}"), (put.Method, put.Path));
        Assert.Equal(InvoiceStatus.Sent, (await ledger.Invoices.GetAsync(draft.Id, Ct)).Status);
    }

    [Fact]
    public async Task VoidAsync_FreshBooksHasNoVoid_RefusedBeforeAnyRequest()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        fixture.Ledgers.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Invoices.VoidAsync("1", Ct));

        Assert.Equal(EntityKind.Invoice, refused.Entity);
        Assert.Empty(fixture.Ledgers.Sandbox.Requests);
    }
}
