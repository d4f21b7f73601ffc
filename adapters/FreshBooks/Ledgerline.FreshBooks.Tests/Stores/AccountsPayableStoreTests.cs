using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>Vendors, bills and bill payments over loopback HTTP against the sandbox.</summary>
public sealed class AccountsPayableStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    private static readonly DateOnly Day = new(2025, 3, 10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Bills => "/accounting/account/" + fixture.Ledgers.AccountId + "/bills/bills";

    private string BillPayments => "/accounting/account/" + fixture.Ledgers.AccountId + "/bill_payments/bill_payments";

    /// <summary>A due date still ahead on the sandbox's clock, so an unpaid bill reads open rather than overdue.</summary>
    private DateOnly Ahead => DateOnly.FromDateTime(fixture.Ledgers.Sandbox.Clock.GetUtcNow().UtcDateTime).AddDays(60);

    private static NewBill Bill(string vendorId, decimal total = 100m) => new()
    {
        VendorId = vendorId,
        Currency = Usd,
        IssueDate = Day,
        DueDate = Day.AddDays(30),
        Number = "B-" + total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Lines = [new NewBillLine { Description = "Office supplies", Quantity = 2m, UnitPrice = new Money(total / 2m, Usd) }],
    };

    private async Task<(ILedger Ledger, Vendor Vendor)> OpenAsync(string name = "Paper Co.")
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(new NewVendor { Name = name, Currency = Usd }, Ct);
        return (ledger, vendor);
    }

    [Fact]
    public async Task Vendors_CreateUpdateArchiveDelete_RoundTripEveryField()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var draft = new NewVendor
        {
            Name = "Ink Supplies Ltd",
            FirstName = "Grace",
            LastName = "Hopper",
            Email = "ap@ink.example",
            Phone = "416-555-0100",
            Website = "https://ink.example",
            AccountNumber = "ACC-1",
            Address = new PostalAddress { Street = "1 King St W", City = "Toronto", Region = "Ontario", PostalCode = "M5V 2T6", Country = "Canada" },
            Currency = CurrencyCode.CAD,
            Notes = "Pays on the 15th.",
        };

        var created = await ledger.Vendors.CreateAsync(draft, Ct);
        var updated = await ledger.Vendors.UpdateAsync(created.Id, new VendorChanges { Phone = "416-555-0199", Address = new PostalAddress { City = "Ottawa" } }, Ct);
        var archived = await ledger.Vendors.ArchiveAsync(created.Id, Ct);
        await ledger.Vendors.DeleteAsync(created.Id, Ct);
        var deleted = await ledger.Vendors.GetAsync(created.Id, Ct);

        Assert.Equal((draft.Name, draft.FirstName, draft.LastName, draft.Email), (created.Name, created.FirstName, created.LastName, created.Email));
        Assert.Equal((draft.Phone, draft.Website, draft.AccountNumber, draft.Notes), (created.Phone, created.Website, created.AccountNumber, created.Notes));
        Assert.Equal((draft.Address, draft.Currency), (created.Address, created.Currency));
        Assert.Equal(("416-555-0199", new PostalAddress { City = "Ottawa" }, "Grace"), (updated.Phone, updated.Address, updated.FirstName));
        Assert.Equal(RecordState.Archived, archived.State);
        Assert.Equal(RecordState.Deleted, deleted.State);
    }

    [Fact]
    public async Task Vendors_NameContains_SentAsVendorNameLikeAndExact()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var wanted = await ledger.Vendors.CreateAsync(new NewVendor { Name = "Zebra Stationers" }, Ct);
        await ledger.Vendors.CreateAsync(new NewVendor { Name = "Other Supplies" }, Ct);

        var listed = await ledger.Vendors.ListAsync(new VendorQuery { NameContains = "zebra" }, Ct).ToListAsync(Ct);

        Assert.Equal([wanted.Id], listed.Select(v => v.Id));
        Assert.Contains(fixture.Ledgers.RequestsTo("/accounting/account/" + fixture.Ledgers.AccountId + "/bill_vendors/bill_vendors"),
            r => r.Query.Contains("vendor_name_like", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bills_Create_DueOffsetDefaultCategoryAndProviderTotals()
    {
        var (ledger, vendor) = await OpenAsync();

        var created = await ledger.Bills.CreateAsync(Bill(vendor.Id, 100m) with
        {
            Lines = [new NewBillLine { Description = "Paper", Quantity = 3m, UnitPrice = new Money(12.50m, Usd), Taxes = [new LineTax("GST", 5m)] }],
        }, Ct);
        var read = await ledger.Bills.GetAsync(created.Id, Ct);

        Assert.Equal((vendor.Id, "B-100", Day, Day.AddDays(30)), (created.VendorId, created.Number, created.IssueDate, created.DueDate));
        Assert.Equal((new Money(37.50m, Usd), new Money(1.88m, Usd), new Money(39.38m, Usd)), (created.Subtotal, created.Tax, created.Total));
        Assert.Equal((new Money(0m, Usd), new Money(39.38m, Usd)), (created.AmountPaid, created.AmountDue));
        Assert.NotNull(created.Lines[0].CategoryId);
        Assert.Equal([new LineTax("GST", 5m)], read.Lines[0].Taxes);
        Assert.Contains(created.ProviderStatus, new[] { "unpaid", "overdue" });
    }

    [Fact]
    public async Task Bills_UpdateNumberAndDueDate_SendsTheOffsetFromTheCurrentIssueDate()
    {
        var (ledger, vendor) = await OpenAsync();
        var created = await ledger.Bills.CreateAsync(Bill(vendor.Id), Ct);

        var updated = await ledger.Bills.UpdateAsync(created.Id, new BillChanges { Number = "B-NEW", DueDate = Day.AddDays(45) }, Ct);
        var relined = await ledger.Bills.UpdateAsync(created.Id, new BillChanges
        {
            Lines = [new NewBillLine { Description = "Toner", Quantity = 1m, UnitPrice = new Money(80m, Usd) }],
        }, Ct);

        Assert.Equal(("B-NEW", Day, Day.AddDays(45)), (updated.Number, updated.IssueDate, updated.DueDate));
        Assert.Equal((new Money(80m, Usd), "Toner"), (relined.Total, Assert.Single(relined.Lines).Description));
    }

    [Fact]
    public async Task Bills_Notes_RefusedBeforeAnyRequest()
    {
        var (ledger, vendor) = await OpenAsync();
        var before = fixture.Ledgers.RequestsTo(Bills).Count;

        var create = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(Bill(vendor.Id) with { Notes = "n" }, Ct));
        var update = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.UpdateAsync("1", new BillChanges { Notes = "n" }, Ct));

        Assert.Equal(("Notes", "NotSupportedByProvider"), (Assert.Single(create.Errors).Field, create.Errors[0].Code));
        Assert.Equal("Notes", Assert.Single(update.Errors).Field);
        Assert.Equal(before, fixture.Ledgers.RequestsTo(Bills).Count);
    }

    [Fact]
    public async Task Bills_UnknownOrNonNumericVendor_IsAMissingVendor()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var unknown = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Bills.CreateAsync(Bill("999999"), Ct));
        var junk = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Bills.CreateAsync(Bill("abc"), Ct));

        Assert.Equal((EntityKind.Vendor, EntityKind.Vendor), (unknown.Entity, junk.Entity));
    }

    [Fact]
    public async Task Bills_ArchiveAndDelete_AsVisState()
    {
        var (ledger, vendor) = await OpenAsync();
        var bill = await ledger.Bills.CreateAsync(Bill(vendor.Id), Ct);

        var archived = await ledger.Bills.ArchiveAsync(bill.Id, Ct);
        var restored = await ledger.Bills.RestoreAsync(bill.Id, Ct);
        await ledger.Bills.DeleteAsync(bill.Id, Ct);

        Assert.Equal((RecordState.Archived, RecordState.Active), (archived.State, restored.State));
        Assert.Equal(RecordState.Deleted, (await ledger.Bills.GetAsync(bill.Id, Ct)).State);
        Assert.Equal(bill.Id, Assert.Single(await ledger.Bills.ListAsync(new BillQuery { VendorId = vendor.Id, States = RecordStates.Deleted }, Ct).ToListAsync(Ct)).Id);
    }

    [Fact]
    public async Task Bills_Filters_VendorIssueDateDueDateAndStatus()
    {
        var (ledger, vendor) = await OpenAsync("Filter Vendor");
        var early = await ledger.Bills.CreateAsync(Bill(vendor.Id, 10m) with { IssueDate = Day.AddDays(-20), DueDate = Day.AddDays(-10) }, Ct);
        var late = await ledger.Bills.CreateAsync(Bill(vendor.Id, 20m), Ct);
        var before = fixture.Ledgers.RequestsTo(Bills).Count;

        var byIssue = await ledger.Bills.ListAsync(new BillQuery { VendorId = vendor.Id, IssueDate = new DateRange(Day.AddDays(-25), Day.AddDays(-15)) }, Ct).ToListAsync(Ct);
        var byDue = await ledger.Bills.ListAsync(new BillQuery { VendorId = vendor.Id, DueDate = new DateRange(Day, null) }, Ct).ToListAsync(Ct);
        var unpaid = await ledger.Bills.ListAsync(BillQuery.Unpaid() with { VendorId = vendor.Id }, Ct).ToListAsync(Ct);

        Assert.Equal([early.Id], byIssue.Select(b => b.Id));
        Assert.Equal([late.Id], byDue.Select(b => b.Id));
        Assert.Equal(new[] { early.Id, late.Id }.Order(StringComparer.Ordinal), unpaid.Select(b => b.Id).Order(StringComparer.Ordinal));
        var queries = fixture.Ledgers.RequestsTo(Bills).Skip(before).Select(r => r.Query).ToList();
        Assert.Contains(queries, q => q.Contains("issue_date_min", StringComparison.Ordinal) && q.Contains("vendorid", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("due_date_min", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BillPayments_PayInTwoParts_BillPaidAndPaymentsReadWithoutAnInventedTimestamp()
    {
        var (ledger, vendor) = await OpenAsync("Pay Vendor");
        var bill = await ledger.Bills.CreateAsync(Bill(vendor.Id, 100m) with { DueDate = Ahead }, Ct);

        var first = await ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = new Money(40m, Usd), Date = Day, Method = "Check", Note = "First part" }, Ct);
        var partly = await ledger.Bills.GetAsync(bill.Id, Ct);
        var second = await ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = new Money(60m, Usd), Date = Day.AddDays(1), Method = "Bank Transfer" }, Ct);
        var paid = await ledger.Bills.GetAsync(bill.Id, Ct);
        var read = await ledger.BillPayments.GetAsync(first.Id, Ct);

        Assert.Equal((bill.Id, new Money(40m, Usd), Day, "Check", "First part"), (first.BillId, first.Amount, first.Date, first.Method, first.Note));
        Assert.Equal((BillStatus.PartiallyPaid, new Money(60m, Usd)), (partly.Status, partly.AmountDue));
        Assert.Equal((BillStatus.Paid, new Money(0m, Usd), new Money(100m, Usd)), (paid.Status, paid.AmountDue, paid.AmountPaid));
        Assert.Equal(first with { RawRepresentation = null }, read with { RawRepresentation = null });
        Assert.All([first, second, read], p => Assert.Null(p.UpdatedAt));
        Assert.Equal(RecordState.Active, read.State);
        Assert.False(ledger.Capabilities.For(EntityKind.BillPayment).Filters.Contains(nameof(RecordQuery.UpdatedSince)));
    }

    [Fact]
    public async Task BillPayments_MoreThanDueOrAnotherCurrency_RefusedBeforeAnyWrite()
    {
        var (ledger, vendor) = await OpenAsync("Limit Vendor");
        var bill = await ledger.Bills.CreateAsync(Bill(vendor.Id, 50m), Ct);
        var before = fixture.Ledgers.RequestsTo(BillPayments).Count;

        var over = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = new Money(50.01m, Usd), Date = Day }, Ct));
        var euros = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = bill.Id, Amount = new Money(10m, CurrencyCode.EUR), Date = Day }, Ct));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.BillPayments.CreateAsync(
            new NewBillPayment { BillId = "999999", Amount = new Money(10m, Usd), Date = Day }, Ct));

        var overError = Assert.Single(over.Errors);
        Assert.Equal(("Amount", "PaymentExceedsAmountDue"), (overError.Field, overError.Code));
        Assert.Contains("due on bill " + bill.Id, overError.Message, StringComparison.Ordinal);
        Assert.Equal(("Amount", "CurrencyMismatch"), (Assert.Single(euros.Errors).Field, Assert.Single(euros.Errors).Code));
        Assert.Equal(EntityKind.Bill, missing.Entity);
        Assert.Equal(before, fixture.Ledgers.RequestsTo(BillPayments).Count);
    }

    [Fact]
    public async Task BillPayments_UpdateDeleteAndFilters()
    {
        var (ledger, vendor) = await OpenAsync("Change Vendor");
        var bill = await ledger.Bills.CreateAsync(Bill(vendor.Id, 80m) with { DueDate = Ahead }, Ct);
        var other = await ledger.Bills.CreateAsync(Bill(vendor.Id, 30m), Ct);
        var payment = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = new Money(30m, Usd), Date = Day }, Ct);
        var elsewhere = await ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = other.Id, Amount = new Money(30m, Usd), Date = Day.AddDays(5) }, Ct);

        // Up to the whole bill: the 50.00 still due plus the 30.00 this payment already covers.
        var raised = await ledger.BillPayments.UpdateAsync(payment.Id, new BillPaymentChanges { Amount = new Money(80m, Usd), Note = "All of it" }, Ct);
        await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.BillPayments.UpdateAsync(payment.Id, new BillPaymentChanges { Amount = new Money(80.01m, Usd) }, Ct));
        var byBill = await ledger.BillPayments.ListAsync(new BillPaymentQuery { BillId = bill.Id }, Ct).ToListAsync(Ct);
        var byDate = await ledger.BillPayments.ListAsync(new BillPaymentQuery { BillId = other.Id, Date = new DateRange(Day.AddDays(4), Day.AddDays(6)) }, Ct).ToListAsync(Ct);
        await ledger.BillPayments.DeleteAsync(payment.Id, Ct);
        var deleted = await ledger.BillPayments.GetAsync(payment.Id, Ct);
        var reopened = await ledger.Bills.GetAsync(bill.Id, Ct);

        Assert.Equal((new Money(80m, Usd), "All of it"), (raised.Amount, raised.Note));
        Assert.Equal([payment.Id], byBill.Select(p => p.Id));
        Assert.Equal([elsewhere.Id], byDate.Select(p => p.Id));
        Assert.Contains(fixture.Ledgers.RequestsTo(BillPayments), r => r.Query.Contains("search%5Bbillid%5D=" + other.Id, StringComparison.Ordinal) || r.Query.Contains("search[billid]=" + other.Id, StringComparison.Ordinal));
        Assert.Equal(RecordState.Deleted, deleted.State);
        Assert.Equal((BillStatus.Open, new Money(80m, Usd)), (reopened.Status, reopened.AmountDue));
    }
}
