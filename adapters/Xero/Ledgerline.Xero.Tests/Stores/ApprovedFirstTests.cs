using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// A payment or credit allocation on a draft invoice approves the invoice first (Xero takes them only on approved
/// invoices); when the payment or allocation then fails, the error says the invoice was approved and stays approved.
/// </summary>
public sealed class ApprovedFirstTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PaymentCreateAsync_RefusedAfterApproval_SaysTheInvoiceStaysApproved()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Long Note Ltd" }, Cancellation);
        var draft = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);

        // The sandbox refuses a Reference over 255 characters; Xero's OpenAPI description gives Payment.Reference no maximum.
        var refused = await Assert.ThrowsAnyAsync<LedgerlineException>(() => ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = draft.Id, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 2), Note = new string('n', 300) }, Cancellation));
        var invoice = await ledger.Invoices.GetAsync(draft.Id, Cancellation);

        Assert.Equal("AUTHORISED", invoice.ProviderStatus);
        Assert.Contains($"invoice {draft.Id} was DRAFT and was approved first", refused.Message, StringComparison.Ordinal);
        Assert.Contains("it stays approved", refused.Message, StringComparison.Ordinal);
        Assert.Equal("PostDataInvalidException", refused.ProviderCode);
    }

    [Fact]
    public async Task PaymentCreateAsync_KeyConflictAfterApproval_DoesNotSayNothingWasDone()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Reused Key Ltd" }, Cancellation);
        var approved = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        var draft = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        var key = new CreateOptions { IdempotencyKey = "pay-" + Guid.NewGuid().ToString("N") };
        await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = approved.Id, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) }, key, Cancellation);

        var conflict = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = draft.Id, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) }, key, Cancellation));
        var invoice = await ledger.Invoices.GetAsync(draft.Id, Cancellation);

        Assert.Equal(("AUTHORISED", 409), (invoice.ProviderStatus, conflict.StatusCode));
        Assert.DoesNotContain("Nothing was done", conflict.Message, StringComparison.Ordinal);
        Assert.Contains($"The create was not done, but invoice {draft.Id} was DRAFT and was approved first", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentCreateAsync_ApprovedInvoiceRefused_SaysNothingOfAnApproval()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Approved Ltd" }, Cancellation);
        var draft = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        await ledger.Payments.CreateAsync(new NewPayment { InvoiceId = draft.Id, Amount = new Money(1m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) }, Cancellation);

        var refused = await Assert.ThrowsAnyAsync<LedgerlineException>(() => ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = draft.Id, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 2), Note = new string('n', 300) }, Cancellation));

        Assert.DoesNotContain("approved first", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditNoteAllocateAsync_FailingAfterApproval_SaysTheInvoiceStaysApproved()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Draft Credit Ltd" }, Cancellation);
        var draft = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        var note = await ledger.CreditNotes.CreateAsync(CreditNoteStoreTests.Sample(contact.Id), Cancellation);
        fixture.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 500, PathPrefix = $"/api.xro/2.0/CreditNotes/{note.Id}/Allocations", Method = "PUT" });

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.CreditNotes.AllocateAsync(note.Id, CreditNoteStoreTests.Allocation(draft.Id, 5m), Cancellation));
        var invoice = await ledger.Invoices.GetAsync(draft.Id, Cancellation);

        Assert.Equal("AUTHORISED", invoice.ProviderStatus);
        Assert.Contains($"invoice {draft.Id} was DRAFT and was approved first (Xero takes a credit allocation only on an approved invoice); it stays approved", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BillPaymentCreateAsync_RefusedAfterApprovingADraftBill_SaysTheBillStaysApproved()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        using var http = fixture.DirectClient();
        using var put = await http.PutAsJsonAsync("api.xro/2.0/Invoices", new
        {
            Invoices = new[] { new { Type = "ACCPAY", Contact = new { ContactID = vendor.Id }, LineItems = new[] { new { Description = "Paper", Quantity = 1m, UnitAmount = 50m, AccountCode = "400" } } } },
        }, Cancellation);
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("Invoices")[0].GetProperty("InvoiceID").GetString()!;

        var refused = await Assert.ThrowsAnyAsync<LedgerlineException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = id, Amount = new Money(10m, Nz.Dollar), Date = new DateOnly(2026, 3, 5), Note = new string('n', 300) }, Cancellation));
        var bill = await ledger.Bills.GetAsync(id, Cancellation);

        Assert.Equal("AUTHORISED", bill.ProviderStatus);
        Assert.Contains($"bill {id} was DRAFT and was approved first", refused.Message, StringComparison.Ordinal);
        Assert.Contains("it stays approved", refused.Message, StringComparison.Ordinal);
    }
}

