using Ledgerline.ConformanceTests;

namespace Ledgerline.Xero.ConformanceTests;

// The whole suite against the Xero adapter over HTTP, the Xero sandbox in-process.
public sealed class XeroBillTests(XeroConformanceFixture fixture) : BillConformanceTests<XeroConformanceFixture>(fixture)
{
    /// <summary>
    /// The suite's vendor has notes and a web site. A Xero contact has no notes, and its <c>Website</c> is set only in
    /// Xero's app (read-only in the API): each is refused before any request, and the same vendor without them round-trips
    /// every other field.
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero contacts have no notes and their web site is read-only in Xero's API: a vendor with either is refused before any request; every other field round-trips.")]
    public override async Task CreateVendorAsync_FullDraft_RoundTripsEveryField()
    {
        var draft = new NewVendor
        {
            Name = "Supplier 1 Ltd",
            Email = "billing1@supplier.example",
            Currency = CurrencyCode.USD,
            FirstName = "Ada",
            LastName = "Supply",
            Phone = "+1 555 0199",
            AccountNumber = "ACC-77",
            Address = new PostalAddress { Street = "9 Dock Rd", City = "Halifax", Region = "NS", PostalCode = "B3H", Country = "Canada" },
        };

        var notes = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Vendors.CreateAsync(draft with { Notes = "Pays on the 15th." }, Cancellation));
        var website = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Vendors.CreateAsync(draft with { Website = "https://supplier.example" }, Cancellation));
        var created = await Ledger.Vendors.CreateAsync(draft, Cancellation);
        var read = await Ledger.Vendors.GetAsync(created.Id, Cancellation);

        Assert.Equal((nameof(NewVendor.Notes), nameof(NewVendor.Website)), (Assert.Single(notes.Errors).Field, Assert.Single(website.Errors).Field));
        foreach (var vendor in new[] { created, read })
        {
            AssertWellFormed(vendor);
            Assert.Equal((draft.Name, draft.FirstName, draft.LastName, draft.Email), (vendor.Name, vendor.FirstName, vendor.LastName, vendor.Email));
            Assert.Equal((draft.Phone, draft.AccountNumber, draft.Address, draft.Currency), (vendor.Phone, vendor.AccountNumber, vendor.Address, vendor.Currency));
            Assert.Null(vendor.Notes);
        }
    }

    /// <summary>
    /// The suite's bill taxes one line of two with a tax known only by name. Xero names a line's tax by one of the
    /// organisation's tax rates and taxes every line of a taxed document: refused before any request. The same bill with
    /// the organisation's 15 % GST on purchases (<c>INPUT2</c>) on both lines shows Xero's arithmetic, rounded per line:
    /// 37.50 × 15 % = 5.63 (5.625 away from zero) and 80.00 × 15 % = 12.00.
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero names taxes by the organisation's tax rates (TaxRateId) and taxes every line of a taxed bill: the suite's bill (a named 5 % on one line of two) is refused before any request; with GST 15 % (INPUT2) on both lines the bill is Open with Xero's per-line tax: 117.50 + 17.63 = 135.13.")]
    public override async Task CreateAsync_TwoLinesWithTax_ComputesTotalsAndIsOpen()
    {
        var vendorId = (await Ledger.Vendors.CreateAsync(new NewVendor { Name = "Supplier 1 Ltd", Currency = CurrencyCode.USD }, Cancellation)).Id;
        var gst = new LineTax("GST", 15m) { TaxRateId = "INPUT2" };
        var suite = new NewBill
        {
            VendorId = vendorId,
            Currency = CurrencyCode.USD,
            IssueDate = Samples.Day,
            DueDate = Samples.Day.AddDays(30),
            Number = "INV-991",
            Lines =
            [
                new NewBillLine { Description = "Paper", Quantity = 3m, UnitPrice = Samples.Usd(12.50m), Taxes = [new LineTax("GST", 5m)] },
                new NewBillLine { Description = "Toner", Quantity = 1m, UnitPrice = Samples.Usd(80m) },
            ],
        };

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Bills.CreateAsync(suite, Cancellation));
        var created = await Ledger.Bills.CreateAsync(suite with { Lines = [.. suite.Lines.Select(l => l with { Taxes = [gst] })] }, Cancellation);

        Assert.Equal("Lines[0].Taxes[0].TaxRateId", Assert.Single(refused.Errors).Field);
        AssertWellFormed(created);
        Assert.Equal((vendorId, "INV-991", BillStatus.Open, Samples.Day.AddDays(30)), (created.VendorId, created.Number, created.Status, created.DueDate));
        Assert.Equal((Samples.Usd(117.50m), Samples.Usd(17.63m), Samples.Usd(135.13m), Samples.Usd(135.13m)),
            (created.Subtotal, created.Tax, created.Total, created.AmountDue));
    }
}

public sealed class XeroCompanyTests(XeroConformanceFixture fixture) : CompanyConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroConcurrencyTests(XeroConformanceFixture fixture) : ConcurrencyConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroContactTests(XeroConformanceFixture fixture) : ContactConformanceTests<XeroConformanceFixture>(fixture)
{
    [Fact]
    [ConformanceDeviation("Xero contacts have no notes: a contact with notes is refused before any request, not stored without them.")]
    public override async Task CreateAsync_Notes_RoundTrip()
    {
        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Contacts.CreateAsync(new NewContact { Organization = "Noted Ltd", Notes = "Prefers e-mail." }, Cancellation));

        Assert.Equal(nameof(NewContact.Notes), Assert.Single(refused.Errors).Field);
    }
}

public sealed class XeroCreditNoteTests(XeroConformanceFixture fixture) : CreditNoteConformanceTests<XeroConformanceFixture>(fixture)
{
    /// <summary>
    /// The suite's credit note carries a tax known only by name. Xero names a line's tax by one of the organisation's tax
    /// rates: refused before any request. The same credit note with the organisation's 15 % GST (<c>OUTPUT2</c>) shows
    /// Xero's arithmetic, with the whole credit remaining and the notes kept.
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero names taxes by the organisation's tax rates (TaxRateId): the suite's credit note (a named 5 % tax) is refused before any request; with GST 15 % (OUTPUT2) the credit note is 20.00 + 3.00 = 23.00, all of it remaining, notes kept.")]
    public override async Task CreateAsync_Lines_ComputesTotalsAndTheWholeCreditRemains()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var suite = new NewCreditNote
        {
            ContactId = contactId,
            Currency = CurrencyCode.USD,
            IssueDate = Samples.Day,
            Lines = [Samples.Line("Refund", 2m, 10m, new LineTax("GST", 5m))],
            Notes = "Sorry for the delay.",
        };

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.CreditNotes.CreateAsync(suite, Cancellation));
        var created = await Ledger.CreditNotes.CreateAsync(suite with { Lines = [Samples.Line("Refund", 2m, 10m, new LineTax("GST", 15m) { TaxRateId = "OUTPUT2" })] }, Cancellation);

        Assert.Equal("Lines[0].Taxes[0].TaxRateId", Assert.Single(refused.Errors).Field);
        AssertWellFormed(created);
        Assert.Equal((contactId, CreditNoteStatus.Open, "Sorry for the delay."), (created.ContactId, created.Status, created.Notes));
        Assert.Equal((Samples.Usd(20m), Samples.Usd(3m), Samples.Usd(23m), Samples.Usd(23m)), (created.Subtotal, created.Tax, created.Total, created.RemainingCredit));
        Assert.Empty(created.Allocations);
    }
}

public sealed class XeroErrorTests(XeroConformanceFixture fixture) : ErrorConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroEstimateTests(XeroConformanceFixture fixture) : EstimateConformanceTests<XeroConformanceFixture>(fixture)
{
    private static LineTax Gst => new("GST", 15m) { TaxRateId = "OUTPUT2" };

    /// <summary>
    /// The suite's estimate taxes one line of two with a tax known only by name. Xero names a line's tax by one of the
    /// organisation's tax rates and taxes every line of a taxed quote: refused before any request. The same estimate with
    /// GST 15 % (<c>OUTPUT2</c>) on both lines shows Xero's arithmetic: the 10 % discount on each line (90.00 and 18.00),
    /// then the tax per line (13.50 + 2.70).
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero names taxes by the organisation's tax rates (TaxRateId) and taxes every line of a taxed quote: the suite's estimate (a named 13 % on one line of two) is refused before any request; with GST 15 % (OUTPUT2) on both lines: 120.00 − 12.00 + 16.20 = 124.20.")]
    public override async Task CreateAsync_DiscountAndTax_ComputesTotalsLikeAnInvoice()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var suite = new NewEstimate
        {
            ContactId = contactId,
            Currency = CurrencyCode.USD,
            IssueDate = Samples.Day,
            DiscountPercent = 10m,
            Lines = [Samples.Line("Design", 2m, 50m, new LineTax("HST", 13m)), Samples.Line("Hosting", 1m, 20m)],
            Notes = "Valid for 30 days.",
        };

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Estimates.CreateAsync(suite, Cancellation));
        var created = await Ledger.Estimates.CreateAsync(suite with { Lines = [Samples.Line("Design", 2m, 50m, Gst), Samples.Line("Hosting", 1m, 20m, Gst)] }, Cancellation);

        Assert.Equal("Lines[0].Taxes[0].TaxRateId", Assert.Single(refused.Errors).Field);
        AssertWellFormed(created);
        Assert.Equal((EstimateStatus.Draft, contactId, "Valid for 30 days.", 2), (created.Status, created.ContactId, created.Notes, created.Lines.Count));
        Assert.Equal((Samples.Usd(120m), Samples.Usd(12m), Samples.Usd(16.20m), Samples.Usd(124.20m)), (created.Subtotal, created.Discount, created.Tax, created.Total));
    }

    /// <summary>
    /// Xero never turns a quote into an invoice: the adapter makes a draft invoice from the quote's lines with the quote
    /// number as its reference (how it finds the invoice again) and marks the quote invoiced. A Xero invoice keeps no
    /// terms and its one free text (<c>Reference</c>, the canonical notes) holds the quote number, so the invoice has no
    /// terms; the quote keeps them. The suite's named tax is refused, as on every Xero document; GST 15 % is used instead.
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero keeps no terms on an invoice and the invoice's reference (its notes) is the quote number that links it to the quote: the converted invoice has the quote's contact, lines and total, no terms (the quote keeps them) and the quote number as notes; taxes are named by TaxRateId (OUTPUT2).")]
    public override async Task AcceptAsync_SentEstimate_IsAcceptedAndConvertsToAnInvoiceOnce()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var draft = new NewEstimate
        {
            ContactId = contactId,
            Currency = CurrencyCode.USD,
            IssueDate = Samples.Day,
            Lines = [Samples.Line("Design", 3m, 40m, new LineTax("GST", 5m))],
            Terms = "Net 30",
        };
        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Estimates.CreateAsync(draft, Cancellation));
        var estimate = await Ledger.Estimates.CreateAsync(draft with { Lines = [Samples.Line("Design", 3m, 40m, Gst)] }, Cancellation);
        Assert.Equal(EstimateStatus.Sent, (await Ledger.Estimates.MarkAsSentAsync(estimate.Id, Cancellation)).Status);

        var accepted = await Ledger.Estimates.AcceptAsync(estimate.Id, Cancellation);
        var invoice = await Ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);
        var again = await Ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);
        var invoiced = await Ledger.Estimates.GetAsync(estimate.Id, Cancellation);

        Assert.Equal(EstimateStatus.Accepted, accepted.Status);
        Assert.Equal((contactId, estimate.Total, InvoiceStatus.Draft), (invoice.ContactId, invoice.Total, invoice.Status));
        Assert.Equal(estimate.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice)), invoice.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice)));
        Assert.Equal((null, estimate.Number), (invoice.Terms, invoice.Notes));
        Assert.Equal("Net 30", invoiced.Terms);
        Assert.Equal(invoice.Id, again.Id);
        Assert.Equal(EstimateStatus.Invoiced, invoiced.Status);
        Assert.Equal(invoice.Id, invoiced.InvoiceId);
        Assert.Equal(invoice.Id, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Id);
    }
}

public sealed class XeroExpenseTests(XeroConformanceFixture fixture) : ExpenseConformanceTests<XeroConformanceFixture>(fixture)
{
    /// <summary>
    /// The suite's expense names a customer to rebill and a tax known only by name. Xero's spent money records whom it was
    /// paid to (the vendor, as its contact) and no customer, and records tax at one of the organisation's tax rates: both are
    /// refused before any request, and the same expense with the organisation's GST on expenses round-trips.
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero's spent money has no customer to rebill (ContactId) and records tax at one of the organisation's tax rates, named after it: the suite's draft is refused before any request; with the organisation's GST rate (TaxRateId INPUT2) and no contact every other field round-trips.")]
    public override async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var draft = new NewExpense
        {
            Amount = Samples.Usd(113.45m),
            Date = Samples.Day.AddDays(2),
            Vendor = "Office Supplies Inc.",
            Notes = "Printer paper",
            Taxes = [new ExpenseTax("HST", Samples.Usd(14.75m), 13m)],
        };
        var gst = new ExpenseTax("15% GST on Expenses", Samples.Usd(14.75m), 15m) { TaxRateId = "INPUT2" };

        var rebill = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Expenses.CreateAsync(draft with { ContactId = contact.Id }, Cancellation));
        var byName = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Expenses.CreateAsync(draft, Cancellation));
        var created = await Ledger.Expenses.CreateAsync(draft with { Taxes = [gst] }, Cancellation);
        var read = await Ledger.Expenses.GetAsync(created.Id, Cancellation);

        Assert.Equal(nameof(NewExpense.ContactId), Assert.Single(rebill.Errors).Field);
        Assert.Equal("Taxes[0].TaxRateId", Assert.Single(byName.Errors).Field);
        foreach (var expense in new[] { created, read })
        {
            AssertWellFormed(expense);
            Assert.Equal((created.Id, RecordState.Active, Samples.Usd(113.45m), Samples.Day.AddDays(2)), (expense.Id, expense.State, expense.Amount, expense.Date));
            Assert.Equal(("Office Supplies Inc.", "Printer paper", (string?)null), (expense.Vendor, expense.Notes, expense.ContactId));
            Assert.Equal(gst, Assert.Single(expense.Taxes));
        }
    }
}

public sealed class XeroInvoiceTests(XeroConformanceFixture fixture) : InvoiceConformanceTests<XeroConformanceFixture>(fixture)
{
    private static LineTax Gst => new("GST", 15m) { TaxRateId = "OUTPUT2" };

    /// <summary>
    /// The suite's draft has terms and a tax known only by name. Xero keeps no terms on an invoice and names a line's tax
    /// by one of the organisation's tax rates, taxing every line of a taxed invoice: both are refused before any request,
    /// and the same draft with the sandbox organisation's GST rate on every line and no terms round-trips.
    /// </summary>
    [Fact]
    [ConformanceDeviation("Xero keeps no invoice terms and names taxes by the organisation's tax rates (TaxRateId), one per line, on every line of a taxed invoice: the suite's draft is refused before any request; the Xero-shaped draft round-trips.")]
    public override async Task CreateAsync_FullDraft_RoundTripsFieldsAndLinesInOrder()
    {
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
                Samples.Line("Design", 2m, 150m, Gst) with { Description = "Two days of design" },
                Samples.Line("Hosting", 1m, 20m, Gst),
                Samples.Line("Support", 3.5m, 40m, Gst),
            ],
            Notes = "Thank you.",
        };

        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(draft with { Terms = "Net 30" }, Cancellation));
        var created = await Ledger.Invoices.CreateAsync(draft, Cancellation);
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        foreach (var invoice in new[] { created, read })
        {
            AssertWellFormed(invoice);
            Assert.Equal((InvoiceStatus.Draft, contact.Id, "CONF-0001", Samples.Day, Samples.Day.AddDays(30), "Thank you."),
                (invoice.Status, invoice.ContactId, invoice.Number, invoice.IssueDate, invoice.DueDate, invoice.Notes));
            Assert.Equal(["Design", "Hosting", "Support"], invoice.Lines.Select(l => l.Name));
            Assert.Equal("Two days of design", invoice.Lines[0].Description);
            Assert.Equal([Samples.Usd(150m), Samples.Usd(20m), Samples.Usd(40m)], invoice.Lines.Select(l => l.UnitPrice));
            Assert.All(invoice.Lines, l => Assert.Equal(("OUTPUT2", 15m), (Assert.Single(l.Taxes).TaxRateId, l.Taxes[0].Percent)));
            Assert.Equal(Samples.Usd(460m), invoice.Subtotal);
            Assert.Equal(Samples.Usd(69m), invoice.Tax);
        }
    }

    [Fact]
    [ConformanceDeviation("Xero keeps no invoice terms: the suite's invoice with terms is refused before any request; a notes change on one without leaves lines and totals alone.")]
    public override async Task UpdateAsync_Notes_LeavesLinesAndTotalsAlone()
    {
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var draft = Samples.Invoice(contact.Id) with { Lines = [Samples.Line("A", 1m, 10m), Samples.Line("B", 2m, 5m)] };
        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(draft with { Terms = "Net 15" }, Cancellation));
        var created = await Ledger.Invoices.CreateAsync(draft, Cancellation);

        var updated = await Ledger.Invoices.UpdateAsync(created.Id, new InvoiceChanges { Notes = "Updated note" }, Cancellation);
        var read = await Ledger.Invoices.GetAsync(created.Id, Cancellation);

        foreach (var invoice in new[] { updated, read })
        {
            Assert.Equal(("Updated note", created.Number, created.ContactId, created.IssueDate, created.Total),
                (invoice.Notes, invoice.Number, invoice.ContactId, invoice.IssueDate, invoice.Total));
            Assert.Equal(["A", "B"], invoice.Lines.Select(l => l.Name));
        }
    }
}

public sealed class XeroInvoiceLifecycleTests(XeroConformanceFixture fixture) : InvoiceLifecycleConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroItemTests(XeroConformanceFixture fixture) : ItemConformanceTests<XeroConformanceFixture>(fixture)
{
    private static readonly NewItem Consulting = new()
    {
        Name = "Consulting hour",
        Code = "CONS-1",
        Description = "One hour of senior consulting.",
        UnitPrice = Samples.Nzd(150.25m),
    };

    [Fact]
    [ConformanceDeviation("Xero keeps item prices in the organisation's base currency (the sandbox's: NZD): the suite's USD price is refused before anything is written; the same item priced in NZD round-trips every field.")]
    public override async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Ledger.Items.CreateAsync(Consulting with { UnitPrice = Samples.Usd(150.25m) }, Cancellation));
        var created = await Ledger.Items.CreateAsync(Consulting, Cancellation);
        var read = await Ledger.Items.GetAsync(created.Id, Cancellation);

        Assert.Equal(nameof(NewItem.UnitPrice), Assert.Single(refused.Errors).Field);
        Assert.Empty(await ToListAsync(Ledger.Items.ListAsync(new ItemQuery { Code = "CONS-2" }, Cancellation)));
        foreach (var item in new[] { created, read })
        {
            AssertWellFormed(item);
            Assert.Equal((Consulting.Name, Consulting.Code, Consulting.Description), (item.Name, item.Code, item.Description));
            Assert.Equal(Consulting.UnitPrice, item.UnitPrice);
            Assert.Empty(item.TaxRateIds);
        }
    }

    [Fact]
    [ConformanceDeviation("Xero gives an item one sales tax rate: an item with two is refused before any request; with one, its id is kept.")]
    public override async Task CreateAsync_WithTaxRates_KeepsTheirIdsInOrder()
    {
        var gst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "GST", Percent = 5m }, Cancellation);
        var pst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "PST", Percent = 7m }, Cancellation);

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Items.CreateAsync(Consulting with { TaxRateIds = [gst.Id, pst.Id] }, Cancellation));
        var created = await Ledger.Items.CreateAsync(Consulting with { TaxRateIds = [gst.Id] }, Cancellation);

        Assert.Equal(nameof(NewItem.TaxRateIds), Assert.Single(refused.Errors).Field);
        Assert.Equal([gst.Id], created.TaxRateIds);
        Assert.Equal([gst.Id], (await Ledger.Items.GetAsync(created.Id, Cancellation)).TaxRateIds);
    }

    [Fact]
    [ConformanceDeviation("Xero keeps item prices in the organisation's base currency: the same change in NZD changes only the price.")]
    public override async Task UpdateAsync_Price_ChangesOnlyThePrice()
    {
        var created = await Ledger.Items.CreateAsync(Consulting, Cancellation);

        var updated = await Ledger.Items.UpdateAsync(created.Id, new ItemChanges { UnitPrice = Samples.Nzd(175m) }, Cancellation);

        Assert.Equal(Samples.Nzd(175m), updated.UnitPrice);
        Assert.Equal((Consulting.Name, Consulting.Code, Consulting.Description), (updated.Name, updated.Code, updated.Description));
    }

    [Fact]
    [ConformanceDeviation("Xero item codes are unique regardless of case: 'cons-1' beside 'CONS-1' is refused by Xero (a validation error on Code); the code filter is still exact and case-sensitive.")]
    public override async Task ListAsync_ByCode_ReturnsOnlyThatItem()
    {
        var wanted = await Ledger.Items.CreateAsync(Consulting, Cancellation);
        await Ledger.Items.CreateAsync(Consulting with { Code = "CONS-2", Name = "Other" }, Cancellation);

        var duplicate = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Ledger.Items.CreateAsync(Consulting with { Code = "cons-1", Name = "Lower case code" }, Cancellation));

        Assert.Equal((nameof(NewItem.Code), "Xero"), (Assert.Single(duplicate.Errors).Field, duplicate.Provider));
        AssertSameIds([wanted.Id], await ToListAsync(Ledger.Items.ListAsync(new ItemQuery { Code = "CONS-1" }, Cancellation)));
        Assert.Empty(await ToListAsync(Ledger.Items.ListAsync(new ItemQuery { Code = "cons-1" }, Cancellation)));
    }
}

public sealed class XeroPagingTests(XeroConformanceFixture fixture) : PagingConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroPaymentTests(XeroConformanceFixture fixture) : PaymentConformanceTests<XeroConformanceFixture>(fixture)
{
    /// <summary>Every field but the method, which Xero does not keep: the method alone is refused before any request.</summary>
    [Fact]
    [ConformanceDeviation("Xero keeps no payment method: a payment with one is refused before any request; every other field round-trips.")]
    public override async Task CreateAsync_Payment_RoundTripsEveryField()
    {
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 100m), Cancellation);
        var draft = new NewPayment { InvoiceId = invoice.Id, Amount = Samples.Usd(12.34m), Date = Samples.Day.AddDays(3), Method = "Credit Card", Note = "Deposit" };

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Payments.CreateAsync(draft, Cancellation));
        var created = await Ledger.Payments.CreateAsync(draft with { Method = null }, Cancellation);
        var read = await Ledger.Payments.GetAsync(created.Id, Cancellation);

        Assert.Equal(nameof(NewPayment.Method), Assert.Single(refused.Errors).Field);
        foreach (var payment in new[] { created, read })
        {
            Assert.Equal((invoice.Id, Samples.Usd(12.34m), Samples.Day.AddDays(3), "Deposit", contact.Id),
                (payment.InvoiceId, payment.Amount, payment.Date, payment.Note, payment.ContactId));
            Assert.Null(payment.Method);
        }
    }
}

public sealed class XeroProjectTests(XeroConformanceFixture fixture) : ProjectConformanceTests<XeroConformanceFixture>(fixture)
{
    [Fact]
    [ConformanceDeviation("Xero sets no billing method, fixed price or description on a project (its tasks carry rates and charge types) and keeps the estimate in the project's currency (the organisation's, NZD): the suite's fixed-price draft is refused before any request, a USD budget before any write; without them the name, contact, due day and budget (estimate) round-trip.")]
    public override async Task CreateAsync_FixedPriceProjectForAContact_RoundTripsEveryField()
    {
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var suite = new NewProject
        {
            Name = "Website relaunch",
            ContactId = contact.Id,
            Description = "Design and build.",
            DueDate = Samples.Day.AddDays(60),
            BillingMethod = ProjectBillingMethod.FixedPrice,
            FixedPrice = Samples.Usd(6000m),
            Budget = Samples.Usd(5000m),
        };

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Projects.CreateAsync(suite, Cancellation));
        // Refused before any write, after one read of the organisation (its base currency is the project's).
        var wrongCurrency = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Projects.CreateAsync(
            suite with { Description = null, BillingMethod = ProjectBillingMethod.Unknown, FixedPrice = null }, Cancellation));
        var draft = suite with { Description = null, BillingMethod = ProjectBillingMethod.Unknown, FixedPrice = null, Budget = Samples.Nzd(5000m) };
        var created = await Ledger.Projects.CreateAsync(draft, Cancellation);
        var read = await Ledger.Projects.GetAsync(created.Id, Cancellation);

        Assert.Contains(refused.Errors, e => e.Field is nameof(NewProject.Description) or nameof(NewProject.BillingMethod));
        Assert.Equal(nameof(NewProject.Budget), Assert.Single(wrongCurrency.Errors).Field);
        foreach (var project in new[] { created, read })
        {
            AssertWellFormed(project);
            Assert.Equal((draft.Name, contact.Id, draft.DueDate, Samples.Nzd(5000m)), (project.Name, project.ContactId, project.DueDate, project.Budget));
            Assert.Equal((ProjectBillingMethod.Unknown, (Money?)null, (string?)null), (project.BillingMethod, project.FixedPrice, project.Description));
            Assert.False(project.IsComplete);
        }
    }
}

public sealed class XeroQueryTests(XeroConformanceFixture fixture) : QueryConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroQueryOracleTests(XeroConformanceFixture fixture) : QueryOracleConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroRecordStateTests(XeroConformanceFixture fixture) : RecordStateConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroIdempotencyTests(XeroConformanceFixture fixture) : IdempotencyConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroRegistrationTests(XeroConformanceFixture fixture) : RegistrationConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroStoreMiddlewareTests(XeroConformanceFixture fixture) : StoreMiddlewareConformanceTests<XeroConformanceFixture>(fixture);

public sealed class XeroTaxRateTests(XeroConformanceFixture fixture) : TaxRateConformanceTests<XeroConformanceFixture>(fixture)
{
    private static readonly NewTaxRate Hst = new() { Name = "HST", Percent = 13m, IsCompound = false };

    [Fact]
    [ConformanceDeviation("Xero keeps no registration number on a tax rate (and no change time: UpdatedAt is null): a draft with one is refused before any request; every other field round-trips.")]
    public override async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.TaxRates.CreateAsync(Hst with { RegistrationNumber = "RT0001" }, Cancellation));
        var created = await Ledger.TaxRates.CreateAsync(Hst, Cancellation);
        var read = await Ledger.TaxRates.GetAsync(created.Id, Cancellation);

        Assert.Equal(nameof(NewTaxRate.RegistrationNumber), Assert.Single(refused.Errors).Field);
        foreach (var rate in new[] { created, read })
        {
            AssertWellFormed(rate);
            Assert.Equal(("HST", 13m, (string?)null, false, (DateTimeOffset?)null), (rate.Name, rate.Percent, rate.RegistrationNumber, rate.IsCompound, rate.UpdatedAt));
        }
    }

    [Fact]
    [ConformanceDeviation("Xero keeps no registration number on a tax rate: the suite's rate is created without one; a percent change then changes only the percent.")]
    public override async Task UpdateAsync_Percent_ChangesOnlyThePercent()
    {
        var created = await Ledger.TaxRates.CreateAsync(Hst, Cancellation);

        var updated = await Ledger.TaxRates.UpdateAsync(created.Id, new TaxRateChanges { Percent = 15m }, Cancellation);

        Assert.Equal(15m, updated.Percent);
        Assert.Equal(("HST", (string?)null, false), (updated.Name, updated.RegistrationNumber, updated.IsCompound));
        Assert.Equal(15m, (await Ledger.TaxRates.GetAsync(created.Id, Cancellation)).Percent);
    }

    [Fact]
    [ConformanceDeviation("Xero keeps no registration number on a tax rate: the suite's HST is created without one; the organisation's own rates (its tax regime) are listed too and left out of the comparison.")]
    public override async Task ListAsync_NameContains_ReturnsOnlyMatchingRates()
    {
        var preset = await PresetIdsAsync(EntityKind.TaxRate);
        var hst = await Ledger.TaxRates.CreateAsync(Hst, Cancellation);
        var gst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "GST", Percent = 5m }, Cancellation);
        await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "VAT", Percent = 20m }, Cancellation);

        var listed = await ToListAsync(Ledger.TaxRates.ListAsync(new TaxRateQuery { NameContains = "st" }, Cancellation));

        Assert.NotEmpty(preset);
        AssertSameIds([hst.Id, gst.Id], listed.Where(r => !preset.Contains(r.Id)));
        Assert.All(listed, r => Assert.Contains("st", r.Name, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class XeroTimeEntryTests(XeroConformanceFixture fixture) : TimeEntryConformanceTests<XeroConformanceFixture>(fixture)
{
    [Fact]
    [ConformanceDeviation("Xero logs whole minutes on a project's task for a Projects user: the suite's draft (no project, task or user; 5415 seconds) is refused before any request, field by field and never rounded; completed with a project of the contact, a TIME task and a user, 90 minutes round-trip with every other field.")]
    public override async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var suite = new NewTimeEntry
        {
            StartedAt = new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromSeconds(5415),
            Billable = true,
            ContactId = contact.Id,
            Note = "Pairing session",
        };

        var noProject = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.TimeEntries.CreateAsync(suite, Cancellation));
        var completed = await ForProviderAsync(suite);
        var subMinute = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.TimeEntries.CreateAsync(completed, Cancellation));
        var draft = completed with { Duration = TimeSpan.FromMinutes(90) };
        var created = await Ledger.TimeEntries.CreateAsync(draft, Cancellation);
        var read = await Ledger.TimeEntries.GetAsync(created.Id, Cancellation);

        Assert.Equal(nameof(NewTimeEntry.ProjectId), Assert.Single(noProject.Errors).Field);
        Assert.Equal(nameof(NewTimeEntry.Duration), Assert.Single(subMinute.Errors).Field);
        foreach (var entry in new[] { created, read })
        {
            AssertWellFormed(entry);
            Assert.Equal((created.Id, RecordState.Active, draft.StartedAt, TimeSpan.Zero), (entry.Id, entry.State, entry.StartedAt, entry.StartedAt.Offset));
            Assert.Equal((TimeSpan.FromMinutes(90), false, true, false), (entry.Duration, entry.IsRunning, entry.Billable, entry.Billed));
            Assert.Equal((contact.Id, draft.ProjectId, draft.TaskId, draft.UserId, "Pairing session"), (entry.ContactId, entry.ProjectId, entry.TaskId, entry.UserId, entry.Note));
        }
    }
}

public sealed class XeroTotalsTests(XeroConformanceFixture fixture) : TotalsConformanceTests<XeroConformanceFixture>(fixture)
{
    private static LineTax Gst => new("GST", 15m) { TaxRateId = "OUTPUT2" };

    [Fact]
    [ConformanceDeviation("Xero names taxes by the organisation's tax rates and taxes every line of a taxed invoice; FreshBooks' example (a tax by name on one line of two) is refused before any request. Xero's own arithmetic on the same lines with GST 15 % on both, 10 % off per line: 18.00 + 21.60, tax 2.70 + 3.24.")]
    public override async Task CreateAsync_DiscountAndTax_ComputesTotalsLikeFreshBooks()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var suite = Samples.Invoice(contactId) with { Lines = [Samples.Line("Design", 1m, 20m, new LineTax("HST", 13m)), Samples.Line("Hosting", 2m, 12m)], DiscountPercent = 10m };

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(suite, Cancellation));
        var invoice = await Ledger.Invoices.CreateAsync(suite with { Lines = [Samples.Line("Design", 1m, 20m, Gst), Samples.Line("Hosting", 2m, 12m, Gst)] }, Cancellation);

        Assert.Contains(refused.Errors, e => e.Field == "Lines[0].Taxes[0].TaxRateId");
        Assert.Equal((Samples.Usd(44m), Samples.Usd(4.40m), Samples.Usd(5.94m), Samples.Usd(45.54m)), (invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
        Assert.Equal(invoice.Total.Amount, invoice.Subtotal.Amount - invoice.Discount.Amount + invoice.Tax.Amount);
    }

    [Fact]
    [ConformanceDeviation("Xero applies one tax rate to a line (a compound rate is one TaxType with components): two taxes on a line are refused before any request.")]
    public override async Task CreateAsync_TwoTaxesOnOneLine_AddsBoth()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with { Lines = [Samples.Line("Work", 1m, 100m, new LineTax("GST", 5m), new LineTax("PST", 7.5m))] }, Cancellation));

        Assert.Equal("Lines[0].Taxes", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    [ConformanceDeviation("A Xero organisation invoices only in the currencies it trades (the sandbox's: NZD, AUD, USD): Xero refuses EUR with a validation error on the currency.")]
    public override async Task CreateAsync_InvoiceInEuros_KeepsCurrencyOnEveryAmount()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var euros = new Money(12.34m, CurrencyCode.EUR);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with { Currency = CurrencyCode.EUR, Lines = [new NewInvoiceLine { Name = "Item", Quantity = 2m, UnitPrice = euros }] }, Cancellation));

        Assert.Equal((nameof(NewInvoice.Currency), "Xero"), (Assert.Single(refused.Errors).Field, refused.Provider));
    }

    [Fact]
    [ConformanceDeviation("The sandbox organisation does not trade KWD, and the suite's tax is known only by name: refused before any request (Xero needs a TaxRateId).")]
    public override async Task CreateAsync_ThreeDecimalCurrency_RoundsToItsMinorUnit()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var kwd = CurrencyCode.Parse("KWD");

        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(Samples.Invoice(contactId) with
        {
            Currency = kwd,
            Lines = [new NewInvoiceLine { Name = "Item", Quantity = 1m, UnitPrice = new Money(1.234m, kwd), Taxes = [new LineTax("VAT", 10m)] }],
        }, Cancellation));
    }

    [Fact]
    [ConformanceDeviation("The sandbox organisation does not trade JPY, and the suite's tax is known only by name: refused before any request (Xero needs a TaxRateId).")]
    public override async Task CreateAsync_ZeroDecimalCurrency_RoundsToWholeUnits()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var jpy = CurrencyCode.Parse("JPY");

        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(Samples.Invoice(contactId) with
        {
            Currency = jpy,
            Lines = [new NewInvoiceLine { Name = "Item", Quantity = 3m, UnitPrice = new Money(333.5m, jpy), Taxes = [new LineTax("Consumption", 8m)] }],
        }, Cancellation));
    }

    [Fact]
    [ConformanceDeviation("Xero taxes every line of a taxed invoice by a tax rate: the suite's new lines (a named VAT on one line of two) are refused before any request; with GST on both and 50 % off per line Xero recomputes: 15.00 + 2.50, tax 2.25 + 0.38.")]
    public override async Task UpdateAsync_NewLines_RecomputesTotals()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 10m), Cancellation);

        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.UpdateAsync(invoice.Id,
            new InvoiceChanges { Lines = [Samples.Line("A", 2m, 15m, new LineTax("VAT", 20m)), Samples.Line("B", 1m, 5m)], DiscountPercent = 50m }, Cancellation));
        var updated = await Ledger.Invoices.UpdateAsync(invoice.Id,
            new InvoiceChanges { Lines = [Samples.Line("A", 2m, 15m, Gst), Samples.Line("B", 1m, 5m, Gst)], DiscountPercent = 50m }, Cancellation);

        Assert.Equal((Samples.Usd(35m), Samples.Usd(17.50m), Samples.Usd(2.63m), Samples.Usd(20.13m)), (updated.Subtotal, updated.Discount, updated.Tax, updated.Total));
        Assert.Equal(updated.Total, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Total);
    }

    [Fact]
    [ConformanceDeviation("Xero taxes every line of a taxed invoice by a tax rate, so the invoice carries GST on both lines (total 45.54, not FreshBooks' 41.94); the payments then move it Draft → PartiallyPaid → Paid as on every provider (Xero approves the draft before the first payment).")]
    public override async Task CreateAsync_Payments_MoveInvoiceThroughPartiallyPaidToPaid()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with { Lines = [Samples.Line("Design", 1m, 20m, Gst), Samples.Line("Hosting", 2m, 12m, Gst)], DiscountPercent = 10m },
            Cancellation);
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);

        await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 20m), Cancellation);
        var partly = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 25.54m), Cancellation);
        var paid = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal((InvoiceStatus.PartiallyPaid, Samples.Usd(20m), Samples.Usd(25.54m)), (partly.Status, partly.AmountPaid, partly.AmountDue));
        Assert.Equal((InvoiceStatus.Paid, Samples.Usd(45.54m), Samples.Usd(0m), Samples.Usd(45.54m)), (paid.Status, paid.AmountPaid, paid.AmountDue, paid.Total));
    }

    [Fact]
    [ConformanceDeviation("Xero takes payments only on approved invoices (the adapter approves a draft before paying it) and never un-approves one: deleting the only payment leaves the invoice approved and unpaid (Sent), not Draft.")]
    public override async Task DeleteAsync_OnlyPayment_ReturnsInvoiceToDraft()
    {
        var contactId = (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 80m), Cancellation);
        var payment = await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 30m), Cancellation);

        await Ledger.Payments.DeleteAsync(payment.Id, Cancellation);
        var after = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal((InvoiceStatus.Sent, "AUTHORISED"), (after.Status, after.ProviderStatus));
        Assert.Equal((Samples.Usd(0m), Samples.Usd(80m)), (after.AmountPaid, after.AmountDue));
    }
}

public sealed class XeroSuiteCompletenessTests : ConformanceSuiteCompletenessTests;
