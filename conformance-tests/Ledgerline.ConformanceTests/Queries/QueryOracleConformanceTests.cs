namespace Ledgerline.ConformanceTests;

/// <summary>
/// Every typed query compared with its own definition: for a small set of records, listing with a query must return
/// exactly the records <see cref="RecordQuery{TRecord}.Matches"/> accepts (as EF Core's specification tests compare a
/// provider with the expected in-memory result). A query with a filter the provider does not support must be refused
/// before any request instead.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Query oracle")]
public abstract class QueryOracleConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    private static readonly DateOnly FarDue = new(2099, 6, 30);

    [Fact]
    public virtual async Task ContactQueries_ReturnExactlyWhatMatchesAccepts()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.List);
        var acme = await Ledger.Contacts.CreateAsync(Samples.Contact(1) with { Organization = "Acme Widgets" }, Cancellation);
        await Ledger.Contacts.CreateAsync(Samples.Contact(2) with { Organization = "Globex" }, Cancellation);
        await AdvanceClockAsync();
        var late = await Ledger.Contacts.CreateAsync(Samples.Contact(3), Cancellation);

        var everything = await SnapshotAsync(EntityKind.Contact, states => Ledger.Contacts.ListAsync(new ContactQuery { States = states }, Cancellation));
        ContactQuery[] queries =
        [
            new() { Email = acme.Email!.ToUpperInvariant() },
            new() { Email = "nobody@example.com" },
            new() { OrganizationContains = "widget" },
            new() { OrganizationContains = "Glob", Email = acme.Email },
            new() { UpdatedSince = late.UpdatedAt },
        ];

        foreach (var query in queries)
        {
            await AssertOracleAsync(EntityKind.Contact, query, everything, q => Ledger.Contacts.ListAsync(q, Cancellation));
        }
    }

    [Fact]
    public virtual async Task InvoiceQueries_ReturnExactlyWhatMatchesAccepts()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.List);
        var ada = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var bob = await Ledger.Contacts.CreateAsync(Samples.Contact(2), Cancellation);
        await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 10m), Cancellation);
        await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 20m, Samples.Day.AddDays(5)) with { DueDate = FarDue }, Cancellation);
        var third = await Ledger.Invoices.CreateAsync(Samples.Invoice(bob.Id, 30m, Samples.Day.AddDays(10)), Cancellation);
        await AdvanceClockAsync();
        var paid = await Ledger.Invoices.CreateAsync(Samples.Invoice(bob.Id, 40m, Samples.Day.AddDays(20)), Cancellation);
        if (Capabilities.Supports(EntityKind.Payment, StoreOperations.Create))
        {
            await Ledger.Payments.CreateAsync(Samples.Payment(paid.Id, 40m), Cancellation);
        }

        if (Capabilities.Supports(EntityKind.Invoice, StoreOperations.Archive))
        {
            await Ledger.Invoices.ArchiveAsync(third.Id, Cancellation);
        }

        var everything = await SnapshotAsync(EntityKind.Invoice, states => Ledger.Invoices.ListAsync(new InvoiceQuery { States = states }, Cancellation));
        var middle = everything.Single(i => i.Id == paid.Id).UpdatedAt;
        InvoiceQuery[] queries =
        [
            new() { ContactId = ada.Id },
            new() { ContactId = ConformanceIds.Missing },
            new() { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Paid } },
            InvoiceQuery.Unpaid(),
            new() { IssueDate = new DateRange(Samples.Day.AddDays(1), Samples.Day.AddDays(15)) },
            new() { IssueDate = new DateRange(null, Samples.Day) },
            new() { ContactId = bob.Id, IssueDate = new DateRange(Samples.Day.AddDays(15), null) },
            new() { DueDate = new DateRange(FarDue, FarDue) },
            new() { States = RecordStates.Archived },
            new() { States = RecordStates.All, ContactId = bob.Id },
            new() { UpdatedSince = middle },
        ];

        foreach (var query in queries)
        {
            await AssertOracleAsync(EntityKind.Invoice, query, everything, q => Ledger.Invoices.ListAsync(q, Cancellation));
        }

        // An empty status set would select nothing: every provider refuses it as invalid input, before any request.
        await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => ToListAsync(Ledger.Invoices.ListAsync(new InvoiceQuery { Statuses = new HashSet<InvoiceStatus>() }, Cancellation)));
    }

    [Fact]
    public virtual async Task PaymentQueries_ReturnExactlyWhatMatchesAccepts()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create);
        RequireForSetup(EntityKind.Payment, StoreOperations.Create | StoreOperations.List);
        var ada = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        var bob = await Ledger.Contacts.CreateAsync(Samples.Contact(2), Cancellation);
        var adas = await Ledger.Invoices.CreateAsync(Samples.Invoice(ada.Id, 100m), Cancellation);
        var bobs = await Ledger.Invoices.CreateAsync(Samples.Invoice(bob.Id, 100m), Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(adas.Id, 10m), Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(adas.Id, 20m, Samples.Day.AddDays(3)), Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(bobs.Id, 30m, Samples.Day.AddDays(7)), Cancellation);

        var everything = await SnapshotAsync(EntityKind.Payment, states => Ledger.Payments.ListAsync(new PaymentQuery { States = states }, Cancellation));
        PaymentQuery[] queries =
        [
            new() { InvoiceId = adas.Id },
            new() { ContactId = bob.Id },
            new() { Date = new DateRange(Samples.Day.AddDays(1), null) },
            new() { InvoiceId = adas.Id, Date = new DateRange(null, Samples.Day) },
        ];

        foreach (var query in queries)
        {
            await AssertOracleAsync(EntityKind.Payment, query, everything, q => Ledger.Payments.ListAsync(q, Cancellation));
        }
    }

    [Fact]
    public virtual async Task ExpenseQueries_ReturnExactlyWhatMatchesAccepts()
    {
        RequireForSetup(EntityKind.Expense, StoreOperations.Create | StoreOperations.List);
        await Ledger.Expenses.CreateAsync(Samples.Expense(1), Cancellation);
        await Ledger.Expenses.CreateAsync(Samples.Expense(2, Samples.Day.AddDays(4)), Cancellation);
        await Ledger.Expenses.CreateAsync(Samples.Expense(3, Samples.Day.AddDays(9)), Cancellation);

        var everything = await SnapshotAsync(EntityKind.Expense, states => Ledger.Expenses.ListAsync(new ExpenseQuery { States = states }, Cancellation));
        ExpenseQuery[] queries =
        [
            new() { Date = new DateRange(Samples.Day.AddDays(4), Samples.Day.AddDays(9)) },
            new() { Date = new DateRange(null, Samples.Day.AddDays(3)) },
            new() { ContactId = ConformanceIds.Missing },
        ];

        foreach (var query in queries)
        {
            await AssertOracleAsync(EntityKind.Expense, query, everything, q => Ledger.Expenses.ListAsync(q, Cancellation));
        }
    }

    [Fact]
    public virtual async Task TimeEntryQueries_ReturnExactlyWhatMatchesAccepts()
    {
        RequireForSetup(EntityKind.TimeEntry, StoreOperations.Create | StoreOperations.List);
        await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(1)), Cancellation);
        var second = await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(2) with { Billable = true }), Cancellation);
        await Ledger.TimeEntries.CreateAsync(await ForProviderAsync(Samples.TimeEntry(5)), Cancellation);

        var everything = await SnapshotAsync(EntityKind.TimeEntry, states => Ledger.TimeEntries.ListAsync(new TimeEntryQuery { States = states }, Cancellation));
        TimeEntryQuery[] queries =
        [
            new() { StartedFrom = second.StartedAt },
            new() { StartedTo = second.StartedAt.AddTicks(-1) },
            new() { StartedFrom = Samples.Morning.AddHours(2), StartedTo = Samples.Morning.AddHours(4) },
            new() { Billable = true },
            new() { Billable = false, StartedFrom = Samples.Morning.AddHours(3) },
        ];

        foreach (var query in queries)
        {
            await AssertOracleAsync(EntityKind.TimeEntry, query, everything, q => Ledger.TimeEntries.ListAsync(q, Cancellation));
        }
    }

    // Every record the ledger holds, in every state the provider can list.
    private async Task<List<TRecord>> SnapshotAsync<TRecord>(EntityKind entity, Func<RecordStates, IAsyncEnumerable<TRecord>> list) =>
        await ToListAsync(list(Capabilities.For(entity).QueryableStates));

    private async Task AssertOracleAsync<TRecord, TQuery>(
        EntityKind entity, TQuery query, IReadOnlyList<TRecord> everything, Func<TQuery, IAsyncEnumerable<TRecord>> list)
        where TRecord : LedgerRecord
        where TQuery : RecordQuery<TRecord>
    {
        if (!Supports(entity, query))
        {
            var refused = await AssertRefusedBeforeRequestAsync<OperationNotSupportedException>(() => ToListAsync(list(query)));
            Assert.Equal(entity, refused.Entity);
            NoteUnsupported($"{entity} query {Describe(query)}");
            return;
        }

        var expected = everything.Where(query.Matches).Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
        var actual = (await ToListAsync(list(query))).Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.True(
            expected.SequenceEqual(actual, StringComparer.Ordinal),
            $"{entity} query {Describe(query)}: Matches accepts [{string.Join(", ", expected)}] of [{string.Join(", ", everything.Select(r => r.Id))}], " +
            $"the provider listed [{string.Join(", ", actual)}].");
    }

    private bool Supports(EntityKind entity, RecordQuery query)
    {
        var store = Capabilities.For(entity);
        return (query.States & ~store.QueryableStates) == 0 &&
               query.GetAppliedFilters().All(f => f.Name == nameof(RecordQuery.States) || store.Filters.Contains(f.Name));
    }

    private static string Describe(RecordQuery query)
    {
        var filters = query.GetAppliedFilters();
        return filters.Count == 0 ? "(no filter)" : string.Join(", ", filters.Select(f => $"{f.Name}={f.Value}"));
    }
}
