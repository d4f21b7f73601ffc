using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Estimates over Xero quotes, over loopback HTTP against the Xero sandbox.</summary>
public sealed class EstimateStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    private static LineTax Gst => new("GST", 15m) { TaxRateId = "OUTPUT2" };

    private static NewEstimate Sample(string contactId, decimal amount = 100m) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = Day,
        Lines = [new NewInvoiceLine { Name = "Design", Quantity = 1m, UnitPrice = Nzd(amount) }],
    };

    private static async Task<(XeroLedgerFixture Fixture, ILedger Ledger, Contact Contact)> StartAsync(string organization)
    {
        var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = organization }, Cancellation);
        return (fixture, ledger, contact);
    }

    [Fact]
    public async Task CreateAsync_TaxedDiscountedLines_IsADraftQuoteWithXerosTotals()
    {
        var (fixture, ledger, contact) = await StartAsync("Quoted Ltd");
        await using var _ = fixture;

        var created = await ledger.Estimates.CreateAsync(Sample(contact.Id) with
        {
            Number = "Q-77",
            ExpiryDate = Day.AddDays(30),
            DiscountPercent = 10m,
            Notes = "Two phases.",
            Terms = "Valid 30 days.",
            Lines =
            [
                new NewInvoiceLine { Name = "Design", Description = "Three days", Quantity = 3m, UnitPrice = Nzd(33.33m), Taxes = [Gst] },
                new NewInvoiceLine { Name = "Print", Quantity = 1m, UnitPrice = Nzd(20m), Taxes = [Gst] },
            ],
        }, Cancellation);
        var read = await ledger.Estimates.GetAsync(created.Id, Cancellation);

        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal((EstimateStatus.Draft, "DRAFT", "Q-77", contact.Id, Day.AddDays(30)), (read.Status, read.ProviderStatus, read.Number, read.ContactId, read.ExpiryDate));
        Assert.Equal(("Two phases.", "Valid 30 days."), (read.Notes, read.Terms));
        Assert.Equal([("Design", "Three days"), ("Print", null)], read.Lines.Select(l => (l.Name, l.Description)));

        // Xero: 3 × 33.33 = 99.99 less 10 % = 89.99 (tax 13.50); 20.00 less 10 % = 18.00 (tax 2.70).
        Assert.Equal((119.99m, 12.00m, 16.20m, 124.19m), (read.Subtotal.Amount, read.Discount.Amount, read.Tax.Amount, read.Total.Amount));
        Assert.Equal(10m, read.DiscountPercent);
        Assert.False(read.UnitPricesIncludeTax);
        Assert.Null(read.InvoiceId);
        var raw = ((RawJson)read.RawRepresentation!).RootElement;
        Assert.Equal(("EXCLUSIVE", "Two phases."), (raw.GetProperty("LineAmountTypes").GetString(), raw.GetProperty("Summary").GetString()));
    }

    [Fact]
    public async Task CreateAsync_UnknownContact_IsTypedNotFound_AndUntaxedLinesAreNoTax()
    {
        var (fixture, ledger, contact) = await StartAsync("NoTax Quote Ltd");
        await using var _ = fixture;

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Estimates.CreateAsync(Sample(Guid.NewGuid().ToString()), Cancellation));
        var created = await ledger.Estimates.CreateAsync(Sample(contact.Id, 40m), Cancellation);

        Assert.Equal(EntityKind.Contact, missing.Entity);
        Assert.IsType<LedgerValidationException>(missing.InnerException);
        Assert.Equal((40m, 0m, 40m), (created.Subtotal.Amount, created.Tax.Amount, created.Total.Amount));
        Assert.Equal("NOTAX", ((RawJson)created.RawRepresentation!).RootElement.GetProperty("LineAmountTypes").GetString());
        Assert.Matches(@"^QU-\d{4}$", created.Number);
    }

    [Fact]
    public async Task Lifecycle_DraftIsSentThenAccepted_AndDeclinedCannotBeAccepted()
    {
        var (fixture, ledger, contact) = await StartAsync("Lifecycle Quote Ltd");
        await using var _ = fixture;
        var accepted = await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation);
        var declined = await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation);

        var sent = await ledger.Estimates.MarkAsSentAsync(accepted.Id, Cancellation);
        var sentAgain = await ledger.Estimates.MarkAsSentAsync(accepted.Id, Cancellation);
        fixture.Sandbox.ClearRequests();
        var acceptedNow = await ledger.Estimates.AcceptAsync(accepted.Id, Cancellation);
        var acceptRequests = fixture.AccountingRequests().Where(r => r.Method == "POST").ToList();
        fixture.Sandbox.ClearRequests();
        var declinedNow = await ledger.Estimates.DeclineAsync(declined.Id, Cancellation);
        var declineRequests = fixture.AccountingRequests().Where(r => r.Method == "POST").ToList();
        var notAcceptable = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.AcceptAsync(declined.Id, Cancellation));
        var notDeclinable = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.DeclineAsync(accepted.Id, Cancellation));

        Assert.Equal((EstimateStatus.Sent, "SENT"), (sent.Status, sent.ProviderStatus));
        Assert.Equal(sent.UpdatedAt, sentAgain.UpdatedAt);
        Assert.Equal((EstimateStatus.Accepted, "ACCEPTED"), (acceptedNow.Status, acceptedNow.ProviderStatus));
        Assert.Single(acceptRequests);

        // A draft is declined as Xero allows it: marked sent, then declined.
        Assert.Equal((EstimateStatus.Declined, "DECLINED"), (declinedNow.Status, declinedNow.ProviderStatus));
        Assert.Equal(2, declineRequests.Count);
        Assert.Equal("EstimateNotAcceptable", Assert.Single(notAcceptable.Errors).Code);
        Assert.Equal("EstimateNotDeclinable", Assert.Single(notDeclinable.Errors).Code);
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_MakesOneDraftInvoiceFromXerosLines_AndMarksTheQuoteInvoiced()
    {
        var (fixture, ledger, contact) = await StartAsync("Converted Ltd");
        await using var _ = fixture;
        var estimate = await ledger.Estimates.CreateAsync(Sample(contact.Id) with
        {
            DiscountPercent = 10m,
            Lines = [new NewInvoiceLine { Name = "Design", Quantity = 3m, UnitPrice = Nzd(33.33m), Taxes = [Gst] }],
        }, Cancellation);

        var notAccepted = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation));
        await ledger.Estimates.AcceptAsync(estimate.Id, Cancellation);
        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);
        fixture.Sandbox.ClearRequests();
        var again = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);
        var againRequests = fixture.AccountingRequests();
        var invoiced = await ledger.Estimates.GetAsync(estimate.Id, Cancellation);
        var listed = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { ContactId = contact.Id }, Cancellation));

        Assert.Equal("EstimateNotAccepted", Assert.Single(notAccepted.Errors).Code);
        Assert.Equal((InvoiceStatus.Draft, contact.Id, estimate.Number), (invoice.Status, invoice.ContactId, invoice.Notes));
        Assert.Equal((estimate.Subtotal, estimate.Discount, estimate.Tax, estimate.Total), (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
        Assert.Equal(estimate.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice, l.Taxes[0].TaxRateId)),
            invoice.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice, l.Taxes[0].TaxRateId)));
        Assert.Equal(invoice.Id, again.Id);
        Assert.DoesNotContain(againRequests, r => r.Method is "PUT" or "POST");
        Assert.Equal((EstimateStatus.Invoiced, "INVOICED", invoice.Id), (invoiced.Status, invoiced.ProviderStatus, invoiced.InvoiceId));
        Assert.Equal(invoice.Id, Assert.Single(listed).InvoiceId);
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_InvoiceMadeButQuoteNotMarked_MarksItWithoutASecondInvoice()
    {
        var (fixture, ledger, contact) = await StartAsync("Interrupted Ltd");
        await using var _ = fixture;
        var estimate = await ledger.Estimates.AcceptAsync((await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation)).Id, Cancellation);

        // An earlier conversion made the invoice (the quote number as its reference) and stopped before marking the quote.
        var made = await ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = Nz.Dollar,
            IssueDate = Day,
            Lines = [new NewInvoiceLine { Name = "Design", Quantity = 1m, UnitPrice = Nzd(100m) }],
            Notes = estimate.Number,
        }, Cancellation);
        fixture.Sandbox.ClearRequests();

        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);

        Assert.Equal(made.Id, invoice.Id);
        Assert.DoesNotContain(fixture.AccountingRequests(), r => r.Method == "PUT");
        Assert.Equal(EstimateStatus.Invoiced, (await ledger.Estimates.GetAsync(estimate.Id, Cancellation)).Status);
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_QuoteInvoicedInXerosAppWithoutTheLink_IsRefusedTyped_AndReadsWithoutInvoice()
    {
        var (fixture, ledger, contact) = await StartAsync("Invoiced Elsewhere Ltd");
        await using var _ = fixture;
        var estimate = await ledger.Estimates.AcceptAsync((await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation)).Id, Cancellation);
        using var http = fixture.DirectClient();
        using var post = await http.PostAsJsonAsync($"api.xro/2.0/Quotes/{estimate.Id}", new { Quotes = new[] { new { Status = "INVOICED" } } }, Cancellation);
        post.EnsureSuccessStatusCode();
        fixture.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation));
        var read = await ledger.Estimates.GetAsync(estimate.Id, Cancellation);

        Assert.Equal("EstimateInvoiceNotFound", Assert.Single(refused.Errors).Code);
        Assert.Equal((EstimateStatus.Invoiced, null), (read.Status, read.InvoiceId));
        Assert.DoesNotContain(fixture.AccountingRequests(), r => r.Method is "PUT" or "POST");
    }

    [Fact]
    public async Task GetAsync_InclusiveQuoteEnteredInXero_KeepsXerosPricesAndTaxExclusiveAmounts_AndConvertsAsXeroHoldsIt()
    {
        var (fixture, ledger, contact) = await StartAsync("Inclusive Quote Ltd");
        await using var _ = fixture;
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/Quotes", new
        {
            Quotes = new[]
            {
                new
                {
                    Contact = new { ContactID = contact.Id }, Status = "SENT", LineAmountTypes = "INCLUSIVE", Date = "2026-03-02", Reference = "From the app",
                    LineItems = new[] { new { Description = "Membership", Quantity = 1m, UnitAmount = 23m, AccountCode = "200", DiscountAmount = 0m } },
                },
            },
        }, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("Quotes")[0].GetProperty("QuoteID").GetString()!;

        var quote = await ledger.Estimates.GetAsync(id, Cancellation);
        await ledger.Estimates.AcceptAsync(id, Cancellation);
        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(id, Cancellation);

        // Xero: 23.00 including 15 % GST is 20.00 + 3.00.
        Assert.True(quote.UnitPricesIncludeTax);
        Assert.Equal((EstimateStatus.Sent, 23m, 20m), (quote.Status, quote.Lines[0].UnitPrice.Amount, quote.Lines[0].Amount.Amount));
        Assert.Equal((20m, 3m, 23m), (quote.Subtotal.Amount, quote.Tax.Amount, quote.Total.Amount));
        Assert.True(invoice.UnitPricesIncludeTax);
        Assert.Equal((20m, 3m, 23m), (invoice.Subtotal.Amount, invoice.Tax.Amount, invoice.Total.Amount));
    }

    [Fact]
    public async Task UpdateAsync_ReplacesLines_RefusesDiscountWithoutLines_AndDeletedStaysReadable()
    {
        var (fixture, ledger, contact) = await StartAsync("Updated Quote Ltd");
        await using var _ = fixture;
        var created = await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        var discountOnly = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Estimates.UpdateAsync(created.Id, new EstimateChanges { DiscountPercent = 5m }, Cancellation));
        var unknownLine = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.UpdateAsync(created.Id,
            new EstimateChanges { Lines = [new NewInvoiceLine { Id = Guid.NewGuid().ToString(), Name = "X", Quantity = 1m, UnitPrice = Nzd(1m) }] }, Cancellation));
        Assert.DoesNotContain(fixture.AccountingRequests(), r => r.Method is "PUT" or "POST");

        var updated = await ledger.Estimates.UpdateAsync(created.Id, new EstimateChanges
        {
            Notes = "Revised.",
            ExpiryDate = Day.AddDays(14),
            Lines = [created.Lines[0].ToNewLine() with { Quantity = 2m }, new NewInvoiceLine { Name = "Extra", Quantity = 1m, UnitPrice = Nzd(5m) }],
        }, Cancellation);
        await ledger.Estimates.DeleteAsync(created.Id, Cancellation);
        var deleted = await ledger.Estimates.GetAsync(created.Id, Cancellation);
        var active = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { ContactId = contact.Id }, Cancellation));
        var withDeleted = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { ContactId = contact.Id, States = RecordStates.Active | RecordStates.Deleted }, Cancellation));

        Assert.Equal(nameof(EstimateChanges.DiscountPercent), Assert.Single(discountOnly.Errors).Field);
        Assert.Equal("UnknownLine", Assert.Single(unknownLine.Errors).Code);
        Assert.Equal(("Revised.", Day.AddDays(14), 205m), (updated.Notes, updated.ExpiryDate, updated.Total.Amount));
        Assert.Equal(created.Lines[0].Id, updated.Lines[0].Id);
        Assert.Equal((RecordState.Deleted, EstimateStatus.Unknown, "DELETED"), (deleted.State, deleted.Status, deleted.ProviderStatus));
        Assert.Empty(active);
        Assert.Equal([created.Id], withDeleted.Select(e => e.Id));
        await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.Estimates.UpdateAsync(created.Id, new EstimateChanges { Notes = "Late" }, Cancellation));
        await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.Estimates.AcceptAsync(created.Id, Cancellation));
    }

    [Fact]
    public async Task ListAsync_Filters_SendXerosQuoteParameters_AndMatchExactly()
    {
        var (fixture, ledger, contact) = await StartAsync("Listed Quote Ltd");
        await using var _ = fixture;
        var other = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Other Quote Ltd" }, Cancellation);
        var early = await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation);
        var late = await ledger.Estimates.CreateAsync(Sample(contact.Id) with { IssueDate = Day.AddDays(10) }, Cancellation);
        var theirs = await ledger.Estimates.CreateAsync(Sample(other.Id), Cancellation);
        await ledger.Estimates.AcceptAsync(late.Id, Cancellation);
        fixture.Sandbox.ClearRequests();

        var mine = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { ContactId = contact.Id }, Cancellation));
        var acceptedOnes = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { Statuses = new HashSet<EstimateStatus> { EstimateStatus.Accepted } }, Cancellation));
        var issuedLater = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { IssueDate = new DateRange(Day.AddDays(1), Day.AddDays(10)) }, Cancellation));
        var notAnId = await ToListAsync(ledger.Estimates.ListAsync(new EstimateQuery { ContactId = "12" }, Cancellation));
        var page = await ledger.Estimates.ListPageAsync(new EstimateQuery { ContactId = contact.Id, PageSize = 1 }, null, Cancellation);
        var next = await ledger.Estimates.ListPageAsync(new EstimateQuery { ContactId = contact.Id, PageSize = 1 }, page.NextCursor, Cancellation);

        Assert.Equal([early.Id, late.Id], mine.Select(e => e.Id));
        Assert.Equal([late.Id], acceptedOnes.Select(e => e.Id));
        Assert.Equal([late.Id], issuedLater.Select(e => e.Id));
        Assert.Empty(notAnId);
        Assert.Equal([early.Id], page.Items.Select(e => e.Id));
        Assert.Equal([late.Id], next.Items.Select(e => e.Id));
        Assert.NotEqual(theirs.Id, mine[0].Id);
        var queries = fixture.AccountingRequests().Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.Contains(queries, q => q.Contains($"ContactID={contact.Id}", StringComparison.Ordinal) && q.Contains("page=1", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("Status=ACCEPTED", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("DateFrom=2026-03-02", StringComparison.Ordinal) && q.Contains("DateTo=2026-03-13", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("ContactID=00000000-0000-0000-0000-000000000000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_MalformedQuote_IsInvalidProviderResponse()
    {
        var (fixture, ledger, contact) = await StartAsync("Malformed Quote Ltd");
        await using var _ = fixture;
        var created = await ledger.Estimates.CreateAsync(Sample(contact.Id), Cancellation);
        fixture.Sandbox.Faults.Add(new Sandbox.Faults.FaultRule { PathPrefix = "/api.xro/2.0/Quotes/", Kind = Sandbox.Faults.FaultKind.MalformedBody, Method = "GET" });

        var error = await Assert.ThrowsAsync<InvalidProviderResponseException>(() => ledger.Estimates.GetAsync(created.Id, Cancellation));

        Assert.NotNull(error.BodyExcerpt);
    }
}
