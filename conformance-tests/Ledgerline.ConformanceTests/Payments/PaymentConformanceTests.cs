namespace Ledgerline.ConformanceTests;

/// <summary>Payments: fields round-trip, a payment needs an existing invoice, payments list by invoice.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Payments")]
public abstract class PaymentConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task CreateAsync_Payment_RoundTripsEveryField()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Payment, StoreOperations.Create,
            () => Ledger.Payments.CreateAsync(Samples.Payment(MissingId, 1m), Cancellation)))
        {
            return;
        }

        var invoice = await InvoiceAsync(100m);
        RequireForSetup(EntityKind.Payment, StoreOperations.Get);
        var draft = new NewPayment
        {
            InvoiceId = invoice.Id,
            Amount = Samples.Usd(12.34m),
            Date = Samples.Day.AddDays(3),
            Method = "Credit Card",
            Note = "Deposit",
        };

        var created = await Ledger.Payments.CreateAsync(draft, Cancellation);
        var read = await Ledger.Payments.GetAsync(created.Id, Cancellation);

        foreach (var payment in new[] { created, read })
        {
            AssertWellFormed(payment);
            Assert.Equal(created.Id, payment.Id);
            Assert.Equal(RecordState.Active, payment.State);
            Assert.Equal(invoice.Id, payment.InvoiceId);
            Assert.Equal(Samples.Usd(12.34m), payment.Amount);
            Assert.Equal(Samples.Day.AddDays(3), payment.Date);
            Assert.Equal("Credit Card", payment.Method);
            Assert.Equal("Deposit", payment.Note);
            Assert.True(payment.ContactId is null || payment.ContactId == invoice.ContactId, "A payment's contact, when given, is its invoice's.");
        }
    }

    [Fact]
    public virtual async Task CreateAsync_MissingInvoice_ThrowsNotFoundForTheInvoice()
    {
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => Ledger.Payments.CreateAsync(Samples.Payment(MissingId, 5m), Cancellation));

        Assert.Equal(EntityKind.Invoice, missing.Entity);
        Assert.Equal(MissingId, missing.Id);
    }

    [Fact]
    public virtual async Task CreateAsync_MoreThanTheAmountDue_IsRefusedTypedAndChangesNothing()
    {
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 50m), Cancellation);

        // An invoice is never paid beyond its total: the amount due never reads negative, on any provider.
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 1000m), Cancellation));
        var read = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(NewPayment.Amount), "PaymentExceedsAmountDue"), (error.Field, error.Code));
        Assert.Equal(Samples.Usd(50m), read.AmountDue);
        Assert.Equal(invoice.Status, read.Status);
    }

    [Fact]
    public virtual async Task UpdateAsync_Note_LeavesAmountAndDateAlone()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Payment, StoreOperations.Update,
            () => Ledger.Payments.UpdateAsync(MissingId, new PaymentChanges { Note = "x" }, Cancellation)))
        {
            return;
        }

        var invoice = await InvoiceAsync(100m);
        var created = await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 40m), Cancellation);

        var updated = await Ledger.Payments.UpdateAsync(created.Id, new PaymentChanges { Note = "Cheque 1042" }, Cancellation);

        Assert.Equal("Cheque 1042", updated.Note);
        Assert.Equal(created.Amount, updated.Amount);
        Assert.Equal(created.Date, updated.Date);
        Assert.Equal(created.Method, updated.Method);
        Assert.Equal(invoice.Id, updated.InvoiceId);
    }

    [Fact]
    public virtual async Task ListAsync_ByInvoice_ReturnsOnlyThatInvoicesPayments()
    {
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Payment, nameof(PaymentQuery.InvoiceId),
            () => ToListAsync(Ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = MissingId }, Cancellation))))
        {
            return;
        }

        var first = await InvoiceAsync(100m);
        var second = await Ledger.Invoices.CreateAsync(Samples.Invoice(first.ContactId, 50m), Cancellation);
        var ofFirst = new[]
        {
            await Ledger.Payments.CreateAsync(Samples.Payment(first.Id, 10m), Cancellation),
            await Ledger.Payments.CreateAsync(Samples.Payment(first.Id, 20m), Cancellation),
        };
        await Ledger.Payments.CreateAsync(Samples.Payment(second.Id, 5m), Cancellation);

        var listed = await ToListAsync(Ledger.Payments.ListAsync(new PaymentQuery { InvoiceId = first.Id }, Cancellation));

        AssertSameIds(ofFirst.Select(p => p.Id), listed);
        Assert.All(listed, p => Assert.Equal(first.Id, p.InvoiceId));
    }

    private async Task<Invoice> InvoiceAsync(decimal total)
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        return await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, total), Cancellation);
    }
}
