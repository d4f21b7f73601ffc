using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Payments over loopback HTTP against the Xero sandbox.</summary>
public sealed class PaymentStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateAndMethod_AreRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var before = fixture.AccountingRequests().Count;

        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.Payments.UpdateAsync(Guid.NewGuid().ToString(), new PaymentChanges { Note = "x" }, Cancellation));
        var method = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = Guid.NewGuid().ToString(), Amount = new Money(1m, Nz.Dollar), Date = new DateOnly(2026, 3, 2), Method = "Cheque" }, Cancellation));

        Assert.Equal(nameof(NewPayment.Method), Assert.Single(method.Errors).Field);
        Assert.Equal(before, fixture.AccountingRequests().Count);
    }

    [Fact]
    public async Task CreateAsync_OnDraftInvoice_ApprovesItThenPays()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Early" }, Cancellation);
        var draft = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        var payment = await ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = draft.Id, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) }, Cancellation);
        var invoice = await ledger.Invoices.GetAsync(draft.Id, Cancellation);

        Assert.Equal((InvoiceStatus.PartiallyPaid, "AUTHORISED", 10m, 40m), (invoice.Status, invoice.ProviderStatus, invoice.AmountPaid.Amount, invoice.AmountDue.Amount));
        Assert.Equal(draft.Id, payment.InvoiceId);
        Assert.Equal(["GET /api.xro/2.0/Invoices", "POST /api.xro/2.0/Invoices", "PUT /api.xro/2.0/Payments"],
            fixture.AccountingRequests().Take(3).Select(r => r.Method + " " + string.Join('/', r.Path.Split('/').Take(4))));
    }

    [Fact]
    public async Task CreateAsync_OtherCurrencyOrMissingInvoice_IsRefusedWithNothingWritten()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Currency" }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        fixture.Sandbox.ClearRequests();

        var currency = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = invoice.Id, Amount = new Money(10m, CurrencyCode.USD), Date = new DateOnly(2026, 3, 2) }, Cancellation));
        var missingId = Guid.NewGuid().ToString();
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = missingId, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) }, Cancellation));

        Assert.Equal(nameof(NewPayment.Amount), Assert.Single(currency.Errors).Field);
        Assert.Equal((EntityKind.Invoice, missingId), (missing.Entity, missing.Id));
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task ListAsync_ByInvoiceAndState_ReturnsExactlyThosePayments()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Lister" }, Cancellation);
        var one = await ledger.Invoices.MarkAsSentAsync((await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation)).Id, Cancellation);
        var two = await ledger.Invoices.MarkAsSentAsync((await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation)).Id, Cancellation);
        var paid = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = one.Id, Amount = new Money(5m, Nz.Dollar), Date = new DateOnly(2026, 3, 3) }, Cancellation);
        var other = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = two.Id, Amount = new Money(6m, Nz.Dollar), Date = new DateOnly(2026, 3, 4) }, Cancellation);
        var removed = await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = one.Id, Amount = new Money(7m, Nz.Dollar), Date = new DateOnly(2026, 3, 5) }, Cancellation);
        await ledger.Payments.DeleteAsync(removed.Id, Cancellation);

        var forOne = await ToListAsync(ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = one.Id }, Cancellation));
        var deleted = await ToListAsync(ledger.Payments.ListAsync(new PaymentQuery { States = RecordStates.Deleted }, Cancellation));
        var byContact = await ToListAsync(ledger.Payments.ListAsync(new PaymentQuery { ContactId = contact.Id, Date = new DateRange(new DateOnly(2026, 3, 4), null) }, Cancellation));

        Assert.Equal([paid.Id], forOne.Select(p => p.Id));
        Assert.Equal([removed.Id], deleted.Select(p => p.Id));
        Assert.Equal([other.Id], byContact.Select(p => p.Id));
    }
}
