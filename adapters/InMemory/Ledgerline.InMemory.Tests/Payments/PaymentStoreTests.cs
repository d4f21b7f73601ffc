using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Payments;

public sealed class PaymentStoreTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private IPaymentStore Payments => _harness.Ledger.Payments;

    private IInvoiceStore Invoices => _harness.Ledger.Invoices;

    [Fact]
    public async Task CreateAsync_PartOfTotal_MakesInvoicePartiallyPaid()
    {
        var invoice = await _harness.InvoiceAsync();
        _harness.Time.Advance(TimeSpan.FromHours(1));

        var payment = await _harness.PayAsync(invoice, 40m);
        var after = await Invoices.GetAsync(invoice.Id);

        Assert.Equal(invoice.Id, payment.InvoiceId);
        Assert.Equal(invoice.ContactId, payment.ContactId);
        Assert.Equal(Usd(40m), payment.Amount);
        Assert.Equal(InvoiceStatus.PartiallyPaid, after.Status);
        Assert.Equal(Usd(40m), after.AmountPaid);
        Assert.Equal(Usd(60m), after.AmountDue);
        Assert.Equal(Start.AddHours(1), after.UpdatedAt);
    }

    [Fact]
    public async Task CreateAsync_PaymentsReachTotal_MakesInvoicePaid()
    {
        var invoice = await _harness.InvoiceAsync();

        await _harness.PayAsync(invoice, 40m);
        await _harness.PayAsync(invoice, 60m);
        var after = await Invoices.GetAsync(invoice.Id);

        Assert.Equal(InvoiceStatus.Paid, after.Status);
        Assert.Equal(Usd(0m), after.AmountDue);
    }

    [Fact]
    public async Task DeleteAsync_OnlyPayment_ReturnsInvoiceToDraft()
    {
        var invoice = await _harness.InvoiceAsync();
        var payment = await _harness.PayAsync(invoice, 100m);

        await Payments.DeleteAsync(payment.Id);
        var after = await Invoices.GetAsync(invoice.Id);

        Assert.Equal(InvoiceStatus.Draft, after.Status);
        Assert.Equal(Usd(0m), after.AmountPaid);
        Assert.Equal(Usd(100m), after.AmountDue);
        Assert.Equal(RecordState.Deleted, (await Payments.GetAsync(payment.Id)).State);
    }

    [Fact]
    public async Task RestoreAsync_DeletedPayment_CountsAgain()
    {
        var invoice = await _harness.InvoiceAsync();
        var payment = await _harness.PayAsync(invoice, 100m);
        await Payments.DeleteAsync(payment.Id);

        await Payments.RestoreAsync(payment.Id);

        Assert.Equal(InvoiceStatus.Paid, (await Invoices.GetAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task ArchiveAsync_Payment_StillCounts()
    {
        var invoice = await _harness.InvoiceAsync();
        var payment = await _harness.PayAsync(invoice, 100m);

        await Payments.ArchiveAsync(payment.Id);

        Assert.Equal(InvoiceStatus.Paid, (await Invoices.GetAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task UpdateAsync_LowerAmount_MovesInvoiceBackToPartiallyPaid()
    {
        var invoice = await _harness.InvoiceAsync();
        var payment = await _harness.PayAsync(invoice, 100m);

        var updated = await Payments.UpdateAsync(payment.Id, new PaymentChanges { Amount = Usd(30m), Note = "corrected" });
        var after = await Invoices.GetAsync(invoice.Id);

        Assert.Equal(Usd(30m), updated.Amount);
        Assert.Equal("corrected", updated.Note);
        Assert.Equal(InvoiceStatus.PartiallyPaid, after.Status);
        Assert.Equal(Usd(70m), after.AmountDue);
    }

    [Fact]
    public async Task CreateAsync_OtherCurrencyThanInvoice_ThrowsOnAmountAndWritesNothing()
    {
        var invoice = await _harness.InvoiceAsync();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => Payments.CreateAsync(new NewPayment
        {
            InvoiceId = invoice.Id, Amount = Cad(10m), Date = new DateOnly(2024, 5, 2),
        }));

        var field = Assert.Single(error.Errors);
        Assert.Equal("Amount", field.Field);
        Assert.Contains("CAD", field.Message, StringComparison.Ordinal);
        Assert.Contains("USD", field.Message, StringComparison.Ordinal);
        Assert.Empty(await AllAsync(Payments.ListAsync(new PaymentQuery { States = RecordStates.All })));
        Assert.Equal(InvoiceStatus.Draft, (await Invoices.GetAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task UpdateAsync_OtherCurrencyThanInvoice_ThrowsOnAmount()
    {
        var invoice = await _harness.InvoiceAsync();
        var payment = await _harness.PayAsync(invoice, 10m);

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Payments.UpdateAsync(payment.Id, new PaymentChanges { Amount = Cad(10m) }));

        Assert.Equal("Amount", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task CreateAsync_UnknownInvoice_ThrowsInvoiceNotFound()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => Payments.CreateAsync(new NewPayment
        {
            InvoiceId = "77", Amount = Usd(10m), Date = new DateOnly(2024, 5, 2),
        }));

        Assert.Equal(EntityKind.Invoice, error.Entity);
        Assert.Equal("77", error.Id);
    }

    [Fact]
    public async Task CreateAsync_DeletedInvoice_ThrowsRecordDeleted()
    {
        var invoice = await _harness.InvoiceAsync();
        await Invoices.DeleteAsync(invoice.Id);

        var error = await Assert.ThrowsAsync<RecordDeletedException>(() => _harness.PayAsync(invoice, 10m));

        Assert.Equal(EntityKind.Invoice, error.Entity);
    }

    [Fact]
    public async Task ListAsync_InvoiceIdContactIdAndDateFilters_SelectMatchingPayments()
    {
        var a = await _harness.ContactAsync("A");
        var b = await _harness.ContactAsync("B");
        var invoiceA = await _harness.InvoiceAsync(contactId: a.Id);
        var invoiceB = await _harness.InvoiceAsync(contactId: b.Id);
        var p1 = await _harness.PayAsync(invoiceA, 10m, new DateOnly(2024, 5, 1));
        var p2 = await _harness.PayAsync(invoiceB, 10m, new DateOnly(2024, 5, 15));
        var p3 = await _harness.PayAsync(invoiceA, 10m, new DateOnly(2024, 6, 1));

        var byInvoice = await AllAsync(Payments.ListAsync(new PaymentQuery { InvoiceId = invoiceA.Id }));
        var byContact = await AllAsync(Payments.ListAsync(new PaymentQuery { ContactId = b.Id }));
        var inMay = await AllAsync(Payments.ListAsync(new PaymentQuery { Date = new DateRange(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31)) }));

        Assert.Equal([p1.Id, p3.Id], byInvoice.Select(p => p.Id));
        Assert.Equal([p2.Id], byContact.Select(p => p.Id));
        Assert.Equal([p1.Id, p2.Id], inMay.Select(p => p.Id));
    }

    [Fact]
    public async Task DeleteAsync_HardDeleteProvider_RemovesPaymentAndSettlesInvoice()
    {
        using var harness = new LedgerHarness(o => o.ConfigureStore(EntityKind.Payment, s => s with { SoftDelete = false }));
        var invoice = await harness.InvoiceAsync();
        var payment = await harness.PayAsync(invoice, 100m);

        await harness.Ledger.Payments.DeleteAsync(payment.Id);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => harness.Ledger.Payments.GetAsync(payment.Id));
        Assert.Equal(InvoiceStatus.Draft, (await harness.Ledger.Invoices.GetAsync(invoice.Id)).Status);
    }

    public void Dispose() => _harness.Dispose();
}
