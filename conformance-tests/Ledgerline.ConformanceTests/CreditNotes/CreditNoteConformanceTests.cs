namespace Ledgerline.ConformanceTests;

/// <summary>
/// Credit notes: totals, and applying credit to an invoice, which moves the invoice's amount due and the credit remaining
/// together, within the limits of both.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Credit notes")]
public abstract class CreditNoteConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    private static NewCreditAllocation Allocation(string invoiceId, decimal amount) => new() { InvoiceId = invoiceId, Amount = Samples.Usd(amount), Date = Samples.Day };

    [Fact]
    public virtual async Task CreateAsync_Lines_ComputesTotalsAndTheWholeCreditRemains()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Create, () => Ledger.CreditNotes.CreateAsync(Samples.CreditNote(MissingId), Cancellation)))
        {
            return;
        }

        var contactId = await ContactAsync();
        var created = await Ledger.CreditNotes.CreateAsync(
            Samples.CreditNote(contactId) with { Lines = [Samples.Line("Refund", 2m, 10m, new LineTax("GST", 5m))], Notes = "Sorry for the delay." },
            Cancellation);

        AssertWellFormed(created);
        Assert.Equal(contactId, created.ContactId);
        Assert.Equal(Samples.Usd(20m), created.Subtotal);
        Assert.Equal(Samples.Usd(1m), created.Tax);
        Assert.Equal(Samples.Usd(21m), created.Total);
        Assert.Equal(Samples.Usd(21m), created.RemainingCredit);
        Assert.Empty(created.Allocations);
        Assert.Equal("Sorry for the delay.", created.Notes);
    }

    [Fact]
    public virtual async Task AllocateAsync_PartOfTheCredit_MovesAmountDueAndRemainingCreditTogether()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, Allocation("1", 1m), Cancellation)))
        {
            return;
        }

        var (note, invoice) = await CreditAndInvoiceAsync(credit: 30m, invoiceTotal: 100m);

        var allocated = await Ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 20m), Cancellation);
        var settled = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(Samples.Usd(10m), allocated.RemainingCredit);
        var allocation = Assert.Single(allocated.Allocations);
        Assert.Equal((invoice.Id, Samples.Usd(20m)), (allocation.InvoiceId, allocation.Amount));
        Assert.Equal(Samples.Usd(80m), settled.AmountDue);
        Assert.Equal(Samples.Usd(20m), settled.AmountPaid + settled.AmountCredited);
        Assert.Equal(InvoiceStatus.PartiallyPaid, settled.Status);
        Assert.Equal(allocated.RemainingCredit, (await Ledger.CreditNotes.GetAsync(note.Id, Cancellation)).RemainingCredit);
    }

    [Fact]
    public virtual async Task AllocateAsync_WholeCreditCoveringTheInvoice_PaysItAndUsesTheCredit()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, Allocation("1", 1m), Cancellation)))
        {
            return;
        }

        var (note, invoice) = await CreditAndInvoiceAsync(credit: 50m, invoiceTotal: 50m);

        var allocated = await Ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 50m), Cancellation);
        var settled = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(CreditNoteStatus.Applied, allocated.Status);
        Assert.Equal(Samples.Usd(0m), allocated.RemainingCredit);
        Assert.Equal(InvoiceStatus.Paid, settled.Status);
        Assert.Equal(Samples.Usd(0m), settled.AmountDue);
    }

    [Fact]
    public virtual async Task AllocateAsync_MoreThanTheCreditRemaining_IsRefusedAndNothingMoves()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, Allocation("1", 1m), Cancellation)))
        {
            return;
        }

        var (note, invoice) = await CreditAndInvoiceAsync(credit: 30m, invoiceTotal: 100m);

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 30.01m), Cancellation));

        Assert.Equal(Samples.Usd(100m), (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).AmountDue);
        Assert.Equal(Samples.Usd(30m), (await Ledger.CreditNotes.GetAsync(note.Id, Cancellation)).RemainingCredit);
    }

    [Fact]
    public virtual async Task AllocateAsync_MoreThanTheInvoiceAmountDue_IsRefusedAndNothingMoves()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, Allocation("1", 1m), Cancellation)))
        {
            return;
        }

        var (note, invoice) = await CreditAndInvoiceAsync(credit: 80m, invoiceTotal: 50m);

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.CreditNotes.AllocateAsync(note.Id, Allocation(invoice.Id, 60m), Cancellation));

        Assert.Equal(Samples.Usd(50m), (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).AmountDue);
        Assert.Equal(Samples.Usd(80m), (await Ledger.CreditNotes.GetAsync(note.Id, Cancellation)).RemainingCredit);
    }

    [Fact]
    public virtual async Task AllocateAsync_ZeroAmount_IsRefusedBeforeAnyRequest()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, Allocation("1", 1m), Cancellation)))
        {
            return;
        }

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.CreditNotes.AllocateAsync("1", Allocation("1", 0m), Cancellation));

        Assert.Contains(error.Errors, e => e.Field == nameof(NewCreditAllocation.Amount));
    }

    [Fact]
    public virtual async Task AllocateAsync_UnknownInvoice_IsTypedNotFound()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Allocate, () => Ledger.CreditNotes.AllocateAsync(MissingId, Allocation("1", 1m), Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.CreditNote, StoreOperations.Create);
        var note = await Ledger.CreditNotes.CreateAsync(Samples.CreditNote(await ContactAsync()), Cancellation);

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => Ledger.CreditNotes.AllocateAsync(note.Id, Allocation(MissingId, 5m), Cancellation));

        Assert.Equal(EntityKind.Invoice, error.Entity);
    }

    [Fact]
    public virtual async Task UpdateAsync_NegativeLineReadBack_RoundTripsUnchanged()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.CreditNote, StoreOperations.Update,
            () => Ledger.CreditNotes.UpdateAsync(MissingId, new CreditNoteChanges { Lines = [Samples.Line("Fee", 1m, -5m)] }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.CreditNote, StoreOperations.Create | StoreOperations.Get);
        var created = await Ledger.CreditNotes.CreateAsync(
            Samples.CreditNote(await ContactAsync()) with { Lines = [Samples.Line("Refund", 1m, 60m), Samples.Line("Restocking fee", 1m, -5m)] },
            Cancellation);
        var read = await Ledger.CreditNotes.GetAsync(created.Id, Cancellation);

        var updated = await Ledger.CreditNotes.UpdateAsync(
            created.Id, new CreditNoteChanges { Lines = [.. read.Lines.Select(l => l.ToNewLine()), Samples.Line("Goodwill", 1m, 10m)] }, Cancellation);

        Assert.Equal([Samples.Usd(60m), Samples.Usd(-5m)], read.Lines.Select(l => l.Amount));
        Assert.Equal(["Refund", "Restocking fee", "Goodwill"], updated.Lines.Select(l => l.Name));
        Assert.Equal([Samples.Usd(60m), Samples.Usd(-5m), Samples.Usd(10m)], updated.Lines.Select(l => l.Amount));
        Assert.Equal(Samples.Usd(65m), updated.Total);
        Assert.Equal(Samples.Usd(65m), updated.RemainingCredit);
    }

    private async Task<(CreditNote Note, Invoice Invoice)> CreditAndInvoiceAsync(decimal credit, decimal invoiceTotal)
    {
        RequireForSetup(EntityKind.CreditNote, StoreOperations.Create | StoreOperations.Get);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contactId = await ContactAsync();
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, invoiceTotal), Cancellation);
        if (Capabilities.Supports(EntityKind.Invoice, StoreOperations.MarkSent))
        {
            invoice = await Ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);
        }

        var note = await Ledger.CreditNotes.CreateAsync(Samples.CreditNote(contactId, credit), Cancellation);
        return (note, invoice);
    }

    [Fact]
    public virtual async Task UnitPricesIncludeTax_IsTakenOrRefusedAsTheProviderDeclaresAndLinesWrittenBackKeepTheTotals()
    {
        RequireForSetup(EntityKind.CreditNote, StoreOperations.Create | StoreOperations.Get | StoreOperations.Update);
        var tax = Fixture.SampleLineTax(EntityKind.CreditNote);
        var draft = Samples.CreditNote(await ContactAsync()) with { UnitPricesIncludeTax = true, Lines = [Samples.Line("Refund", 1m, 115m, tax)] };
        var alone = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.CreditNotes.UpdateAsync(MissingId, new CreditNoteChanges { UnitPricesIncludeTax = true }, Cancellation));
        Assert.Equal((nameof(CreditNoteChanges.UnitPricesIncludeTax), "LinesRequiredForTaxInclusion"), (Assert.Single(alone.Errors).Field, alone.Errors[0].Code));
        if (!Capabilities.For(EntityKind.CreditNote).TaxInclusivePrices)
        {
            var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.CreditNotes.CreateAsync(draft, Cancellation));
            Assert.Equal((nameof(NewCreditNote.UnitPricesIncludeTax), "NotSupportedByProvider"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
            draft = draft with { UnitPricesIncludeTax = false };
            NoteUnsupported("CreditNote UnitPricesIncludeTax");
        }

        var note = await Ledger.CreditNotes.CreateAsync(draft, Cancellation);
        var read = await Ledger.CreditNotes.GetAsync(note.Id, Cancellation);
        var written = await Ledger.CreditNotes.UpdateAsync(note.Id, new CreditNoteChanges { Lines = [.. read.Lines.Select(l => l.ToNewLine())] }, Cancellation);

        var inclusiveTax = Math.Round(115m * tax.Percent / (100m + tax.Percent), 2, MidpointRounding.AwayFromZero);
        var exclusiveTax = Math.Round(115m * tax.Percent / 100m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(
            draft.UnitPricesIncludeTax ? (true, 115m - inclusiveTax, inclusiveTax, 115m) : (false, 115m, exclusiveTax, 115m + exclusiveTax),
            (read.UnitPricesIncludeTax, read.Subtotal.Amount, read.Tax.Amount, read.Total.Amount));
        Assert.Equal(
            (read.UnitPricesIncludeTax, read.Subtotal, read.Tax, read.Total, read.RemainingCredit),
            (written.UnitPricesIncludeTax, written.Subtotal, written.Tax, written.Total, written.RemainingCredit));
        Assert.Equal(read.Lines.Select(l => (l.Quantity, l.UnitPrice, l.Amount)), written.Lines.Select(l => (l.Quantity, l.UnitPrice, l.Amount)));
    }

    private async Task<string> ContactAsync()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        return (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
    }
}
