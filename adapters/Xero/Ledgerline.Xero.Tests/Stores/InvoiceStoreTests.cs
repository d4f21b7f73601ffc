using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Sales invoices over loopback HTTP against the Xero sandbox (primary organisation: NZD, GST 15 % as OUTPUT2).</summary>
public sealed class InvoiceStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    private static LineTax Gst => new("GST", 15m) { TaxRateId = "OUTPUT2" };

    [Fact]
    public async Task CreateAsync_TaxedLinesWithDiscount_MapXerosTotalsExactly()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation);

        var invoice = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = Nz.Dollar,
            IssueDate = new DateOnly(2026, 3, 2),
            DueDate = new DateOnly(2026, 4, 1),
            Number = "INV-100",
            Notes = "Thank you.",
            DiscountPercent = 10m,
            Lines =
            [
                new NewInvoiceLine { Name = "Design", Description = "Two rounds", Quantity = 1m, UnitPrice = Nzd(20m), Taxes = [Gst] },
                new NewInvoiceLine { Name = "Hosting", Quantity = 2m, UnitPrice = Nzd(12.50m), Taxes = [Gst] },
            ],
        }, Cancellation);

        // Xero: lines 18.00 and 22.50 after 10 %, GST 2.70 + 3.38 per line, SubTotal 40.50, Total 46.58.
        Assert.Equal((Nzd(45m), Nzd(4.50m), Nzd(6.08m), Nzd(46.58m)), (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
        Assert.Equal((Nzd(0m), Nzd(46.58m)), (invoice.AmountPaid, invoice.AmountDue));
        Assert.Equal(10m, invoice.DiscountPercent);
        Assert.False(invoice.UnitPricesIncludeTax);
        Assert.Equal((InvoiceStatus.Draft, "DRAFT"), (invoice.Status, invoice.ProviderStatus));
        Assert.Equal(("INV-100", "Thank you.", contact.Id), (invoice.Number, invoice.Notes, invoice.ContactId));
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1)), (invoice.IssueDate, invoice.DueDate));
        var design = invoice.Lines[0];
        Assert.Equal(("Design", "Two rounds", 1m, Nzd(20m), Nzd(20m)), (design.Name, design.Description, design.Quantity, design.UnitPrice, design.Amount));
        var tax = Assert.Single(design.Taxes);
        Assert.Equal((15m, "OUTPUT2"), (tax.Percent, tax.TaxRateId));
        Assert.Equal(("Hosting", (string?)null, Nzd(25m)), (invoice.Lines[1].Name, invoice.Lines[1].Description, invoice.Lines[1].Amount));
        Assert.Equivalent(invoice with { RawRepresentation = null }, (await ledger.Invoices.GetAsync(invoice.Id, Cancellation)) with { RawRepresentation = null }, strict: true);
    }

    [Fact]
    public async Task GetAsync_InclusiveInvoice_KeepsXerosTotalsAndTaxExclusiveLineAmounts()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Inclusive Buyer" }, Cancellation);
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/Invoices", new
        {
            Invoices = new[]
            {
                new
                {
                    Type = "ACCREC", Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "Inclusive", CurrencyCode = "NZD",
                    LineItems = new[]
                    {
                        new { Description = "Widget", Quantity = 1m, UnitAmount = 20m, AccountCode = "200", TaxType = "OUTPUT2" },
                        new { Description = "Gadget", Quantity = 3m, UnitAmount = 9.99m, AccountCode = "200", TaxType = "OUTPUT2" },
                    },
                },
            },
        }, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("Invoices")[0].GetProperty("InvoiceID").GetString()!;

        var invoice = await ledger.Invoices.GetAsync(id, Cancellation);

        // Xero: 20.00 incl. → GST 2.61; 29.97 incl. → GST 3.91; Total 49.97, TotalTax 6.52, SubTotal 43.45.
        Assert.True(invoice.UnitPricesIncludeTax);
        Assert.Equal((Nzd(43.45m), Nzd(0m), Nzd(6.52m), Nzd(49.97m)), (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
        Assert.Equal([Nzd(17.39m), Nzd(26.06m)], invoice.Lines.Select(l => l.Amount));
        Assert.Equal([Nzd(20m), Nzd(9.99m)], invoice.Lines.Select(l => l.UnitPrice));
        Assert.Equal(invoice.Subtotal.Amount, invoice.Lines.Sum(l => l.Amount.Amount));
        Assert.Equal(invoice.Total.Amount, invoice.Subtotal.Amount - invoice.Discount.Amount + invoice.Tax.Amount);
    }

    [Fact]
    public async Task CreateAsync_NoTaxesAndFourDecimalPrice_IsNoTaxWithUnitDp4()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Precise" }, Cancellation);
        fixture.Sandbox.ClearRequests();

        var invoice = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = Nz.Dollar,
            IssueDate = new DateOnly(2026, 3, 2),
            Lines = [new NewInvoiceLine { Name = "Bolts", Quantity = 3m, UnitPrice = Nzd(1.2345m) }],
        }, Cancellation);

        Assert.Equal(Nzd(1.2345m), invoice.Lines[0].UnitPrice);
        Assert.Empty(invoice.Lines[0].Taxes);
        Assert.Equal((Nzd(3.70m), Nzd(0m), Nzd(3.70m)), (invoice.Subtotal, invoice.Tax, invoice.Total));
        Assert.Equal("NoTax", ((RawJson)invoice.RawRepresentation!).RootElement.GetProperty("LineAmountTypes").GetString());
        Assert.All(fixture.AccountingRequests(), r => Assert.Contains("unitdp=4", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_TaxWithoutRateIdOrTerms_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var before = fixture.AccountingRequests().Count;
        var draft = new NewInvoice
        {
            ContactId = Guid.NewGuid().ToString(),
            Currency = Nz.Dollar,
            IssueDate = new DateOnly(2026, 3, 2),
            Lines = [new NewInvoiceLine { Name = "A", Quantity = 1m, UnitPrice = Nzd(1m), Taxes = [new LineTax("HST", 13m)] }],
        };

        var untyped = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.CreateAsync(draft, Cancellation));
        var terms = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.CreateAsync(draft with { Lines = [draft.Lines[0] with { Taxes = [] }], Terms = "Net 30" }, Cancellation));

        Assert.Equal("Lines[0].Taxes[0].TaxRateId", Assert.Single(untyped.Errors).Field);
        Assert.Equal(nameof(NewInvoice.Terms), Assert.Single(terms.Errors).Field);
        Assert.Equal(before, fixture.AccountingRequests().Count);
    }

    [Fact]
    public async Task Lifecycle_MarkSentPayDeletePaymentVoid_FollowsXeroStatuses()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Payer" }, Cancellation);
        var draft = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = Nz.Dollar,
            IssueDate = new DateOnly(2026, 3, 2),
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = Nzd(100m), Taxes = [Gst] }],
        }, Cancellation);

        var sent = await ledger.Invoices.MarkAsSentAsync(draft.Id, Cancellation);
        var again = await ledger.Invoices.MarkAsSentAsync(draft.Id, Cancellation);
        var payment = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = draft.Id, Amount = Nzd(15m), Date = new DateOnly(2026, 3, 5), Note = "first" }, Cancellation);
        var partly = await ledger.Invoices.GetAsync(draft.Id, Cancellation);
        await ledger.Payments.DeleteAsync(payment.Id, Cancellation);
        var reopened = await ledger.Invoices.GetAsync(draft.Id, Cancellation);
        var deletedPayment = await ledger.Payments.GetAsync(payment.Id, Cancellation);
        var voided = await ledger.Invoices.VoidAsync(draft.Id, Cancellation);

        Assert.Equal((InvoiceStatus.Sent, "AUTHORISED"), (sent.Status, sent.ProviderStatus));
        Assert.Equal(sent.UpdatedAt, again.UpdatedAt);
        Assert.Equal((draft.Id, contact.Id, Nzd(15m), new DateOnly(2026, 3, 5), "first"), (payment.InvoiceId, payment.ContactId, payment.Amount, payment.Date, payment.Note));
        Assert.Equal((InvoiceStatus.PartiallyPaid, Nzd(15m), Nzd(100m)), (partly.Status, partly.AmountPaid, partly.AmountDue));
        Assert.Equal((InvoiceStatus.Sent, Nzd(0m)), (reopened.Status, reopened.AmountPaid));
        Assert.Equal(RecordState.Deleted, deletedPayment.State);
        Assert.Equal((InvoiceStatus.Void, "VOIDED", RecordState.Active), (voided.Status, voided.ProviderStatus, voided.State));
    }

    [Fact]
    public async Task DeleteAsync_Draft_IsReadableAsDeletedAndListedOnlyWhenAsked()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Deleter" }, Cancellation);
        var kept = await ledger.Invoices.CreateAsync(Sample(contact.Id), Cancellation);
        var gone = await ledger.Invoices.CreateAsync(Sample(contact.Id), Cancellation);

        await ledger.Invoices.DeleteAsync(gone.Id, Cancellation);
        var read = await ledger.Invoices.GetAsync(gone.Id, Cancellation);
        var active = await ToListAsync(ledger.Invoices.ListAsync(null, Cancellation));
        var deleted = await ToListAsync(ledger.Invoices.ListAsync(new InvoiceQuery { States = RecordStates.Deleted }, Cancellation));

        Assert.Equal((RecordState.Deleted, "DELETED"), (read.State, read.ProviderStatus));
        Assert.Equal([kept.Id], active.Select(i => i.Id));
        Assert.Equal([gone.Id], deleted.Select(i => i.Id));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Invoices.RestoreAsync(gone.Id, Cancellation));
    }

    [Fact]
    public async Task ListAsync_ContactAndStatusFilters_AreSentAsXeroParameters()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var first = await ledger.Contacts.CreateAsync(new NewContact { Organization = "First" }, Cancellation);
        var second = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Second" }, Cancellation);
        var mine = await ledger.Invoices.CreateAsync(Sample(first.Id), Cancellation);
        await ledger.Invoices.CreateAsync(Sample(second.Id), Cancellation);
        var sent = await ledger.Invoices.MarkAsSentAsync((await ledger.Invoices.CreateAsync(Sample(first.Id), Cancellation)).Id, Cancellation);
        fixture.Sandbox.ClearRequests();

        var byContact = await ToListAsync(ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = first.Id }, Cancellation));
        var drafts = await ToListAsync(ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = first.Id, Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Draft } }, Cancellation));

        Assert.Equal([mine.Id, sent.Id], byContact.Select(i => i.Id));
        Assert.Equal([mine.Id], drafts.Select(i => i.Id));
        var queries = fixture.AccountingRequests().Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.All(queries, q => Assert.Contains("ContactIDs=" + first.Id, q, StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("Statuses=DRAFT,SUBMITTED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_Bill_IsNotAnInvoice()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Supplier" }, Cancellation);
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/Invoices", new
        {
            Invoices = new[] { new { Type = "ACCPAY", Contact = new { ContactID = contact.Id }, LineItems = new[] { new { Description = "Paper", Quantity = 1m, UnitAmount = 5m } } } },
        }, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("Invoices")[0].GetProperty("InvoiceID").GetString()!;

        await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Invoices.GetAsync(id, Cancellation));
        Assert.Empty(await ToListAsync(ledger.Invoices.ListAsync(null, Cancellation)));
    }

    [Fact]
    public async Task UpdateAsync_LineNamedById_KeepsXerosLineIdAndUnknownIdIsRefused()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Lines" }, Cancellation);
        var created = await ledger.Invoices.CreateAsync(Sample(contact.Id), Cancellation);
        var line = Assert.Single(created.Lines);

        var updated = await ledger.Invoices.UpdateAsync(created.Id,
            new InvoiceChanges { Lines = [line.ToNewLine() with { Name = "Renamed" }, new NewInvoiceLine { Name = "Extra", Quantity = 1m, UnitPrice = Nzd(5m) }] }, Cancellation);
        fixture.Sandbox.ClearRequests();
        var unknown = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.UpdateAsync(created.Id,
            new InvoiceChanges { Lines = [line.ToNewLine() with { Id = Guid.NewGuid().ToString() }] }, Cancellation));

        Assert.NotNull(line.Id);
        Assert.Equal((line.Id, "Renamed"), (updated.Lines[0].Id, updated.Lines[0].Name));
        Assert.NotEqual(line.Id, updated.Lines[1].Id);
        Assert.Equal(("Lines[0].Id", "UnknownLine"), (Assert.Single(unknown.Errors).Field, unknown.Errors[0].Code));
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    internal static NewInvoice Sample(string contactId) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = Nzd(50m) }],
    };
}
