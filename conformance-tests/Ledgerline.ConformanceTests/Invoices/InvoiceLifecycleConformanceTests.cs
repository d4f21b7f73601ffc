namespace Ledgerline.ConformanceTests;

/// <summary>Invoice lifecycle actions: mark as sent and void, each supported or refused before any request.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Invoice lifecycle")]
public abstract class InvoiceLifecycleConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task MarkAsSentAsync_Draft_BecomesSentAndStaysSent()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.MarkSent, () => Ledger.Invoices.MarkAsSentAsync(MissingId, Cancellation)))
        {
            return;
        }

        var draft = await CreateInvoiceAsync();
        Assert.Equal(InvoiceStatus.Draft, draft.Status);

        var sent = await Ledger.Invoices.MarkAsSentAsync(draft.Id, Cancellation);
        var again = await Ledger.Invoices.MarkAsSentAsync(draft.Id, Cancellation);

        Assert.Equal(InvoiceStatus.Sent, sent.Status);
        Assert.Equal(InvoiceStatus.Sent, again.Status);
        Assert.Equal(InvoiceStatus.Sent, (await Ledger.Invoices.GetAsync(draft.Id, Cancellation)).Status);
        Assert.Equal(draft.Total, sent.Total);
    }

    [Fact]
    public virtual async Task MarkAsSentAsync_MissingInvoice_ThrowsNotFound()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.MarkSent, () => Ledger.Invoices.MarkAsSentAsync(MissingId, Cancellation)))
        {
            return;
        }

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => Ledger.Invoices.MarkAsSentAsync(MissingId, Cancellation));
        Assert.Equal(EntityKind.Invoice, error.Entity);
    }

    [Fact]
    public virtual async Task VoidAsync_SentInvoiceWithNothingPaid_IsVoidAndNoLongerExpectsMoney()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Void, () => Ledger.Invoices.VoidAsync(MissingId, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Invoice, StoreOperations.MarkSent);
        var invoice = await CreateInvoiceAsync();
        await Ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);

        var voided = await Ledger.Invoices.VoidAsync(invoice.Id, Cancellation);

        Assert.Equal(InvoiceStatus.Void, voided.Status);
        Assert.Equal(invoice.Total, voided.Total);
        Assert.False(voided.Status.IsUnpaid());
        Assert.Equal(InvoiceStatus.Void, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Status);
        if (Capabilities.SupportsFilter(EntityKind.Invoice, nameof(InvoiceQuery.Statuses)))
        {
            Assert.DoesNotContain(await ToListAsync(Ledger.Invoices.ListAsync(InvoiceQuery.Unpaid(), Cancellation)), i => i.Id == invoice.Id);
        }
    }

    [Fact]
    public virtual async Task VoidAsync_Draft_IsRefusedAndStaysDraft()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Void, () => Ledger.Invoices.VoidAsync(MissingId, Cancellation)))
        {
            return;
        }

        var draft = await CreateInvoiceAsync();

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.VoidAsync(draft.Id, Cancellation));
        Assert.Equal(InvoiceStatus.Draft, (await Ledger.Invoices.GetAsync(draft.Id, Cancellation)).Status);
    }

    [Fact]
    public virtual async Task VoidAsync_InvoiceWithPayment_IsRefused()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Void, () => Ledger.Invoices.VoidAsync(MissingId, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Invoice, StoreOperations.MarkSent);
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        var invoice = await CreateInvoiceAsync();
        await Ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 10m), Cancellation);

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.VoidAsync(invoice.Id, Cancellation));
        Assert.Equal(InvoiceStatus.PartiallyPaid, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Status);
    }

    [Fact]
    public virtual async Task VoidAsync_VoidInvoice_CanNoLongerBePaidOrChanged()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Void, () => Ledger.Invoices.VoidAsync(MissingId, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Invoice, StoreOperations.MarkSent);
        var invoice = await CreateInvoiceAsync();
        await Ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);
        await Ledger.Invoices.VoidAsync(invoice.Id, Cancellation);

        if (Capabilities.Supports(EntityKind.Payment, StoreOperations.Create))
        {
            await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 10m), Cancellation));
        }

        if (Capabilities.Supports(EntityKind.Invoice, StoreOperations.Update))
        {
            await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Notes = "after void" }, Cancellation));
        }

        Assert.Equal(InvoiceStatus.Void, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Status);
    }

    private async Task<Invoice> CreateInvoiceAsync()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        return await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 100m), Cancellation);
    }
}
