using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Credit notes (Xero <c>ACCRECCREDIT</c>) and their allocations over loopback HTTP against the Xero sandbox.</summary>
public sealed class CreditNoteStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    private static LineTax Gst => new("GST", 15m) { TaxRateId = "OUTPUT2" };

    internal static NewCreditNote Sample(string contactId, decimal amount = 30m) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = Day,
        Lines = [new NewInvoiceLine { Name = "Goodwill", Quantity = 1m, UnitPrice = Nzd(amount) }],
    };

    internal static NewCreditAllocation Allocation(string invoiceId, decimal amount) => new() { InvoiceId = invoiceId, Amount = Nzd(amount), Date = Day };

    private static async Task<Invoice> SentInvoiceAsync(ILedger ledger, string contactId, decimal amount)
    {
        var invoice = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contactId) with
        {
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = Nzd(amount) }],
        }, Cancellation);
        return await ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);
    }

    [Fact]
    public async Task CreateAsync_TaxedLines_IsIssuedWithXerosTotalsAndTheWholeCreditRemaining()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Credited Ltd" }, Cancellation);

        var created = await ledger.CreditNotes.CreateAsync(Sample(contact.Id) with
        {
            Number = "CN-77",
            Notes = "Sorry for the delay.",
            Lines =
            [
                new NewInvoiceLine { Name = "Refund", Description = "March visit", Quantity = 2m, UnitPrice = Nzd(10m), Taxes = [Gst] },
                new NewInvoiceLine { Name = "Fee", Quantity = 1m, UnitPrice = Nzd(33.33m), Taxes = [Gst] },
            ],
        }, Cancellation);
        var read = await ledger.CreditNotes.GetAsync(created.Id, Cancellation);

        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal((CreditNoteStatus.Open, "AUTHORISED", "CN-77", contact.Id, "Sorry for the delay."), (read.Status, read.ProviderStatus, read.Number, read.ContactId, read.Notes));
        Assert.Equal([("Refund", "March visit"), ("Fee", null)], read.Lines.Select(l => (l.Name, l.Description)));
        Assert.Equal((53.33m, 8.00m, 61.33m, 61.33m), (read.Subtotal.Amount, read.Tax.Amount, read.Total.Amount, read.RemainingCredit.Amount));
        Assert.Empty(read.Allocations);
        Assert.False(read.UnitPricesIncludeTax);
        Assert.Equal("ACCRECCREDIT", ((RawJson)read.RawRepresentation!).RootElement.GetProperty("Type").GetString());
    }

    [Fact]
    public async Task AllocateAsync_PartThenRest_MovesInvoicesAndCreditUntilTheCreditIsApplied()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Allocating Ltd" }, Cancellation);
        var big = await SentInvoiceAsync(ledger, contact.Id, 100m);
        var small = await SentInvoiceAsync(ledger, contact.Id, 10m);
        var note = await ledger.CreditNotes.CreateAsync(Sample(contact.Id), Cancellation);

        var partly = await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(big.Id, 20m), Cancellation);
        var bigAfter = await ledger.Invoices.GetAsync(big.Id, Cancellation);
        var applied = await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(small.Id, 10m), Cancellation);
        var smallAfter = await ledger.Invoices.GetAsync(small.Id, Cancellation);

        Assert.Equal((CreditNoteStatus.Open, 10m), (partly.Status, partly.RemainingCredit.Amount));
        Assert.Equal(new CreditAllocation(big.Id, Nzd(20m), Day), Assert.Single(partly.Allocations));
        Assert.Equal((InvoiceStatus.PartiallyPaid, 0m, 20m, 80m), (bigAfter.Status, bigAfter.AmountPaid.Amount, bigAfter.AmountCredited.Amount, bigAfter.AmountDue.Amount));
        Assert.Equal((CreditNoteStatus.Applied, "PAID", 0m), (applied.Status, applied.ProviderStatus, applied.RemainingCredit.Amount));
        Assert.Equal([big.Id, small.Id], applied.Allocations.Select(a => a.InvoiceId));
        Assert.Equal((InvoiceStatus.Paid, 0m), (smallAfter.Status, smallAfter.AmountDue.Amount));
    }

    [Fact]
    public async Task AllocateAsync_ToADraftInvoice_ApprovesItFirst()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Draft Credit Ltd" }, Cancellation);
        var draft = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        var note = await ledger.CreditNotes.CreateAsync(Sample(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(draft.Id, 5m), Cancellation);
        var invoice = await ledger.Invoices.GetAsync(draft.Id, Cancellation);

        Assert.Equal((InvoiceStatus.PartiallyPaid, "AUTHORISED", 45m), (invoice.Status, invoice.ProviderStatus, invoice.AmountDue.Amount));
        Assert.Equal(["GET CreditNotes", "GET Invoices", "POST Invoices", "PUT CreditNotes", "GET CreditNotes"],
            fixture.AccountingRequests().Take(5).Select(r => r.Method + " " + r.Path.Split('/')[3]));
    }

    [Fact]
    public async Task AllocateAsync_WhatEveryProviderRefuses_IsRefusedWithTheCanonicalCodeAndNothingWritten()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Refused Credit Ltd" }, Cancellation);
        var other = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Someone Else" }, Cancellation);
        var invoice = await SentInvoiceAsync(ledger, contact.Id, 20m);
        var roomy = await SentInvoiceAsync(ledger, contact.Id, 40m);
        var theirs = await SentInvoiceAsync(ledger, other.Id, 20m);
        var voided = await ledger.Invoices.VoidAsync((await SentInvoiceAsync(ledger, contact.Id, 20m)).Id, Cancellation);
        var dollars = await ledger.Invoices.MarkAsSentAsync((await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id) with
        {
            Currency = CurrencyCode.USD,
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = new Money(50m, CurrencyCode.USD) }],
        }, Cancellation)).Id, Cancellation);
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var bill = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id), Cancellation);
        var note = await ledger.CreditNotes.CreateAsync(Sample(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        async Task<string?> CodeAsync(NewCreditAllocation allocation) =>
            Assert.Single((await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync(note.Id, allocation, Cancellation))).Errors).Code;

        Assert.Equal("AllocationExceedsCredit", await CodeAsync(Allocation(roomy.Id, 30.01m)));
        Assert.Equal("AllocationExceedsAmountDue", await CodeAsync(Allocation(invoice.Id, 20.01m)));
        Assert.Equal("CreditContactMismatch", await CodeAsync(Allocation(theirs.Id, 1m)));
        Assert.Equal("InvoiceVoid", await CodeAsync(Allocation(voided.Id, 1m)));
        Assert.Equal("CurrencyMismatch", await CodeAsync(Allocation(dollars.Id, 1m)));
        var billAsInvoice = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.CreditNotes.AllocateAsync(note.Id, Allocation(bill.Id, 1m), Cancellation));
        var missingNote = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.CreditNotes.AllocateAsync("CN-0001", Allocation(invoice.Id, 1m), Cancellation));

        Assert.Equal((EntityKind.Invoice, bill.Id), (billAsInvoice.Entity, billAsInvoice.Id));
        Assert.Equal(EntityKind.CreditNote, missingNote.Entity);
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
        Assert.Equal(30m, (await ledger.CreditNotes.GetAsync(note.Id, Cancellation)).RemainingCredit.Amount);
    }

    [Fact]
    public async Task AllocateAsync_XerosOwnRefusal_NamesTheField()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Early Credit Ltd" }, Cancellation);
        var invoice = await SentInvoiceAsync(ledger, contact.Id, 20m);
        var note = await ledger.CreditNotes.CreateAsync(Sample(contact.Id), Cancellation);

        var early = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 5m) with { Date = Day.AddDays(-1) }, Cancellation));

        Assert.All(early.Errors, e => Assert.Equal(nameof(NewCreditAllocation.Date), e.Field));
        Assert.Equal(("ValidationException", "Xero"), (early.ProviderCode, early.Provider));
        Assert.Equal(20m, (await ledger.Invoices.GetAsync(invoice.Id, Cancellation)).AmountDue.Amount);
    }

    [Fact]
    public async Task UpdateAsync_NotesAndLinesById_ThenLinesAreXerosToRefuseOnceApplied()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Changing Credit Ltd" }, Cancellation);
        var invoice = await SentInvoiceAsync(ledger, contact.Id, 100m);
        var note = await ledger.CreditNotes.CreateAsync(Sample(contact.Id), Cancellation);
        var line = Assert.Single(note.Lines);

        var updated = await ledger.CreditNotes.UpdateAsync(note.Id, new CreditNoteChanges
        {
            Notes = "Goodwill",
            Lines = [line.ToNewLine() with { Quantity = 2m }, new NewInvoiceLine { Name = "Fee", Quantity = 1m, UnitPrice = Nzd(-5m) }],
        }, Cancellation);
        var cleared = await ledger.CreditNotes.UpdateAsync(note.Id, new CreditNoteChanges { Notes = "" }, Cancellation);
        await ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 5m), Cancellation);
        var locked = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.UpdateAsync(note.Id,
            new CreditNoteChanges { Lines = [line.ToNewLine()] }, Cancellation));
        fixture.Sandbox.ClearRequests();
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.CreditNotes.DeleteAsync(note.Id, Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.CreditNotes.ArchiveAsync(note.Id, Cancellation));

        Assert.Equal((line.Id, 2m), (updated.Lines[0].Id, updated.Lines[0].Quantity));
        Assert.Equal(("Goodwill", 55m, 55m), (updated.Notes, updated.Total.Amount, updated.RemainingCredit.Amount));
        Assert.Null(cleared.Notes);
        Assert.Equal("ValidationException", locked.ProviderCode);
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task ListAsync_ByContactStatusAndDate_ReadsOnlyCustomerCreditNotes()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var first = await ledger.Contacts.CreateAsync(new NewContact { Organization = "First Credit Ltd" }, Cancellation);
        var second = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Second Credit Ltd" }, Cancellation);
        var invoice = await SentInvoiceAsync(ledger, first.Id, 100m);
        var open = await ledger.CreditNotes.CreateAsync(Sample(first.Id), Cancellation);
        var used = await ledger.CreditNotes.CreateAsync(Sample(first.Id, 10m) with { IssueDate = Day.AddDays(5) }, Cancellation);
        await ledger.CreditNotes.AllocateAsync(used.Id, Allocation(invoice.Id, 10m) with { Date = Day.AddDays(5) }, Cancellation);
        var theirs = await ledger.CreditNotes.CreateAsync(Sample(second.Id), Cancellation);
        var supplierCredit = await SupplierCreditAsync(fixture, first.Id);
        fixture.Sandbox.ClearRequests();

        var all = await ToListAsync(ledger.CreditNotes.ListAsync(null, Cancellation));
        var firstOpen = await ToListAsync(ledger.CreditNotes.ListAsync(new CreditNoteQuery
        {
            ContactId = first.Id,
            Statuses = new HashSet<CreditNoteStatus> { CreditNoteStatus.Open },
        }, Cancellation));
        var later = await ToListAsync(ledger.CreditNotes.ListAsync(new CreditNoteQuery { IssueDate = new DateRange(Day.AddDays(1), null) }, Cancellation));
        var page = await ledger.CreditNotes.ListPageAsync(new CreditNoteQuery(), null, Cancellation);

        Assert.Equal([open.Id, used.Id, theirs.Id], all.Select(c => c.Id));
        Assert.Equal([open.Id], firstOpen.Select(c => c.Id));
        Assert.Equal([used.Id], later.Select(c => c.Id));
        Assert.Equal(CreditNoteStatus.Applied, later[0].Status);
        Assert.Equal(3, page.TotalCount);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.CreditNotes.GetAsync(supplierCredit, Cancellation));
        var queries = fixture.AccountingRequests().Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.All(queries.Where(q => q.Contains("where", StringComparison.Ordinal)), q => Assert.Contains("Type==\"ACCRECCREDIT\"", q, StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains($"Contact.ContactID==Guid(\"{first.Id}\")", StringComparison.Ordinal) && q.Contains("(Status==\"AUTHORISED\")", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAsync_InclusiveCreditNoteEnteredInXero_KeepsXerosPricesAndTaxExclusiveAmounts()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Inclusive Credit Ltd" }, Cancellation);
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/CreditNotes", new
        {
            CreditNotes = new[]
            {
                new
                {
                    Type = "ACCRECCREDIT", Contact = new { ContactID = contact.Id }, Status = "AUTHORISED", LineAmountTypes = "Inclusive",
                    LineItems = new[] { new { Description = "Refund", Quantity = 1m, UnitAmount = 23m, AccountCode = "200" } },
                },
            },
        }, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("CreditNotes")[0].GetProperty("CreditNoteID").GetString()!;

        var note = await ledger.CreditNotes.GetAsync(id, Cancellation);

        // Xero: 23.00 including 15 % GST is 20.00 + 3.00.
        Assert.True(note.UnitPricesIncludeTax);
        Assert.Equal((23m, 20m), (note.Lines[0].UnitPrice.Amount, note.Lines[0].Amount.Amount));
        Assert.Equal((20m, 3m, 23m, 23m), (note.Subtotal.Amount, note.Tax.Amount, note.Total.Amount, note.RemainingCredit.Amount));
    }

    private static async Task<string> SupplierCreditAsync(XeroLedgerFixture fixture, string contactId)
    {
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/CreditNotes", new
        {
            CreditNotes = new[]
            {
                new { Type = "ACCPAYCREDIT", Contact = new { ContactID = contactId }, LineItems = new[] { new { Description = "Returned", Quantity = 1m, UnitAmount = 5m, AccountCode = "429" } } },
            },
        }, Cancellation);
        put.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("CreditNotes")[0].GetProperty("CreditNoteID").GetString()!;
    }
}
