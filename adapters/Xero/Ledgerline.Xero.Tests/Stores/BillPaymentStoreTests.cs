using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Bill payments (Xero <c>ACCPAYPAYMENT</c>s) over loopback HTTP against the Xero sandbox.</summary>
public sealed class BillPaymentStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    [Fact]
    public async Task CreateAndDelete_MoveTheBillThroughPartlyPaidAndPaidAndBack()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var bill = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id, 100m), Cancellation);

        var first = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = Nzd(40m), Date = new DateOnly(2026, 3, 5), Note = "Part" }, Cancellation);
        var partly = await ledger.Bills.GetAsync(bill.Id, Cancellation);
        var rest = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = Nzd(60m), Date = new DateOnly(2026, 3, 6) }, Cancellation);
        var paid = await ledger.Bills.GetAsync(bill.Id, Cancellation);
        await ledger.BillPayments.DeleteAsync(rest.Id, Cancellation);
        var reopened = await ledger.Bills.GetAsync(bill.Id, Cancellation);
        var read = await ledger.BillPayments.GetAsync(first.Id, Cancellation);

        Assert.Equal((bill.Id, vendor.Id, 40m, new DateOnly(2026, 3, 5), "Part"), (read.BillId, read.VendorId, read.Amount.Amount, read.Date, read.Note));
        Assert.Null(read.Method);
        Assert.Equal((BillStatus.PartiallyPaid, 40m, 60m), (partly.Status, partly.AmountPaid.Amount, partly.AmountDue.Amount));
        Assert.Equal((BillStatus.Paid, "PAID", 0m), (paid.Status, paid.ProviderStatus, paid.AmountDue.Amount));
        Assert.Equal((BillStatus.PartiallyPaid, 60m), (reopened.Status, reopened.AmountDue.Amount));
        Assert.Equal(RecordState.Deleted, (await ledger.BillPayments.GetAsync(rest.Id, Cancellation)).State);
    }

    [Fact]
    public async Task CreateAsync_WhatXeroWouldRefuse_IsRefusedWithNothingWritten()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var bill = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id, 50m), Cancellation);
        fixture.Sandbox.ClearRequests();
        var missingId = Guid.NewGuid().ToString();

        var method = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = Nzd(5m), Date = new DateOnly(2026, 3, 5), Method = "Cheque" }, Cancellation));
        var over = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = Nzd(50.01m), Date = new DateOnly(2026, 3, 5) }, Cancellation));
        var currency = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = new Money(5m, CurrencyCode.USD), Date = new DateOnly(2026, 3, 5) }, Cancellation));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = missingId, Amount = Nzd(5m), Date = new DateOnly(2026, 3, 5) }, Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.BillPayments.UpdateAsync(missingId, new BillPaymentChanges { Note = "x" }, Cancellation));

        Assert.Equal(nameof(NewBillPayment.Method), Assert.Single(method.Errors).Field);
        Assert.Equal(nameof(NewBillPayment.Amount), Assert.Single(over.Errors).Field);
        Assert.Equal(nameof(NewBillPayment.Amount), Assert.Single(currency.Errors).Field);
        Assert.Equal((EntityKind.Bill, missingId), (missing.Entity, missing.Id));
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task PaymentsAndBillPayments_AreNeverReadOrDeletedThroughEachOthersStore()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var bill = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id, 50m), Cancellation);
        var billPayment = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = Nzd(5m), Date = new DateOnly(2026, 3, 5) }, Cancellation);
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Customer" }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        var payment = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = invoice.Id, Amount = Nzd(5m), Date = new DateOnly(2026, 3, 5) }, Cancellation);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Payments.DeleteAsync(billPayment.Id, Cancellation));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.BillPayments.DeleteAsync(payment.Id, Cancellation));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Invoices.GetAsync(bill.Id, Cancellation));

        Assert.Equal([billPayment.Id], (await ToListAsync(ledger.BillPayments.ListAsync(null, Cancellation))).Select(p => p.Id));
        Assert.Equal([payment.Id], (await ToListAsync(ledger.Payments.ListAsync(null, Cancellation))).Select(p => p.Id));
        Assert.Equal(RecordState.Active, (await ledger.BillPayments.GetAsync(billPayment.Id, Cancellation)).State);
        Assert.Equal(RecordState.Active, (await ledger.Payments.GetAsync(payment.Id, Cancellation)).State);
    }

    [Fact]
    public async Task ListAsync_ByBillDateAndState_ReturnsExactlyThosePayments()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var one = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id, 50m), Cancellation);
        var two = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id, 60m), Cancellation);
        var early = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = one.Id, Amount = Nzd(5m), Date = new DateOnly(2026, 3, 3) }, Cancellation);
        var late = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = two.Id, Amount = Nzd(6m), Date = new DateOnly(2026, 3, 9) }, Cancellation);
        var removed = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = one.Id, Amount = Nzd(7m), Date = new DateOnly(2026, 3, 4) }, Cancellation);
        await ledger.BillPayments.DeleteAsync(removed.Id, Cancellation);

        var forOne = await ToListAsync(ledger.BillPayments.ListAsync(new BillPaymentQuery { BillId = one.Id }, Cancellation));
        var fromMarch5 = await ToListAsync(ledger.BillPayments.ListAsync(new BillPaymentQuery { Date = new DateRange(new DateOnly(2026, 3, 5), null) }, Cancellation));
        var deleted = await ToListAsync(ledger.BillPayments.ListAsync(new BillPaymentQuery { States = RecordStates.Deleted }, Cancellation));

        Assert.Equal([early.Id], forOne.Select(p => p.Id));
        Assert.Equal([late.Id], fromMarch5.Select(p => p.Id));
        Assert.Equal([removed.Id], deleted.Select(p => p.Id));
    }
}
