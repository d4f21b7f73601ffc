using Ledgerline.ConformanceTests;

namespace Ledgerline.FreshBooks.ConformanceTests;

// The whole suite against the FreshBooks adapter over HTTP, the sandbox in-process.
public sealed class FreshBooksContactTests(FreshBooksConformanceFixture fixture) : ContactConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksInvoiceTests(FreshBooksConformanceFixture fixture) : InvoiceConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksPaymentTests(FreshBooksConformanceFixture fixture) : PaymentConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksExpenseTests(FreshBooksConformanceFixture fixture) : ExpenseConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksTimeEntryTests(FreshBooksConformanceFixture fixture) : TimeEntryConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksStateTests(FreshBooksConformanceFixture fixture) : RecordStateConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksPagingTests(FreshBooksConformanceFixture fixture) : PagingConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksQueryTests(FreshBooksConformanceFixture fixture) : QueryConformanceTests<FreshBooksConformanceFixture>(fixture)
{
    /// <summary>
    /// Time entries only: FreshBooks returns no update timestamp on a time entry (UpdatedAt is its created_at), so an
    /// update cannot move UpdatedAt. What still holds, and is asserted instead: FreshBooks' own <c>updated_since</c>
    /// finds exactly the entry changed after the instant given, and not the untouched one.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    [ConformanceDeviation("FreshBooks time entries carry no updated_at: UpdatedAt is created_at and does not move on update; UpdatedSince is filtered by FreshBooks' updated_since, which does see the update.")]
    public override async Task ListAsync_UpdatedSinceAfterUpdate_ReturnsTheUpdatedRecord(EntityKind entity)
    {
        if (entity != EntityKind.TimeEntry)
        {
            await base.ListAsync_UpdatedSinceAfterUpdate_ReturnsTheUpdatedRecord(entity);
            return;
        }

        var started = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);
        var changed = await Ledger.TimeEntries.CreateAsync(new NewTimeEntry { StartedAt = started, Duration = TimeSpan.FromHours(1), Note = "one" }, Cancellation);
        var untouched = await Ledger.TimeEntries.CreateAsync(new NewTimeEntry { StartedAt = started, Duration = TimeSpan.FromHours(2), Note = "two" }, Cancellation);
        await AdvanceClockAsync();
        var since = Fixture.Sandbox.Clock.GetUtcNow();
        since = since.AddTicks(-(since.UtcTicks % TimeSpan.TicksPerSecond));

        await Ledger.TimeEntries.UpdateAsync(changed.Id, new TimeEntryChanges { Note = "three" }, Cancellation);
        var listed = await ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { UpdatedSince = since }, Cancellation));

        AssertSameIds([changed.Id], listed);
        Assert.NotEqual(changed.Id, untouched.Id);
    }
}

public sealed class FreshBooksTotalsTests(FreshBooksConformanceFixture fixture) : TotalsConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksErrorTests(FreshBooksConformanceFixture fixture) : ErrorConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksConcurrencyTests(FreshBooksConformanceFixture fixture) : ConcurrencyConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksRegistrationTests(FreshBooksConformanceFixture fixture) : RegistrationConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksSuiteCompletenessTests : ConformanceSuiteCompletenessTests;

public sealed class FreshBooksQueryOracleTests(FreshBooksConformanceFixture fixture) : QueryOracleConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksStoreMiddlewareTests(FreshBooksConformanceFixture fixture) : StoreMiddlewareConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksInvoiceLifecycleTests(FreshBooksConformanceFixture fixture) : InvoiceLifecycleConformanceTests<FreshBooksConformanceFixture>(fixture)
{
    /// <summary>
    /// The suite's invoice has no due date and an issue date in the past. FreshBooks stores a due date as an offset from
    /// the issue date (0 when none is given), so once the invoice is sent FreshBooks itself reports it overdue
    /// (<c>v3_status</c>). What is asserted instead: the draft is sent by the action and stays sent, read back as
    /// <see cref="InvoiceStatus.Overdue"/> exactly when its due date is before the sandbox's today (else
    /// <see cref="InvoiceStatus.Sent"/>), with the same total.
    /// </summary>
    [Fact]
    [ConformanceDeviation("FreshBooks due dates default to the issue date (due_offset_days 0), so a sent invoice issued in the past reads as Overdue, not Sent.")]
    public override async Task MarkAsSentAsync_Draft_BecomesSentAndStaysSent()
    {
        var contact = await Ledger.Contacts.CreateAsync(new NewContact { Organization = "Lifecycle Ltd.", Email = "lifecycle@example.com" }, Cancellation);
        var draft = await Ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id,
            Currency = CurrencyCode.USD,
            IssueDate = new DateOnly(2025, 3, 10),
            Lines = [new NewInvoiceLine { Name = "Consulting", Quantity = 1m, UnitPrice = new Money(100m, CurrencyCode.USD) }],
        }, Cancellation);
        Assert.Equal(InvoiceStatus.Draft, draft.Status);

        var sent = await Ledger.Invoices.MarkAsSentAsync(draft.Id, Cancellation);
        var again = await Ledger.Invoices.MarkAsSentAsync(draft.Id, Cancellation);
        var read = await Ledger.Invoices.GetAsync(draft.Id, Cancellation);

        var today = DateOnly.FromDateTime(Fixture.Sandbox.Clock.GetUtcNow().UtcDateTime);
        var expected = sent.DueDate is { } due && due < today.AddDays(-1) ? InvoiceStatus.Overdue : InvoiceStatus.Sent;
        Assert.All(new[] { sent, again, read }, i => Assert.Equal(expected, i.Status));
        Assert.Equal(draft.Total, sent.Total);
    }
}

public sealed class FreshBooksItemTests(FreshBooksConformanceFixture fixture) : ItemConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksTaxRateTests(FreshBooksConformanceFixture fixture) : TaxRateConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksEstimateTests(FreshBooksConformanceFixture fixture) : EstimateConformanceTests<FreshBooksConformanceFixture>(fixture)
{
    /// <summary>
    /// FreshBooks estimates have no expiry date (no <c>due_date</c> or other validity field). Rather than drop it, the
    /// adapter refuses an estimate that sets one, typed and before any request.
    /// </summary>
    [ConformanceDeviation("FreshBooks estimates have no expiry date: an ExpiryDate is refused before any request instead of being dropped.")]
    public override async Task CreateAsync_ExpiryDate_RoundTrips()
    {
        var contactId = await ContactAsync();

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Estimates.CreateAsync(Estimate(contactId) with { ExpiryDate = Day.AddDays(30) }, Cancellation));

        Assert.Equal(("ExpiryDate", "NotSupportedByProvider"), (Assert.Single(error.Errors).Field, error.Errors[0].Code));
    }

    /// <summary>
    /// FreshBooks reads an estimate as invoiced (status 6) only once an invoice made from it has been sent; the invoice a
    /// conversion creates is a draft, so the estimate stays accepted, already naming its invoice. What holds, and is
    /// asserted: acceptance, one invoice with the estimate's contact, lines, total and terms, the same invoice on a second
    /// conversion, and (when invoices can be marked sent) the estimate reading invoiced once its invoice is sent.
    /// </summary>
    [ConformanceDeviation("FreshBooks marks an estimate invoiced only once its invoice is sent: after converting, the estimate stays Accepted with InvoiceId set until the draft invoice is sent.")]
    public override async Task AcceptAsync_SentEstimate_IsAcceptedAndConvertsToAnInvoiceOnce()
    {
        var contactId = await ContactAsync();
        var estimate = await Ledger.Estimates.CreateAsync(
            Estimate(contactId) with { Lines = [Line("Design", 3m, 40m, new LineTax("GST", 5m))], Terms = "Net 30" }, Cancellation);
        Assert.Equal(EstimateStatus.Sent, (await Ledger.Estimates.MarkAsSentAsync(estimate.Id, Cancellation)).Status);

        var accepted = await Ledger.Estimates.AcceptAsync(estimate.Id, Cancellation);
        var invoice = await Ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);
        var again = await Ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation);
        var converted = await Ledger.Estimates.GetAsync(estimate.Id, Cancellation);

        Assert.Equal(EstimateStatus.Accepted, accepted.Status);
        Assert.Equal(contactId, invoice.ContactId);
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);
        Assert.Equal(estimate.Total, invoice.Total);
        Assert.Equal(estimate.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice)), invoice.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice)));
        Assert.Equal("Net 30", invoice.Terms);
        Assert.Equal(invoice.Id, again.Id);
        Assert.Equal(EstimateStatus.Accepted, converted.Status);
        Assert.Equal(invoice.Id, converted.InvoiceId);
        Assert.Single(await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = contactId }, Cancellation)));
        if (Capabilities.Supports(EntityKind.Invoice, StoreOperations.MarkSent))
        {
            await Ledger.Invoices.MarkAsSentAsync(invoice.Id, Cancellation);
            var invoiced = await Ledger.Estimates.GetAsync(estimate.Id, Cancellation);
            Assert.Equal(EstimateStatus.Invoiced, invoiced.Status);
            Assert.Equal(invoice.Id, invoiced.InvoiceId);
            Assert.Equal(invoice.Id, (await Ledger.Estimates.ConvertToInvoiceAsync(estimate.Id, Cancellation)).Id);
        }
    }

    // The shared suite's samples are internal to it; these are the same values.
    private static readonly DateOnly Day = new(2025, 3, 10);

    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    private static NewInvoiceLine Line(string name, decimal quantity, decimal unitPrice, params LineTax[] taxes) =>
        new() { Name = name, Quantity = quantity, UnitPrice = Usd(unitPrice), Taxes = taxes };

    private static NewEstimate Estimate(string contactId) => new()
    {
        ContactId = contactId,
        Currency = CurrencyCode.USD,
        IssueDate = Day,
        Lines = [Line("Proposal", 1m, 100m)],
    };

    private async Task<string> ContactAsync() =>
        (await Ledger.Contacts.CreateAsync(new NewContact { FirstName = "Ada", LastName = "Estimates", Email = "ada.estimates@example.com" }, Cancellation)).Id;
}

public sealed class FreshBooksCreditNoteTests(FreshBooksConformanceFixture fixture) : CreditNoteConformanceTests<FreshBooksConformanceFixture>(fixture);

public sealed class FreshBooksBillTests(FreshBooksConformanceFixture fixture) : BillConformanceTests<FreshBooksConformanceFixture>(fixture)
{
    /// <summary>
    /// FreshBooks computes a bill's status itself and reports an unpaid bill whose due date is before its today as
    /// <c>overdue</c>; the suite's bills are dated in the past. What is asserted instead: every total, and the status read
    /// as <see cref="BillStatus.Overdue"/> exactly when the due date is before the sandbox's today (else Open).
    /// </summary>
    [ConformanceDeviation("FreshBooks reports an unpaid bill past its due date as overdue: the suite's past-dated bill reads Overdue, not Open.")]
    public override async Task CreateAsync_TwoLinesWithTax_ComputesTotalsAndIsOpen()
    {
        var vendorId = (await Ledger.Vendors.CreateAsync(BillSamples.Vendor(1), Cancellation)).Id;
        var created = await Ledger.Bills.CreateAsync(
            BillSamples.Bill(vendorId) with
            {
                Number = "INV-991",
                Lines =
                [
                    new NewBillLine { Description = "Paper", Quantity = 3m, UnitPrice = BillSamples.Usd(12.50m), Taxes = [new LineTax("GST", 5m)] },
                    new NewBillLine { Description = "Toner", Quantity = 1m, UnitPrice = BillSamples.Usd(80m) },
                ],
            },
            Cancellation);

        Assert.Equal(vendorId, created.VendorId);
        Assert.Equal("INV-991", created.Number);
        Assert.Equal(UnpaidStatus(created), created.Status);
        Assert.Equal((BillSamples.Usd(117.50m), BillSamples.Usd(1.88m), BillSamples.Usd(119.38m), BillSamples.Usd(119.38m)),
            (created.Subtotal, created.Tax, created.Total, created.AmountDue));
        Assert.Equal(BillSamples.Day.AddDays(30), created.DueDate);
    }

    /// <summary>
    /// As above: the suite's bill is past its due date, so FreshBooks reopens it as <c>overdue</c>. What is asserted
    /// instead: the whole amount due again, with the status FreshBooks gives an unpaid bill on that due date.
    /// </summary>
    [Fact]
    [ConformanceDeviation("FreshBooks reports an unpaid bill past its due date as overdue: the suite's past-dated bill reopens as Overdue, not Open.")]
    public override async Task DeleteBillPaymentAsync_OnlyPayment_ReopensTheBill()
    {
        var vendorId = (await Ledger.Vendors.CreateAsync(BillSamples.Vendor(1), Cancellation)).Id;
        var bill = await Ledger.Bills.CreateAsync(BillSamples.Bill(vendorId, 30m), Cancellation);
        var payment = await Ledger.BillPayments.CreateAsync(BillSamples.BillPayment(bill.Id, 30m), Cancellation);
        Assert.Equal(BillStatus.Paid, (await Ledger.Bills.GetAsync(bill.Id, Cancellation)).Status);

        await Ledger.BillPayments.DeleteAsync(payment.Id, Cancellation);
        var reopened = await Ledger.Bills.GetAsync(bill.Id, Cancellation);

        Assert.Equal((UnpaidStatus(reopened), BillSamples.Usd(30m)), (reopened.Status, reopened.AmountDue));
    }

    private BillStatus UnpaidStatus(Bill bill)
    {
        var today = DateOnly.FromDateTime(Fixture.Sandbox.Clock.GetUtcNow().UtcDateTime);
        return bill.DueDate is { } due && due < today ? BillStatus.Overdue : BillStatus.Open;
    }
}

public sealed class FreshBooksProjectTests(FreshBooksConformanceFixture fixture) : ProjectConformanceTests<FreshBooksConformanceFixture>(fixture)
{
    /// <summary>
    /// FreshBooks' project <c>budget</c> is budgeted time in an undocumented unit, not money, so the canonical money Budget
    /// cannot be stored: a draft carrying one is refused before any request instead of being dropped. What is asserted
    /// instead: that refusal, then the suite's round trip of every other field (the same draft without Budget).
    /// </summary>
    [Fact]
    [ConformanceDeviation("FreshBooks budgets projects in time, not money: a money Budget is refused before any request; every other field round-trips.")]
    public override async Task CreateAsync_FixedPriceProjectForAContact_RoundTripsEveryField()
    {
        var draft = new NewProject
        {
            Name = "Website relaunch",
            Description = "Design and build.",
            DueDate = new DateOnly(2025, 5, 9),
            BillingMethod = ProjectBillingMethod.FixedPrice,
            FixedPrice = new Money(6000m, CurrencyCode.USD),
        };
        var contact = await Ledger.Contacts.CreateAsync(new NewContact { Organization = "Relaunch Ltd.", Email = "relaunch@example.com", Currency = CurrencyCode.USD }, Cancellation);
        var before = Fixture.RequestCount;

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            Ledger.Projects.CreateAsync(draft with { ContactId = contact.Id, Budget = new Money(5000m, CurrencyCode.USD) }, Cancellation));
        Assert.Contains(refused.Errors, e => e.Field == nameof(NewProject.Budget));
        Assert.Equal(before, Fixture.RequestCount);

        var created = await Ledger.Projects.CreateAsync(draft with { ContactId = contact.Id }, Cancellation);
        var read = await Ledger.Projects.GetAsync(created.Id, Cancellation);
        foreach (var project in new[] { created, read })
        {
            Assert.False(string.IsNullOrEmpty(project.Id));
            Assert.Equal((draft.Name, contact.Id, draft.Description, draft.DueDate), (project.Name, project.ContactId, project.Description, project.DueDate));
            Assert.Equal((ProjectBillingMethod.FixedPrice, draft.FixedPrice), (project.BillingMethod, project.FixedPrice));
            Assert.Null(project.Budget);
            Assert.False(project.IsComplete);
        }
    }
}

public sealed class FreshBooksCompanyTests(FreshBooksConformanceFixture fixture) : CompanyConformanceTests<FreshBooksConformanceFixture>(fixture);

/// <summary>The suite's vendor, bill and bill payment samples, for the FreshBooks bill deviations.</summary>
internal static class BillSamples
{
    public static DateOnly Day { get; } = new(2025, 3, 10);

    public static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    public static NewVendor Vendor(int n) => new() { Name = $"Supplier {n} Ltd", Email = $"billing{n}@supplier.example", Currency = CurrencyCode.USD };

    public static NewBill Bill(string vendorId, decimal total = 100m) => new()
    {
        VendorId = vendorId,
        Currency = CurrencyCode.USD,
        IssueDate = Day,
        DueDate = Day.AddDays(30),
        Lines = [new NewBillLine { Description = "Office supplies", Quantity = 1m, UnitPrice = Usd(total) }],
    };

    public static NewBillPayment BillPayment(string billId, decimal amount) => new()
    {
        BillId = billId, Amount = Usd(amount), Date = Day, Method = "Bank Transfer",
    };
}
