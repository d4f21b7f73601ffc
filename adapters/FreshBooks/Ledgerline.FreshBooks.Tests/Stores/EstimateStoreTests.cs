using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>Estimates over loopback HTTP against the sandbox: totals, actions, conversion to an invoice and filters.</summary>
public sealed class EstimateStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Estimates => "/accounting/account/" + fixture.Ledgers.AccountId + "/estimates";

    private string Invoices => "/accounting/account/" + fixture.Ledgers.AccountId + "/invoices";

    private static NewEstimate FixtureEstimate(string contactId) => new()
    {
        ContactId = contactId,
        Currency = Cad,
        IssueDate = new DateOnly(2025, 3, 1),
        DiscountPercent = 10m,
        Notes = "Valid for 30 days.",
        Terms = "Net 30",
        Lines =
        [
            new NewInvoiceLine { Name = "Taxed", Quantity = 2m, UnitPrice = new Money(10.00m, Cad), Taxes = [new LineTax("HST", 13m)] },
            new NewInvoiceLine { Name = "Untaxed", Description = "books", Quantity = 3m, UnitPrice = new Money(8.00m, Cad) },
        ],
    };

    private async Task<(ILedger Ledger, string ContactId)> OpenAsync()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Estimates Ltd.", Currency = Cad }, Ct);
        return (ledger, contact.Id);
    }

    private int Count(string path, string method) => fixture.Ledgers.RequestsTo(path).Count(r => r.Method == method);

    [Fact]
    public async Task CreateAsync_InvoiceArithmetic_CanonicalTotalsLinesAndIncludes()
    {
        var (ledger, contactId) = await OpenAsync();

        var created = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);
        var read = await ledger.Estimates.GetAsync(created.Id, Ct);

        Assert.Equal(EstimateStatus.Draft, created.Status);
        Assert.Equal("draft", created.ProviderStatus);
        Assert.Equal(contactId, created.ContactId);
        Assert.Equal(new DateOnly(2025, 3, 1), created.IssueDate);
        Assert.Equal(new Money(44.00m, Cad), created.Subtotal);
        Assert.Equal(new Money(4.40m, Cad), created.Discount);
        Assert.Equal(new Money(2.34m, Cad), created.Tax);
        Assert.Equal(new Money(41.94m, Cad), created.Total);
        Assert.Equal(10m, created.DiscountPercent);
        Assert.Equal("Net 30", created.Terms);
        Assert.Null(created.InvoiceId);
        Assert.Equal(created.Lines.Select(l => (l.Name, l.Description, l.Quantity, l.UnitPrice, l.Amount)),
            read.Lines.Select(l => (l.Name, l.Description, l.Quantity, l.UnitPrice, l.Amount)));
        Assert.Equal([new LineTax("HST", 13m)], read.Lines[0].Taxes);
        Assert.Equal(created.Total, read.Total);
        Assert.All(fixture.Ledgers.RequestsTo(Estimates), r =>
        {
            Assert.Contains("include%5B%5D=lines", r.Query, StringComparison.Ordinal);
            Assert.Contains("include%5B%5D=invoices", r.Query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UpdateAsync_LinesAndNotes_ReplacedAndRecomputed()
    {
        var (ledger, contactId) = await OpenAsync();
        var created = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);

        var updated = await ledger.Estimates.UpdateAsync(created.Id, new EstimateChanges
        {
            Lines = [new NewInvoiceLine { Name = "Only", Quantity = 1m, UnitPrice = new Money(50m, Cad) }],
            DiscountPercent = 0m,
            Notes = "Revised",
        }, Ct);

        Assert.Single(updated.Lines);
        Assert.Equal(new Money(50m, Cad), updated.Total);
        Assert.Equal("Revised", updated.Notes);
        Assert.Equal("Net 30", updated.Terms);
    }

    [Fact]
    public async Task MarkAsSentAndAccept_Actions_MoveTheStatusOnceEach()
    {
        var (ledger, contactId) = await OpenAsync();
        var created = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);

        var sent = await ledger.Estimates.MarkAsSentAsync(created.Id, Ct);
        var puts = Count(Estimates, "PUT");
        var sentAgain = await ledger.Estimates.MarkAsSentAsync(created.Id, Ct);
        var accepted = await ledger.Estimates.AcceptAsync(created.Id, Ct);
        var acceptedAgain = await ledger.Estimates.AcceptAsync(created.Id, Ct);
        var stillAccepted = await ledger.Estimates.MarkAsSentAsync(created.Id, Ct);

        Assert.Equal(EstimateStatus.Sent, sent.Status);
        Assert.Equal(EstimateStatus.Sent, sentAgain.Status);
        Assert.Equal(EstimateStatus.Accepted, accepted.Status);
        Assert.Equal("accepted", accepted.ProviderStatus);
        Assert.Equal(EstimateStatus.Accepted, acceptedAgain.Status);
        Assert.Equal(EstimateStatus.Accepted, stillAccepted.Status);
        // One PUT for the accept; marking a sent or accepted estimate and accepting an accepted one write nothing.
        Assert.Equal(puts + 1, Count(Estimates, "PUT"));
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_NotAccepted_RefusedBeforeAnyWrite()
    {
        var (ledger, contactId) = await OpenAsync();
        var created = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);
        var posts = Count(Invoices, "POST");

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.ConvertToInvoiceAsync(created.Id, Ct));

        Assert.Contains(error.Errors, e => e.Code == "EstimateNotAccepted");
        Assert.Equal(posts, Count(Invoices, "POST"));
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_Accepted_OneDraftInvoiceWithTheEstimatesContent()
    {
        var (ledger, contactId) = await OpenAsync();
        var estimate = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);
        await ledger.Estimates.AcceptAsync(estimate.Id, Ct);
        var posts = Count(Invoices, "POST");

        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Ct);
        var again = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Ct);
        var after = await ledger.Estimates.GetAsync(estimate.Id, Ct);

        Assert.Equal(posts + 1, Count(Invoices, "POST"));
        Assert.Equal(invoice.Id, again.Id);
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Equal(contactId, invoice.ContactId);
        Assert.Equal(Cad, invoice.Currency);
        Assert.Equal(estimate.Lines.Select(l => (l.Name, l.Description, l.Quantity, l.UnitPrice, l.Amount)),
            invoice.Lines.Select(l => (l.Name, l.Description, l.Quantity, l.UnitPrice, l.Amount)));
        Assert.Equal(estimate.Lines.Select(l => l.Taxes.ToArray()), invoice.Lines.Select(l => l.Taxes.ToArray()));
        Assert.Equal(estimate.Total, invoice.Total);
        Assert.Equal(10m, invoice.DiscountPercent);
        Assert.Equal("Valid for 30 days.", invoice.Notes);
        Assert.Equal("Net 30", invoice.Terms);
        // FreshBooks reads the estimate as invoiced only once the invoice is sent; until then it is accepted and names it.
        Assert.Equal(EstimateStatus.Accepted, after.Status);
        Assert.Equal(invoice.Id, after.InvoiceId);
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_InvoiceSent_EstimateReadsInvoicedAndCannotBeAcceptedAgain()
    {
        var (ledger, contactId) = await OpenAsync();
        var estimate = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);
        await ledger.Estimates.AcceptAsync(estimate.Id, Ct);
        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Ct);

        await ledger.Invoices.MarkAsSentAsync(invoice.Id, Ct);
        var invoiced = await ledger.Estimates.GetAsync(estimate.Id, Ct);
        var again = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Ct);
        var listed = await ledger.Estimates.ListAsync(new EstimateQuery
        {
            ContactId = contactId, Statuses = new HashSet<EstimateStatus> { EstimateStatus.Invoiced },
        }, Ct).ToListAsync(Ct);
        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.AcceptAsync(estimate.Id, Ct));

        Assert.Equal(EstimateStatus.Invoiced, invoiced.Status);
        Assert.Equal("invoiced", invoiced.ProviderStatus);
        Assert.Equal(invoice.Id, invoiced.InvoiceId);
        Assert.Equal(invoice.Id, again.Id);
        Assert.Equal([estimate.Id], listed.Select(e => e.Id));
        Assert.Contains(error.Errors, e => e.Code == "EstimateNotAcceptable");
    }

    [Fact]
    public async Task ListAsync_StatusesContactAndIssueDate_ServerFiltersThenExact()
    {
        var (ledger, contactId) = await OpenAsync();
        var accepted = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);
        var draft = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId) with { IssueDate = new DateOnly(2025, 4, 1) }, Ct);
        await ledger.Estimates.AcceptAsync(accepted.Id, Ct);

        var byStatus = await ledger.Estimates.ListAsync(new EstimateQuery
        {
            ContactId = contactId, Statuses = new HashSet<EstimateStatus> { EstimateStatus.Accepted },
        }, Ct).ToListAsync(Ct);
        var byDate = await ledger.Estimates.ListAsync(new EstimateQuery
        {
            ContactId = contactId, IssueDate = new DateRange(new DateOnly(2025, 3, 15), null),
        }, Ct).ToListAsync(Ct);
        var declined = await ledger.Estimates.ListAsync(new EstimateQuery
        {
            ContactId = contactId, Statuses = new HashSet<EstimateStatus> { EstimateStatus.Declined },
        }, Ct).ToListAsync(Ct);

        Assert.Equal([accepted.Id], byStatus.Select(e => e.Id));
        Assert.Equal([draft.Id], byDate.Select(e => e.Id));
        Assert.Empty(declined);
        Assert.Contains(fixture.Ledgers.RequestsTo(Estimates), r => r.Method == "GET" && r.Query.Contains("search%5Bstatusids%5D%5B%5D=5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeclineAsync_FreshBooksHasNoDecline_RefusedBeforeAnyRequest()
    {
        var (ledger, contactId) = await OpenAsync();
        var created = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);
        var before = fixture.Ledgers.RequestsTo(Estimates).Count;

        var error = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Estimates.DeclineAsync(created.Id, Ct));

        Assert.Equal(EntityKind.Estimate, error.Entity);
        Assert.False(ledger.Capabilities.Supports(EntityKind.Estimate, StoreOperations.Decline));
        Assert.Equal(before, fixture.Ledgers.RequestsTo(Estimates).Count);
    }

    [Fact]
    public async Task GetAsync_UnknownAndDeleted_TypedNotFoundAndDeletedState()
    {
        var (ledger, contactId) = await OpenAsync();
        var created = await ledger.Estimates.CreateAsync(FixtureEstimate(contactId), Ct);

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Estimates.GetAsync("987654321", Ct));
        await ledger.Estimates.DeleteAsync(created.Id, Ct);
        var deleted = await ledger.Estimates.GetAsync(created.Id, Ct);

        Assert.Equal(EntityKind.Estimate, missing.Entity);
        Assert.Equal(RecordState.Deleted, deleted.State);
    }
}
