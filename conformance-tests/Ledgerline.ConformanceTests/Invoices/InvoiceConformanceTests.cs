namespace Ledgerline.ConformanceTests;

/// <summary>Invoices: fields and lines round-trip in order, a new invoice is a draft, changes touch only what they name.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Invoices")]
public abstract class InvoiceConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task CreateAsync_FullDraft_RoundTripsFieldsAndLinesInOrder()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Create,
            () => Ledger.Invoices.CreateAsync(Samples.Invoice(MissingId), Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var draft = new NewInvoice
        {
            ContactId = contact.Id,
            Currency = CurrencyCode.USD,
            IssueDate = Samples.Day,
            DueDate = Samples.Day.AddDays(30),
            Number = "CONF-0001",
            Lines =
            [
                Samples.Line("Design", 2m, 150m, new LineTax("HST", 13m)) with { Description = "Two days of design" },
                Samples.Line("Hosting", 1m, 20m),
                Samples.Line("Support", 3.5m, 40m),
            ],
            Notes = "Thank you.",
            Terms = "Net 30",
        };

        var created = await Ledger.Invoices.CreateAsync(draft, Cancellation);
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        foreach (var invoice in new[] { created, read })
        {
            AssertWellFormed(invoice);
            Assert.Equal(created.Id, invoice.Id);
            Assert.Equal(RecordState.Active, invoice.State);
            Assert.Equal(InvoiceStatus.Draft, invoice.Status);
            Assert.Equal(contact.Id, invoice.ContactId);
            Assert.Equal("CONF-0001", invoice.Number);
            Assert.Equal(Samples.Day, invoice.IssueDate);
            Assert.Equal(Samples.Day.AddDays(30), invoice.DueDate);
            Assert.Equal(CurrencyCode.USD, invoice.Currency);
            Assert.Equal("Thank you.", invoice.Notes);
            Assert.Equal("Net 30", invoice.Terms);
            Assert.Equal(["Design", "Hosting", "Support"], invoice.Lines.Select(l => l.Name));
            Assert.Equal("Two days of design", invoice.Lines[0].Description);
            Assert.Equal([2m, 1m, 3.5m], invoice.Lines.Select(l => l.Quantity));
            Assert.Equal([Samples.Usd(150m), Samples.Usd(20m), Samples.Usd(40m)], invoice.Lines.Select(l => l.UnitPrice));
            Assert.Equal([new LineTax("HST", 13m)], invoice.Lines[0].Taxes);
            Assert.Empty(invoice.Lines[1].Taxes);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_NoNumber_ProviderAssignsOne()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);

        var first = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id), Cancellation);
        var second = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id), Cancellation);

        Assert.False(string.IsNullOrWhiteSpace(first.Number), "The provider must number an invoice created without a number.");
        Assert.NotEqual(first.Number, second.Number);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public virtual async Task UpdateAsync_Notes_LeavesLinesAndTotalsAlone()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update,
            () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { Notes = "x" }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contact.Id) with { Lines = [Samples.Line("A", 1m, 10m), Samples.Line("B", 2m, 5m)], Terms = "Net 15" },
            Cancellation);

        var updated = await Ledger.Invoices.UpdateAsync(created.Id, new InvoiceChanges { Notes = "Updated note" }, Cancellation);
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        foreach (var invoice in new[] { updated, read })
        {
            Assert.Equal("Updated note", invoice.Notes);
            Assert.Equal("Net 15", invoice.Terms);
            Assert.Equal(created.Number, invoice.Number);
            Assert.Equal(created.ContactId, invoice.ContactId);
            Assert.Equal(created.IssueDate, invoice.IssueDate);
            Assert.Equal(["A", "B"], invoice.Lines.Select(l => l.Name));
            Assert.Equal(created.Total, invoice.Total);
        }
    }

    [Fact]
    public virtual async Task UpdateAsync_Dates_ChangesOnlyTheDates()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update,
            () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { DueDate = Samples.Day }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 75m), Cancellation);

        var updated = await Ledger.Invoices.UpdateAsync(
            created.Id, new InvoiceChanges { IssueDate = Samples.Day.AddDays(1), DueDate = Samples.Day.AddDays(15) }, Cancellation);

        Assert.Equal(Samples.Day.AddDays(1), updated.IssueDate);
        Assert.Equal(Samples.Day.AddDays(15), updated.DueDate);
        Assert.Equal(Samples.Usd(75m), updated.Total);
        Assert.Equal(InvoiceStatus.Draft, updated.Status);
    }

    [Fact]
    public virtual async Task ListAsync_Invoices_CarryTheirLines()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.List);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contact.Id) with { Lines = [Samples.Line("A", 1m, 10m), Samples.Line("B", 2m, 5m)] }, Cancellation);

        var listed = Assert.Single(await ToListAsync(Ledger.Invoices.ListAsync(cancellationToken: Cancellation)));

        Assert.Equal(created.Id, listed.Id);
        Assert.Equal(["A", "B"], listed.Lines.Select(l => l.Name));
        Assert.Equal(Samples.Usd(20m), listed.Total);
    }

    [Fact]
    public virtual async Task UpdateAsync_NegativeLineReadBack_RoundTripsUnchanged()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update,
            () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { Lines = [Samples.Line("Deposit", 1m, -50m)] }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contact.Id) with { Lines = [Samples.Line("Work", 1m, 200m), Samples.Line("Deposit received", 1m, -50m)] },
            Cancellation);
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);
        Assert.Equal([Samples.Usd(200m), Samples.Usd(-50m)], read.Lines.Select(l => l.Amount));
        Assert.Equal(Samples.Usd(150m), read.Total);

        // Every line back as read, plus one more: what was read goes back unchanged.
        var updated = await Ledger.Invoices.UpdateAsync(
            created.Id, new InvoiceChanges { Lines = [.. read.Lines.Select(l => l.ToNewLine()), Samples.Line("Extra", 2m, 5m)] }, Cancellation);
        var reread = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        foreach (var invoice in new[] { updated, reread })
        {
            Assert.Equal(["Work", "Deposit received", "Extra"], invoice.Lines.Select(l => l.Name));
            Assert.Equal([1m, 1m, 2m], invoice.Lines.Select(l => l.Quantity));
            Assert.Equal([Samples.Usd(200m), Samples.Usd(-50m), Samples.Usd(5m)], invoice.Lines.Select(l => l.UnitPrice));
            Assert.Equal([Samples.Usd(200m), Samples.Usd(-50m), Samples.Usd(10m)], invoice.Lines.Select(l => l.Amount));
            Assert.Equal(Samples.Usd(160m), invoice.Subtotal);
            Assert.Equal(Samples.Usd(160m), invoice.Total);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_Lines_CarryDistinctIdsOrNone()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contact.Id) with { Lines = [Samples.Line("A", 1m, 10m), Samples.Line("B", 1m, 20m), Samples.Line("C", 1m, 30m)] },
            Cancellation);
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        foreach (var invoice in new[] { created, read })
        {
            var ids = invoice.Lines.Select(l => l.Id).ToList();
            Assert.True(
                ids.All(id => id is null) || (ids.All(id => !string.IsNullOrWhiteSpace(id)) && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count),
                $"Line ids must be all absent or all present and distinct; they are [{string.Join(", ", ids)}].");
        }
    }

    [Fact]
    public virtual async Task UpdateAsync_LineIdTheInvoiceDoesNotHave_IsRefusedTypedAndChangesNothing()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update,
            () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { Notes = "x" }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 40m), Cancellation);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.UpdateAsync(
            created.Id, new InvoiceChanges { Lines = [Samples.Line("Renamed", 1m, 40m) with { Id = MissingId }] }, Cancellation));
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("Lines[0].Id", error.Field);
        Assert.Equal("UnknownLine", error.Code);
        Assert.Contains(MissingId, error.Message, StringComparison.Ordinal);
        Assert.Equal(["Consulting"], read.Lines.Select(l => l.Name));
        Assert.Equal(Samples.Usd(40m), read.Total);
    }

    [Fact]
    public virtual async Task UpdateAsync_LinesInAnotherCurrencyThanTheInvoice_IsRefusedTypedAndChangesNothing()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update,
            () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { Notes = "x" }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var created = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 40m), Cancellation);

        // No Currency in the change: the lines must be in the invoice's own currency, never relabelled as it.
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.UpdateAsync(
            created.Id, new InvoiceChanges { Lines = [Samples.Line("Relabelled", 2m, 5m) with { UnitPrice = new Money(5m, CurrencyCode.EUR) }] }, Cancellation));
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("Lines[0].UnitPrice", "CurrencyMismatch"), (error.Field, error.Code));
        Assert.Equal(["Consulting"], read.Lines.Select(l => l.Name));
        Assert.Equal(Samples.Usd(40m), read.Total);
    }

    [Fact]
    public virtual async Task UpdateAsync_LinesGivenBackById_KeepWhatOnlyTheProviderHolds()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Get | StoreOperations.Update);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var id = await Fixture.CreateInvoiceWithProviderLineDataAsync(Ledger, contact.Id, Cancellation);
        Assert.SkipWhen(id is null, $"{Fixture.ProviderName} lines carry nothing beyond the canonical fields.");
        var before = await Fixture.ProviderLineDataAsync(Ledger, id!, Cancellation);
        var read = await Ledger.Invoices.GetAsync(id!, Cancellation);

        // A canonical change to every line (a new description), and one new line: the provider's own data must survive.
        var updated = await Ledger.Invoices.UpdateAsync(id!, new InvoiceChanges
        {
            Lines = [.. read.Lines.Select(l => l.ToNewLine() with { Description = "Reworded " + l.Name }), Samples.Line("Added", 1m, 10m)],
        }, Cancellation);
        var after = await Fixture.ProviderLineDataAsync(Ledger, id!, Cancellation);

        Assert.Equal(before, after.Take(before.Count));
        Assert.Equal(read.Lines.Select(l => "Reworded " + l.Name), updated.Lines.Take(read.Lines.Count).Select(l => l.Description));
        Assert.Equal(read.Lines.Select(l => l.Amount), updated.Lines.Take(read.Lines.Count).Select(l => l.Amount));
        Assert.Equal(read.Total + Samples.Usd(10m), updated.Total);
    }

    [Fact]
    public virtual async Task UpdateAsync_LinesReadWrittenBack_KeepEveryTotal()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get | StoreOperations.Update);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var tax = Fixture.SampleLineTax(EntityKind.Invoice);

        // Taxed, fractional and discounted lines; tax-inclusive prices too where the provider takes them.
        foreach (var includeTax in Capabilities.For(EntityKind.Invoice).TaxInclusivePrices ? [false, true] : new[] { false })
        {
            var created = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id) with
            {
                UnitPricesIncludeTax = includeTax,
                DiscountPercent = 10m,
                Lines = [Samples.Line("Design", 1.5m, 33.33m, tax), Samples.Line("Hosting", 3m, 19.99m, tax)],
            }, Cancellation);
            var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

            var updated = await Ledger.Invoices.UpdateAsync(read.Id, new InvoiceChanges { Lines = [.. read.Lines.Select(l => l.ToNewLine())] }, Cancellation);
            var reread = await Ledger.Invoices.GetAsync(read.Id, Cancellation);

            Assert.Equal(includeTax, read.UnitPricesIncludeTax);
            foreach (var invoice in new[] { updated, reread })
            {
                Assert.Equal(
                    (read.UnitPricesIncludeTax, read.DiscountPercent, read.Subtotal, read.Discount, read.Tax, read.Total, read.AmountDue),
                    (invoice.UnitPricesIncludeTax, invoice.DiscountPercent, invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total, invoice.AmountDue));
                Assert.Equal(read.Lines.Select(LineText), invoice.Lines.Select(LineText));
            }
        }

        static string LineText(InvoiceLine line) =>
            $"{line.Name} {line.Quantity} × {line.UnitPrice} = {line.Amount}; {string.Join(", ", line.Taxes.Select(t => $"{t.Name} {t.Percent} {t.TaxRateId}"))}";
    }

    [Fact]
    public virtual async Task UnitPricesIncludeTax_IsTakenOrRefusedAsTheProviderDeclares()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var tax = Fixture.SampleLineTax(EntityKind.Invoice);
        var draft = Samples.Invoice(contact.Id) with { UnitPricesIncludeTax = true, Lines = [Samples.Line("Membership", 1m, 115m, tax)] };

        // The flag alone would re-price the current lines: refused on every provider.
        var alone = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { UnitPricesIncludeTax = false }, Cancellation));
        Assert.Equal((nameof(InvoiceChanges.UnitPricesIncludeTax), "LinesRequiredForTaxInclusion"), (Assert.Single(alone.Errors).Field, alone.Errors[0].Code));
        if (!Capabilities.For(EntityKind.Invoice).TaxInclusivePrices)
        {
            var created = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(draft, Cancellation));
            var changed = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
                () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { Lines = draft.Lines, UnitPricesIncludeTax = true }, Cancellation));
            Assert.All([created, changed], e => Assert.Equal(
                (nameof(NewInvoice.UnitPricesIncludeTax), "NotSupportedByProvider"), (Assert.Single(e.Errors).Field, e.Errors[0].Code)));
            NoteUnsupported("Invoice UnitPricesIncludeTax");
            return;
        }

        var invoice = await Ledger.Invoices.CreateAsync(draft, Cancellation);
        var read = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        foreach (var taken in new[] { invoice, read })
        {
            // 115.00 with its tax: the total is the price; the line amount and subtotal are the price less the tax.
            Assert.True(taken.UnitPricesIncludeTax);
            Assert.Equal((Samples.Usd(115m), Samples.Usd(115m)), (taken.Lines[0].UnitPrice, taken.Total));
            Assert.Equal(Samples.Usd(Math.Round(115m * tax.Percent / (100m + tax.Percent), 2, MidpointRounding.AwayFromZero)), taken.Tax);
            Assert.Equal((taken.Total - taken.Tax, taken.Subtotal), (taken.Subtotal, taken.Lines[0].Amount));
        }

        // With a discount, it is taken off the tax-inclusive amounts and tax is computed on what is left (as Xero does):
        // 115.00 less 10 % is a total of 103.50, of which the tax is the part the rate gives, and the identities hold with
        // the tax-inclusive discount. A provider that cannot take it refuses it on DiscountPercent before any request.
        var discounted = draft with { DiscountPercent = 10m };
        Invoice? kept = null;
        try
        {
            kept = await Ledger.Invoices.CreateAsync(discounted, Cancellation);
        }
        catch (LedgerValidationException refused)
        {
            Assert.Equal(nameof(NewInvoice.DiscountPercent), Assert.Single(refused.Errors).Field);
            await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(discounted, Cancellation));
            NoteUnsupported("Invoice DiscountPercent with UnitPricesIncludeTax");
        }

        if (kept is not null)
        {
            var reread = await Ledger.Invoices.GetAsync(kept.Id, Cancellation);
            var charged = Math.Round(103.50m * tax.Percent / (100m + tax.Percent), 2, MidpointRounding.AwayFromZero);
            Assert.Equal((Samples.Usd(103.50m), Samples.Usd(charged), Samples.Usd(11.50m), 10m), (reread.Total, reread.Tax, reread.Discount, reread.DiscountPercent));
            Assert.Equal((Samples.Usd(115m - charged), Samples.Usd(115m - charged)), (reread.Lines[0].Amount, reread.Subtotal));
            Assert.Equal(reread.Total, reread.Subtotal - reread.Discount + reread.Tax);
        }
    }
}
