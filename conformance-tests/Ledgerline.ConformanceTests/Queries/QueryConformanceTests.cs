namespace Ledgerline.ConformanceTests;

/// <summary>Typed filters: UpdatedSince (exact), contact, status and date ranges.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Queries")]
public abstract class QueryConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListAsync_UpdatedSince_ReturnsOnlyRecordsChangedSince(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await UpdatedSinceSupportedOrRefusedAsync(kit))
        {
            return;
        }

        RequireSamples(kit);
        var older = await kit.CreateAsync(1, Cancellation);
        await AdvanceClockAsync();
        var newer = await kit.CreateAsync(2, Cancellation);
        Assert.True(newer.UpdatedAt > older.UpdatedAt, "The later record must have a later UpdatedAt once the clock has moved.");

        var sinceNewer = await ToListAsync(kit.ListAsync(new ListShape { UpdatedSince = newer.UpdatedAt }, Cancellation));
        var sinceOlder = await ToListAsync(kit.ListAsync(new ListShape { UpdatedSince = older.UpdatedAt }, Cancellation));

        AssertSameIds([newer.Id], sinceNewer);
        AssertSameIds([older.Id, newer.Id], sinceOlder);
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListAsync_UpdatedSinceJustAfterRecord_ExcludesItExactly(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await UpdatedSinceSupportedOrRefusedAsync(kit))
        {
            return;
        }

        RequireSamples(kit);
        var older = await kit.CreateAsync(1, Cancellation);
        await AdvanceClockAsync();
        var newer = await kit.CreateAsync(2, Cancellation);

        // One tick after the first record: a provider that compares at a coarser granularity would still return it.
        Assert.NotNull(older.UpdatedAt);
        var listed = await ToListAsync(kit.ListAsync(new ListShape { UpdatedSince = older.UpdatedAt.Value.AddTicks(1) }, Cancellation));
        var page = await kit.ListPageAsync(new ListShape { UpdatedSince = older.UpdatedAt.Value.AddTicks(1) }, null, Cancellation);

        AssertSameIds([newer.Id], listed);
        AssertSameIds([newer.Id], page.Items);
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListAsync_UpdatedSinceAfterUpdate_ReturnsTheUpdatedRecord(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await UpdatedSinceSupportedOrRefusedAsync(kit))
        {
            return;
        }

        RequireSamples(kit);
        RequireForSetup(entity, StoreOperations.Update);
        var changed = await kit.CreateAsync(1, Cancellation);
        var untouched = await kit.CreateAsync(2, Cancellation);
        await AdvanceClockAsync();

        var updated = await kit.TouchAsync(changed.Id, 3, Cancellation);

        Assert.True(updated.UpdatedAt > untouched.UpdatedAt, "An update must move UpdatedAt forward.");
        AssertSameIds([changed.Id], await ToListAsync(kit.ListAsync(new ListShape { UpdatedSince = updated.UpdatedAt }, Cancellation)));
    }

    [Fact]
    public virtual async Task ListAsync_InvoicesByContact_ReturnsOnlyThatContactsInvoices()
    {
        var query = new InvoiceQuery { ContactId = MissingId };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Invoice, nameof(InvoiceQuery.ContactId), () => ToListAsync(Ledger.Invoices.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        var ada = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var bob = await Ledger.Contacts.CreateAsync(Samples.Contact(2), Cancellation);
        var adas = new[]
        {
            await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 10m), Cancellation),
            await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 20m), Cancellation),
        };
        await Ledger.Invoices.CreateAsync(Samples.Invoice(bob.Id, 30m), Cancellation);

        var listed = await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { ContactId = ada.Id }, Cancellation));

        AssertSameIds(adas.Select(i => i.Id), listed);
        Assert.All(listed, i => Assert.Equal(ada.Id, i.ContactId));
    }

    [Fact]
    public virtual async Task ListAsync_InvoicesByStatus_SeparatesPaidFromUnpaid()
    {
        var query = InvoiceQuery.Unpaid();
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Invoice, nameof(InvoiceQuery.Statuses), () => ToListAsync(Ledger.Invoices.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var paid = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 50m), Cancellation);
        var draft = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 60m), Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(paid.Id, 50m), Cancellation);

        var paidOnes = await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Paid } }, Cancellation));
        var unpaidOnes = await ToListAsync(Ledger.Invoices.ListAsync(InvoiceQuery.Unpaid(), Cancellation));
        var drafts = await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Draft } }, Cancellation));

        AssertSameIds([paid.Id], paidOnes);
        AssertSameIds([draft.Id], unpaidOnes);
        AssertSameIds([draft.Id], drafts);
    }

    [Fact]
    public virtual async Task ListAsync_InvoicesByIssueDate_IncludesBothEnds()
    {
        var range = new DateRange(Samples.Day.AddDays(5), Samples.Day.AddDays(10));
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Invoice, nameof(InvoiceQuery.IssueDate),
            () => ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { IssueDate = range }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var invoices = new List<Invoice>();
        foreach (var offset in new[] { 4, 5, 7, 10, 11 })
        {
            invoices.Add(await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 10m + offset, Samples.Day.AddDays(offset)), Cancellation));
        }

        var inRange = await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { IssueDate = range }, Cancellation));
        var fromOnly = await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { IssueDate = new DateRange(Samples.Day.AddDays(10), null) }, Cancellation));
        var toOnly = await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { IssueDate = new DateRange(null, Samples.Day.AddDays(4)) }, Cancellation));

        AssertSameIds(invoices.Skip(1).Take(3).Select(i => i.Id), inRange);
        AssertSameIds(invoices.Skip(3).Select(i => i.Id), fromOnly);
        AssertSameIds([invoices[0].Id], toOnly);
    }

    [Fact]
    public virtual async Task ListAsync_InvoicesByDueDate_ReturnsThoseDueInRange()
    {
        var range = new DateRange(Samples.Day.AddDays(30), Samples.Day.AddDays(30));
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Invoice, nameof(InvoiceQuery.DueDate),
            () => ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { DueDate = range }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var due30 = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id) with { DueDate = Samples.Day.AddDays(30) }, Cancellation);
        await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id) with { DueDate = Samples.Day.AddDays(31) }, Cancellation);
        await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id), Cancellation);

        AssertSameIds([due30.Id], await ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { DueDate = range }, Cancellation)));
    }

    [Fact]
    public virtual async Task ListAsync_InvoicesByContactAndIssueDate_AppliesBoth()
    {
        var query = new InvoiceQuery { ContactId = MissingId, IssueDate = new DateRange(Samples.Day, Samples.Day) };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Invoice, nameof(InvoiceQuery.ContactId), () => ToListAsync(Ledger.Invoices.ListAsync(query, Cancellation)))
            || !await FilterSupportedOrRefusedAsync(EntityKind.Invoice, nameof(InvoiceQuery.IssueDate), () => ToListAsync(Ledger.Invoices.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        var ada = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var bob = await Ledger.Contacts.CreateAsync(Samples.Contact(2), Cancellation);
        var match = await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 10m, Samples.Day), Cancellation);
        await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 11m, Samples.Day.AddDays(1)), Cancellation);
        await Ledger.Invoices.CreateAsync(Samples.Invoice(bob.Id, 12m, Samples.Day), Cancellation);

        var listed = await ToListAsync(Ledger.Invoices.ListAsync(query with { ContactId = ada.Id }, Cancellation));

        AssertSameIds([match.Id], listed);
    }

    [Fact]
    public virtual async Task ListAsync_ExpensesByDate_IncludesBothEnds()
    {
        var range = new DateRange(Samples.Day.AddDays(1), Samples.Day.AddDays(2));
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Expense, nameof(ExpenseQuery.Date),
            () => ToListAsync(Ledger.Expenses.ListAsync(new ExpenseQuery { Date = range }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Expense, StoreOperations.Create);
        var expenses = new List<Expense>();
        for (var offset = 0; offset <= 3; offset++)
        {
            expenses.Add(await Ledger.Expenses.CreateAsync(Samples.Expense(offset, Samples.Day.AddDays(offset)), Cancellation));
        }

        var listed = await ToListAsync(Ledger.Expenses.ListAsync(new ExpenseQuery { Date = range }, Cancellation));

        AssertSameIds([expenses[1].Id, expenses[2].Id], listed);
    }

    [Fact]
    public virtual async Task ListAsync_ExpensesByContact_ReturnsOnlyThatContactsExpenses()
    {
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Expense, nameof(ExpenseQuery.ContactId),
            () => ToListAsync(Ledger.Expenses.ListAsync(new ExpenseQuery { ContactId = MissingId }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Expense, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var rebilled = await Ledger.Expenses.CreateAsync(Samples.Expense(1) with { ContactId = contact.Id }, Cancellation);
        await Ledger.Expenses.CreateAsync(Samples.Expense(2), Cancellation);

        var listed = await ToListAsync(Ledger.Expenses.ListAsync(new ExpenseQuery { ContactId = contact.Id }, Cancellation));

        AssertSameIds([rebilled.Id], listed);
    }

    [Fact]
    public virtual async Task ListAsync_PaymentsByDate_IncludesBothEnds()
    {
        var range = new DateRange(Samples.Day.AddDays(1), Samples.Day.AddDays(2));
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Payment, nameof(PaymentQuery.Date),
            () => ToListAsync(Ledger.Payments.ListAsync(new PaymentQuery { Date = range }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contact.Id, 100m), Cancellation);
        var payments = new List<Payment>();
        for (var offset = 0; offset <= 3; offset++)
        {
            payments.Add(await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 5m, Samples.Day.AddDays(offset)), Cancellation));
        }

        var listed = await ToListAsync(Ledger.Payments.ListAsync(new PaymentQuery { Date = range }, Cancellation));

        AssertSameIds([payments[1].Id, payments[2].Id], listed);
    }

    [Fact]
    public virtual async Task ListAsync_TimeEntriesByStart_IncludesBothEnds()
    {
        var query = new TimeEntryQuery { StartedFrom = Samples.Morning.AddHours(1), StartedTo = Samples.Morning.AddHours(2) };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.TimeEntry, nameof(TimeEntryQuery.StartedFrom), () => ToListAsync(Ledger.TimeEntries.ListAsync(query, Cancellation)))
            || !await FilterSupportedOrRefusedAsync(EntityKind.TimeEntry, nameof(TimeEntryQuery.StartedTo), () => ToListAsync(Ledger.TimeEntries.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Create);
        var entries = new List<TimeEntry>();
        for (var hour = 0; hour <= 3; hour++)
        {
            entries.Add(await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(hour, Samples.Morning.AddHours(hour))), Cancellation));
        }

        var listed = await ToListAsync(Ledger.TimeEntries.ListAsync(query, Cancellation));

        AssertSameIds([entries[1].Id, entries[2].Id], listed);
    }

    [Fact]
    public virtual async Task ListAsync_TimeEntriesByContact_ReturnsOnlyThatContactsEntries()
    {
        if (!await FilterSupportedOrRefusedAsync(EntityKind.TimeEntry, nameof(TimeEntryQuery.ContactId),
            () => ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { ContactId = MissingId }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Create);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var forContact = await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(1) with { ContactId = contact.Id }), Cancellation);
        await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(2)), Cancellation);

        var listed = await ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { ContactId = contact.Id }, Cancellation));

        AssertSameIds([forContact.Id], listed);
    }

    [Fact]
    public virtual async Task ListAsync_TimeEntriesByBillable_SeparatesBillableTime()
    {
        if (!await FilterSupportedOrRefusedAsync(EntityKind.TimeEntry, nameof(TimeEntryQuery.Billable),
            () => ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { Billable = true }, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Create);
        var billable = await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(1) with { Billable = true }), Cancellation);
        var internalWork = await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(2) with { Billable = false }), Cancellation);

        AssertSameIds([billable.Id], await ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { Billable = true }, Cancellation)));
        AssertSameIds([internalWork.Id], await ToListAsync(Ledger.TimeEntries.ListAsync(new TimeEntryQuery { Billable = false }, Cancellation)));
    }

    private async Task<bool> UpdatedSinceSupportedOrRefusedAsync(RecordKit kit)
    {
        var probe = new ListShape { UpdatedSince = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        return await SupportedOrRefusedAsync(kit.Entity, StoreOperations.List, () => ToListAsync(kit.ListAsync(probe, Cancellation)))
            && await FilterSupportedOrRefusedAsync(kit.Entity, nameof(RecordQuery.UpdatedSince), () => ToListAsync(kit.ListAsync(probe, Cancellation)));
    }
}
