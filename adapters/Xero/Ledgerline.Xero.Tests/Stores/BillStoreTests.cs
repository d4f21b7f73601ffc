using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Bills (Xero <c>ACCPAY</c> invoices) over loopback HTTP against the Xero sandbox (NZD; GST on expenses is INPUT2).</summary>
public sealed class BillStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    internal static LineTax Input => new("GST", 15m) { TaxRateId = "INPUT2" };

    internal static NewBill Sample(string vendorId, decimal amount = 100m) => new()
    {
        VendorId = vendorId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        DueDate = new DateOnly(2026, 4, 1),
        Lines = [new NewBillLine { Description = "Office supplies", Quantity = 1m, UnitPrice = Nzd(amount) }],
    };

    [Fact]
    public async Task CreateAsync_TaxedLines_IsApprovedWithTheirAccountsAndXerosTotals()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);

        var bill = await ledger.Bills.CreateAsync(Sample(vendor.Id) with
        {
            Number = "PM-4411",
            Lines =
            [
                new NewBillLine { Description = "Paper", Quantity = 3m, UnitPrice = Nzd(12.50m), CategoryId = "429", Taxes = [Input] },
                new NewBillLine { Description = "Toner", Quantity = 1m, UnitPrice = Nzd(80m), Taxes = [Input] },
            ],
        }, Cancellation);
        var read = await ledger.Bills.GetAsync(bill.Id, Cancellation);
        var raw = ((RawJson)read.RawRepresentation!).RootElement;

        Assert.Equivalent(bill with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal((BillStatus.Open, "AUTHORISED", "PM-4411", vendor.Id), (read.Status, read.ProviderStatus, read.Number, read.VendorId));
        Assert.Equal(["429", "400"], read.Lines.Select(l => l.CategoryId));
        Assert.All(read.Lines, l => Assert.Equal(("INPUT2", 15m), (Assert.Single(l.Taxes).TaxRateId, l.Taxes[0].Percent)));
        Assert.Equal((117.50m, 17.63m, 135.13m, 0m, 135.13m), (read.Subtotal.Amount, read.Tax.Amount, read.Total.Amount, read.AmountPaid.Amount, read.AmountDue.Amount));
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1)), (read.IssueDate, read.DueDate));
        Assert.False(read.UnitPricesIncludeTax);
        Assert.Equal("ACCPAY", raw.GetProperty("Type").GetString());
        Assert.True(((RawJson)(await ledger.Vendors.GetAsync(vendor.Id, Cancellation)).RawRepresentation!).RootElement.GetProperty("IsSupplier").GetBoolean());
    }

    [Fact]
    public async Task GetAsync_SeededInclusiveBill_KeepsXerosPricesAndTaxExclusiveAmounts()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(sandboxOptions: o => o.SeedDefaultData = true);
        var ledger = await fixture.OpenAsync();

        var bill = Assert.Single(await ToListAsync(ledger.Bills.ListAsync(null, Cancellation)));
        var line = Assert.Single(bill.Lines);

        // Xero: 230.00 including 15 % GST is 200.00 + 30.00.
        Assert.True(bill.UnitPricesIncludeTax);
        Assert.Equal((230m, 200m, "429"), (line.UnitPrice.Amount, line.Amount.Amount, line.CategoryId));
        Assert.Equal((200m, 30m, 230m, 230m), (bill.Subtotal.Amount, bill.Tax.Amount, bill.Total.Amount, bill.AmountDue.Amount));
        Assert.Equal(BillStatus.Open, bill.Status);
        Assert.DoesNotContain(await ToListAsync(ledger.Invoices.ListAsync(new InvoiceQuery { States = RecordStates.Active | RecordStates.Deleted }, Cancellation)), i => i.Id == bill.Id);
    }

    [Fact]
    public async Task WhatXeroCannotTake_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(o => o.PurchaseAccountCode = null);
        var ledger = await fixture.OpenAsync();
        var vendorId = Guid.NewGuid().ToString();

        var notes = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(Sample(vendorId) with { Notes = "Paid by card" }, Cancellation));
        var account = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(Sample(vendorId), Cancellation));
        var named = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(Sample(vendorId) with
        {
            Lines = [new NewBillLine { Description = "Paper", Quantity = 1m, UnitPrice = Nzd(5m), CategoryId = "429", Taxes = [new LineTax("GST", 15m)] }],
        }, Cancellation));
        var vendor = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Bills.CreateAsync(Sample("PowerDirect") with
        {
            Lines = [new NewBillLine { Description = "Paper", Quantity = 1m, UnitPrice = Nzd(5m), CategoryId = "429" }],
        }, Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Bills.DeleteAsync(vendorId, Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Bills.ArchiveAsync(vendorId, Cancellation));

        Assert.Equal(nameof(NewBill.Notes), Assert.Single(notes.Errors).Field);
        Assert.Equal("Lines[0].CategoryId", Assert.Single(account.Errors).Field);
        Assert.Equal("Lines[0].Taxes[0].TaxRateId", Assert.Single(named.Errors).Field);
        Assert.Equal((EntityKind.Vendor, "PowerDirect"), (vendor.Entity, vendor.Id));
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task CreateAsync_UnknownVendor_IsVendorNotFound()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var missing = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Bills.CreateAsync(Sample(missing), Cancellation));

        Assert.Equal((EntityKind.Vendor, missing), (error.Entity, error.Id));
        Assert.IsType<LedgerValidationException>(error.InnerException);
        Assert.Empty(await ToListAsync(ledger.Bills.ListAsync(new BillQuery { States = RecordStates.All & ~RecordStates.Archived }, Cancellation)));
    }

    [Fact]
    public async Task UpdateAsync_LinesById_KeepXerosLineIdsAndForeignIdsOrCurrenciesAreRefused()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var created = await ledger.Bills.CreateAsync(Sample(vendor.Id), Cancellation);
        var line = Assert.Single(created.Lines);

        var updated = await ledger.Bills.UpdateAsync(created.Id, new BillChanges
        {
            Number = "PM-1",
            Lines = [line.ToNewLine() with { Quantity = 2m }, new NewBillLine { Description = "Courier", Quantity = 1m, UnitPrice = Nzd(9.50m), CategoryId = "429" }],
        }, Cancellation);
        fixture.Sandbox.ClearRequests();
        var unknown = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.UpdateAsync(created.Id,
            new BillChanges { Lines = [line.ToNewLine() with { Id = Guid.NewGuid().ToString() }] }, Cancellation));
        var currency = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.UpdateAsync(created.Id,
            new BillChanges { Lines = [new NewBillLine { Description = "Paper", Quantity = 1m, UnitPrice = new Money(5m, CurrencyCode.USD) }] }, Cancellation));

        Assert.Equal(line.Id, updated.Lines[0].Id);
        Assert.Equal((2m, "400"), (updated.Lines[0].Quantity, updated.Lines[0].CategoryId));
        Assert.Equal(("PM-1", 209.50m), (updated.Number, updated.Total.Amount));
        Assert.Equal(("Lines[0].Id", "UnknownLine"), (Assert.Single(unknown.Errors).Field, unknown.Errors[0].Code));
        Assert.NotEmpty(currency.Errors);
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task ListAsync_ByVendorStatusAndDueDate_ReturnsExactlyThoseBills()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var mill = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var power = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample("PowerDirect"), Cancellation);
        var open = await ledger.Bills.CreateAsync(Sample(mill.Id, 10m), Cancellation);
        var paid = await ledger.Bills.CreateAsync(Sample(mill.Id, 20m) with { DueDate = new DateOnly(2026, 5, 1) }, Cancellation);
        await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = paid.Id, Amount = Nzd(20m), Date = new DateOnly(2026, 3, 9) }, Cancellation);
        var other = await ledger.Bills.CreateAsync(Sample(power.Id, 30m), Cancellation);
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Customer" }, Cancellation);
        await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        var all = await ToListAsync(ledger.Bills.ListAsync(null, Cancellation));
        var unpaid = await ToListAsync(ledger.Bills.ListAsync(BillQuery.Unpaid() with { VendorId = mill.Id }, Cancellation));
        var dueInMay = await ToListAsync(ledger.Bills.ListAsync(new BillQuery { DueDate = new DateRange(new DateOnly(2026, 5, 1), null) }, Cancellation));
        var overdue = await ToListAsync(ledger.Bills.ListAsync(new BillQuery { Statuses = new HashSet<BillStatus> { BillStatus.Overdue } }, Cancellation));

        Assert.Equal([open.Id, paid.Id, other.Id], all.Select(b => b.Id));
        Assert.Equal([open.Id], unpaid.Select(b => b.Id));
        Assert.Equal([paid.Id], dueInMay.Select(b => b.Id));
        Assert.Equal(BillStatus.Paid, Assert.Single(dueInMay).Status);
        Assert.Empty(overdue);
        var queries = fixture.AccountingRequests().Select(r => Uri.UnescapeDataString(r.Query)).ToArray();
        Assert.All(queries, q => Assert.Contains("Type==\"ACCPAY\"", q, StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("ContactIDs=" + mill.Id, StringComparison.Ordinal) && q.Contains("Statuses=DRAFT,SUBMITTED,AUTHORISED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_DeletedDraftBill_IsRecordDeleted()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/Invoices", new
        {
            Invoices = new[] { new { Type = "ACCPAY", Contact = new { ContactID = vendor.Id }, LineItems = new[] { new { Description = "Paper", Quantity = 1m, UnitAmount = 5m } } } },
        }, Cancellation);
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("Invoices")[0].GetProperty("InvoiceID").GetString()!;
        var draft = await ledger.Bills.GetAsync(id, Cancellation);
        using var delete = await http.PostAsJsonAsync($"api.xro/2.0/Invoices/{id}", new { Invoices = new[] { new { InvoiceID = id, Status = "DELETED" } } }, Cancellation);
        delete.EnsureSuccessStatusCode();

        var refused = await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.Bills.UpdateAsync(id, new BillChanges { Number = "X" }, Cancellation));
        var deleted = await ToListAsync(ledger.Bills.ListAsync(new BillQuery { States = RecordStates.Deleted }, Cancellation));

        Assert.Equal((BillStatus.Draft, "DRAFT"), (draft.Status, draft.ProviderStatus));
        Assert.Equal((EntityKind.Bill, id), (refused.Entity, refused.Id));
        Assert.Equal((RecordState.Deleted, BillStatus.Draft), (Assert.Single(deleted).State, deleted[0].Status));
    }
}
