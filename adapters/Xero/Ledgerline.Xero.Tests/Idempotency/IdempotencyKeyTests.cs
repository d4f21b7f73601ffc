using Ledgerline.Xero.Sandbox.Faults;
using Ledgerline.Xero.Tests.Stores;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Idempotency;

/// <summary>
/// Idempotency keys over loopback HTTP against the Xero sandbox, which honours <c>Idempotency-Key</c>: the answer to a keyed
/// create is lost after Xero made the record, and the repeat with the same key gets that record instead of a second one.
/// </summary>
public sealed class IdempotencyKeyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_AnswerLostThenRepeatedWithTheSameKey_ReturnsTheOriginalAndXeroHoldsOne()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Lost answer" }, Cancellation);
        var draft = InvoiceStoreTests.Sample(contact.Id);
        var key = CreateOptions.WithIdempotencyKey("order-42:invoice");
        fixture.Sandbox.Faults.Add(FaultRule.Truncate("/api.xro/2.0/Invoices", times: 1) with { Method = "PUT" });
        fixture.Sandbox.ClearRequests();

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Invoices.CreateAsync(draft, key, Cancellation));
        var sentOnce = fixture.AccountingRequests().Count(r => r.Method == "PUT");
        var repeated = await ledger.Invoices.CreateAsync(draft, key, Cancellation);
        var listed = await ToListAsync(ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = contact.Id }, Cancellation));

        Assert.Equal((EntityKind.Invoice, "create"), (unknown.Entity, unknown.Operation));
        Assert.True(unknown.IdempotencyKeySent);
        Assert.Contains("same key", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.IdempotencyKey!, unknown.Message, StringComparison.Ordinal);
        Assert.Equal(1, sentOnce);
        Assert.Equal(repeated.Id, Assert.Single(listed).Id);
        Assert.Equal(50m, repeated.Total.Amount);
    }

    [Fact]
    public async Task CreateAsync_PaymentAnswerLostThenRepeated_ReturnsThePaymentThoughTheInvoiceIsNowPaid()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Paid in full" }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), Cancellation);
        var payment = new NewPayment { InvoiceId = invoice.Id, Amount = new Money(50m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) };
        var key = CreateOptions.WithIdempotencyKey(Guid.NewGuid().ToString());
        fixture.Sandbox.Faults.Add(FaultRule.Truncate("/api.xro/2.0/Payments", times: 1) with { Method = "PUT" });

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Payments.CreateAsync(payment, key, Cancellation));
        var repeated = await ledger.Payments.CreateAsync(payment, key, Cancellation);
        var paid = await ledger.Invoices.GetAsync(invoice.Id, Cancellation);
        var payments = await ToListAsync(ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = invoice.Id }, Cancellation));

        Assert.True(unknown.IdempotencyKeySent);
        Assert.Equal(repeated.Id, Assert.Single(payments).Id);
        Assert.Equal((InvoiceStatus.Paid, 0m), (paid.Status, paid.AmountDue.Amount));

        // Without the key, the same payment again is an overpayment, refused before anything is sent.
        await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Payments.CreateAsync(payment, Cancellation));
    }

    [Fact]
    public async Task CreateAsync_KeyUsedOnAnotherEntityType_ConflictsWithinTheOrganisationOnly()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var sameOrganisation = await fixture.OpenAsync();
        var otherOrganisation = await fixture.OpenAsync(fixture.Sandbox.SecondaryTenant.TenantId);
        var key = CreateOptions.WithIdempotencyKey("order-7");
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Keyed" }, key, Cancellation);

        var onInvoice = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() =>
            ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id), key, Cancellation));
        var onItem = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() =>
            ledger.Items.CreateAsync(new NewItem { Code = "K-1", Name = "Keyed item" }, key, Cancellation));
        var replayedOnAnotherConnection = await sameOrganisation.Contacts.CreateAsync(new NewContact { Organization = "Keyed" }, key, Cancellation);
        var elsewhere = await otherOrganisation.Contacts.CreateAsync(new NewContact { Organization = "Keyed" }, key, Cancellation);

        Assert.Equal((EntityKind.Invoice, 409), (onInvoice.Entity, onInvoice.StatusCode));
        Assert.Contains("this create of an invoice:", onInvoice.Message, StringComparison.Ordinal);
        Assert.Contains("this create of an item:", onItem.Message, StringComparison.Ordinal);

        // Xero keeps keys per app and organisation: another connection to the same organisation replays the first answer.
        Assert.Equal(contact.Id, replayedOnAnotherConnection.Id);
        Assert.NotEqual(contact.Id, elsewhere.Id);
    }

    [Fact]
    public async Task CreateAsync_SameKeyOtherDraft_IsXeros409AsIdempotencyKeyConflict()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var key = CreateOptions.WithIdempotencyKey(Guid.NewGuid().ToString());
        var first = await ledger.Contacts.CreateAsync(new NewContact { Organization = "First" }, key, Cancellation);

        var conflict = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => ledger.Contacts.CreateAsync(new NewContact { Organization = "Second" }, key, Cancellation));
        var listed = await ToListAsync(ledger.Contacts.ListAsync(cancellationToken: Cancellation));

        Assert.Equal((EntityKind.Contact, "create", 409, "Xero"), (conflict.Entity, conflict.Operation, conflict.StatusCode, conflict.Provider));
        Assert.Equal(first.Id, Assert.Single(listed, c => c.Organization is "First" or "Second").Id);
    }

    [Fact]
    public async Task CreateAsync_KeyedWriteFailingWith5xx_IsOutcomeUnknownNotRepeatedAndTheKeyStillWorks()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var key = CreateOptions.WithIdempotencyKey(Guid.NewGuid().ToString());
        var draft = new NewContact { Organization = "After a 503" };
        fixture.Sandbox.Faults.AddServerError(503, "/api.xro", times: 1);
        fixture.Sandbox.ClearRequests();

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Contacts.CreateAsync(draft, key, Cancellation));
        var attempts = fixture.AccountingRequests().Count;
        var created = await ledger.Contacts.CreateAsync(draft, key, Cancellation);

        Assert.True(unknown.IdempotencyKeySent);
        Assert.Equal(1, attempts);
        Assert.Equal("After a 503", created.Organization);
    }

    [Fact]
    public async Task CreateAsync_WithoutKey_OutcomeUnknownSaysNoKeyWasSent()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.Faults.Add(FaultRule.Truncate("/api.xro/2.0/Contacts", times: 1) with { Method = "PUT" });

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => ledger.Contacts.CreateAsync(new NewContact { Organization = "No key" }, Cancellation));

        Assert.False(unknown.IdempotencyKeySent);
        Assert.DoesNotContain("same key", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_WithKey_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.CreditNotes.AllocateAsync(
            Guid.NewGuid().ToString(),
            new NewCreditAllocation { InvoiceId = Guid.NewGuid().ToString(), Amount = new Money(1m, Nz.Dollar), Date = new DateOnly(2026, 3, 2) },
            CreateOptions.WithIdempotencyKey("allocation-1"),
            Cancellation));

        Assert.Equal(EntityKind.CreditNote, refused.Entity);
        Assert.Empty(fixture.AccountingRequests());
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }
}
