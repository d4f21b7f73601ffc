namespace Ledgerline.ConformanceTests;

/// <summary>
/// Errors: a missing id is <see cref="RecordNotFoundException"/>; invalid input is <see cref="LedgerValidationException"/>
/// naming the fields, with nothing sent; an unsupported operation, filter or state is
/// <see cref="OperationNotSupportedException"/>, with nothing sent; cancellation is never wrapped.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Errors")]
public abstract class ErrorConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    private static readonly StoreOperations[] SingleOperations =
    [
        StoreOperations.Get, StoreOperations.List, StoreOperations.Create, StoreOperations.Update,
        StoreOperations.Archive, StoreOperations.Delete, StoreOperations.Restore,
    ];

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task GetAsync_MissingId_ThrowsNotFound(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Get, () => kit.GetAsync(MissingId, Cancellation)))
        {
            return;
        }

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => kit.GetAsync(MissingId, Cancellation));

        Assert.Equal(entity, missing.Entity);
        Assert.Equal(MissingId, missing.Id);
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task UpdateAsync_MissingId_ThrowsNotFound(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Update, () => kit.TouchAsync(MissingId, 1, Cancellation)))
        {
            return;
        }

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => kit.TouchAsync(MissingId, 1, Cancellation));

        Assert.Equal(entity, missing.Entity);
        Assert.Equal(MissingId, missing.Id);
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task StateChanges_MissingId_ThrowNotFound(EntityKind entity)
    {
        var kit = Kit(entity);
        var attempts = new (StoreOperations Operation, Func<Task> Attempt)[]
        {
            (StoreOperations.Archive, () => kit.ArchiveAsync(MissingId, Cancellation)),
            (StoreOperations.Delete, () => kit.DeleteAsync(MissingId, Cancellation)),
            (StoreOperations.Restore, () => kit.RestoreAsync(MissingId, Cancellation)),
        };

        foreach (var (operation, attempt) in attempts)
        {
            if (await SupportedOrRefusedAsync(entity, operation, attempt))
            {
                var missing = await Assert.ThrowsAsync<RecordNotFoundException>(attempt);
                Assert.Equal(entity, missing.Entity);
                Assert.Equal(MissingId, missing.Id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task GetAsync_BlankId_IsRejectedBeforeRequest(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Get, () => kit.GetAsync(" ", Cancellation)))
        {
            return;
        }

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => kit.GetAsync(" ", Cancellation));

        Assert.NotEmpty(refused.Errors);
    }

    [Theory]
    [InlineData(EntityKind.Invoice, "Lines[0].Name")]
    [InlineData(EntityKind.Invoice, "Lines[0].UnitPrice")]
    [InlineData(EntityKind.Invoice, "Lines[0].Id")]
    [InlineData(EntityKind.Invoice, "DueDate")]
    [InlineData(EntityKind.Invoice, "Lines")]
    [InlineData(EntityKind.Invoice, "Currency")]
    [InlineData(EntityKind.Invoice, "DiscountPercent")]
    [InlineData(EntityKind.Payment, "Amount")]
    [InlineData(EntityKind.Expense, "Amount")]
    [InlineData(EntityKind.TimeEntry, "Duration")]
    public virtual async Task CreateAsync_InvalidField_IsRejectedNamingTheFieldBeforeRequest(EntityKind entity, string field)
    {
        Func<Task> attempt = (entity, field) switch
        {
            (EntityKind.Invoice, "Lines[0].Name") => () => Ledger.Invoices.CreateAsync(
                Samples.Invoice(MissingId) with { Lines = [Samples.Line(" ", 1m, 10m)] }, Cancellation),
            (EntityKind.Invoice, "Lines[0].Id") => () => Ledger.Invoices.CreateAsync(
                Samples.Invoice(MissingId) with { Lines = [Samples.Line("Item", 1m, 10m) with { Id = "1" }] }, Cancellation),
            (EntityKind.Invoice, "Lines[0].UnitPrice") => () => Ledger.Invoices.CreateAsync(
                Samples.Invoice(MissingId) with { Lines = [new NewInvoiceLine { Name = "Item", Quantity = 1m, UnitPrice = new Money(5m, CurrencyCode.EUR) }] }, Cancellation),
            (EntityKind.Invoice, "DueDate") => () => Ledger.Invoices.CreateAsync(
                Samples.Invoice(MissingId) with { DueDate = Samples.Day.AddDays(-1) }, Cancellation),
            (EntityKind.Invoice, "Lines") => () => Ledger.Invoices.CreateAsync(Samples.Invoice(MissingId) with { Lines = [] }, Cancellation),
            (EntityKind.Invoice, "Currency") => () => Ledger.Invoices.CreateAsync(Samples.Invoice(MissingId) with { Currency = default }, Cancellation),
            (EntityKind.Invoice, "DiscountPercent") => () => Ledger.Invoices.CreateAsync(Samples.Invoice(MissingId) with { DiscountPercent = 101m }, Cancellation),
            (EntityKind.Payment, _) => () => Ledger.Payments.CreateAsync(Samples.Payment(MissingId, 0m), Cancellation),
            (EntityKind.Expense, _) => () => Ledger.Expenses.CreateAsync(Samples.Expense(1) with { Amount = Samples.Usd(-5m) }, Cancellation),
            (EntityKind.TimeEntry, _) => () => Ledger.TimeEntries.CreateAsync(Samples.TimeEntry(1) with { Duration = TimeSpan.Zero }, Cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No invalid sample for this case."),
        };
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.Create, attempt))
        {
            return;
        }

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(attempt);

        Assert.Contains(refused.Errors, e => e.Field == field);
        Assert.All(refused.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public virtual async Task CreateAsync_ContactWithoutNameOrEmail_IsRejectedBeforeRequest()
    {
        var blank = new NewContact { FirstName = " ", Notes = "no identity" };
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(blank, Cancellation)))
        {
            return;
        }

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Contacts.CreateAsync(blank, Cancellation));

        Assert.NotEmpty(refused.Errors);
    }

    [Fact]
    public virtual async Task CreateAsync_NullDraft_IsRejectedBeforeRequest()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Contact, StoreOperations.Create, () => Ledger.Contacts.CreateAsync(null!, Cancellation)))
        {
            return;
        }

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Contacts.CreateAsync(null!, Cancellation));

        Assert.NotEmpty(refused.Errors);
    }

    [Fact]
    public virtual async Task UpdateAsync_InvalidChanges_IsRejectedNamingTheFieldBeforeRequest()
    {
        var changes = new InvoiceChanges { Lines = [Samples.Line("Item", 1m, 10m) with { Id = "1" }, Samples.Line("Item", 2m, 10m) with { Id = "1" }] };
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update, () => Ledger.Invoices.UpdateAsync(MissingId, changes, Cancellation)))
        {
            return;
        }

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.Invoices.UpdateAsync(MissingId, changes, Cancellation));

        Assert.Contains(refused.Errors, e => e.Field == "Lines" && e.Code == "DuplicateLineId");
    }

    [Fact]
    public virtual async Task UnsupportedOperations_AreRefusedBeforeRequest()
    {
        var refusals = 0;
        foreach (var entity in ConformanceData.RecordKinds)
        {
            var kit = Kit(entity);
            foreach (var operation in SingleOperations.Where(o => !Capabilities.Supports(entity, o)))
            {
                Func<Task> attempt = operation switch
                {
                    StoreOperations.Get => () => kit.GetAsync(MissingId, Cancellation),
                    StoreOperations.List => () => kit.ListPageAsync(new ListShape(), null, Cancellation),
                    StoreOperations.Create => () => kit.CreateWithoutSetupAsync(Cancellation),
                    StoreOperations.Update => () => kit.TouchAsync(MissingId, 1, Cancellation),
                    StoreOperations.Archive => () => kit.ArchiveAsync(MissingId, Cancellation),
                    StoreOperations.Delete => () => kit.DeleteAsync(MissingId, Cancellation),
                    _ => () => kit.RestoreAsync(MissingId, Cancellation),
                };
                Assert.False(await SupportedOrRefusedAsync(entity, operation, attempt));
                refusals++;
            }
        }

        Assert.SkipWhen(refusals == 0, $"{Fixture.ProviderName} supports every operation on every store; nothing to refuse.");
    }

    [Fact]
    public virtual async Task UnsupportedFilters_AreRefusedBeforeRequest()
    {
        var refusals = 0;
        foreach (var (entity, filter, attempt) in FilterProbes())
        {
            if (!Capabilities.SupportsFilter(entity, filter))
            {
                Assert.False(await FilterSupportedOrRefusedAsync(entity, filter, attempt));
                refusals++;
            }
        }

        foreach (var entity in ConformanceData.RecordKinds.Where(e => Capabilities.Supports(e, StoreOperations.List)))
        {
            var kit = Kit(entity);
            foreach (var states in new[] { RecordStates.Archived, RecordStates.Deleted, RecordStates.All })
            {
                if (!await StatesSupportedOrRefusedAsync(entity, states, () => kit.ListPageAsync(new ListShape { States = states }, null, Cancellation)))
                {
                    refusals++;
                }
            }
        }

        Assert.SkipWhen(refusals == 0, $"{Fixture.ProviderName} supports every filter and state on every store; nothing to refuse.");
    }

    [Fact]
    public virtual async Task GetAsync_CanceledToken_ThrowsOperationCanceledUnwrapped()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.Get);
        var contact = await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        // Any OperationCanceledException will do (a resilience pipeline may link tokens), but never a LedgerlineException.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ledger.Contacts.GetAsync(contact.Id, canceled.Token));
    }

    [Fact]
    public virtual async Task ListAsync_CanceledToken_ThrowsOperationCanceledUnwrapped()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create | StoreOperations.List);
        await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation);
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Ledger.Contacts.ListAsync(cancellationToken: canceled.Token))
            {
            }
        });
    }

    private IEnumerable<(EntityKind Entity, string Filter, Func<Task> Attempt)> FilterProbes()
    {
        var since = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var range = new DateRange(Samples.Day, Samples.Day.AddDays(1));
        foreach (var entity in ConformanceData.RecordKinds)
        {
            var kit = Kit(entity);
            yield return (entity, nameof(RecordQuery.UpdatedSince), () => kit.ListPageAsync(new ListShape { UpdatedSince = since }, null, Cancellation));
        }

        yield return (EntityKind.Contact, nameof(ContactQuery.Email), () => Ledger.Contacts.ListPageAsync(new ContactQuery { Email = "a@b.example" }, null, Cancellation));
        yield return (EntityKind.Contact, nameof(ContactQuery.OrganizationContains), () => Ledger.Contacts.ListPageAsync(new ContactQuery { OrganizationContains = "Co" }, null, Cancellation));
        yield return (EntityKind.Invoice, nameof(InvoiceQuery.ContactId), () => Ledger.Invoices.ListPageAsync(new InvoiceQuery { ContactId = MissingId }, null, Cancellation));
        yield return (EntityKind.Invoice, nameof(InvoiceQuery.Statuses), () => Ledger.Invoices.ListPageAsync(InvoiceQuery.Unpaid(), null, Cancellation));
        yield return (EntityKind.Invoice, nameof(InvoiceQuery.IssueDate), () => Ledger.Invoices.ListPageAsync(new InvoiceQuery { IssueDate = range }, null, Cancellation));
        yield return (EntityKind.Invoice, nameof(InvoiceQuery.DueDate), () => Ledger.Invoices.ListPageAsync(new InvoiceQuery { DueDate = range }, null, Cancellation));
        yield return (EntityKind.Payment, nameof(PaymentQuery.InvoiceId), () => Ledger.Payments.ListPageAsync(new PaymentQuery { InvoiceId = MissingId }, null, Cancellation));
        yield return (EntityKind.Payment, nameof(PaymentQuery.ContactId), () => Ledger.Payments.ListPageAsync(new PaymentQuery { ContactId = MissingId }, null, Cancellation));
        yield return (EntityKind.Payment, nameof(PaymentQuery.Date), () => Ledger.Payments.ListPageAsync(new PaymentQuery { Date = range }, null, Cancellation));
        yield return (EntityKind.Expense, nameof(ExpenseQuery.ContactId), () => Ledger.Expenses.ListPageAsync(new ExpenseQuery { ContactId = MissingId }, null, Cancellation));
        yield return (EntityKind.Expense, nameof(ExpenseQuery.CategoryId), () => Ledger.Expenses.ListPageAsync(new ExpenseQuery { CategoryId = MissingId }, null, Cancellation));
        yield return (EntityKind.Expense, nameof(ExpenseQuery.Date), () => Ledger.Expenses.ListPageAsync(new ExpenseQuery { Date = range }, null, Cancellation));
        yield return (EntityKind.TimeEntry, nameof(TimeEntryQuery.ContactId), () => Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { ContactId = MissingId }, null, Cancellation));
        yield return (EntityKind.TimeEntry, nameof(TimeEntryQuery.ProjectId), () => Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { ProjectId = MissingId }, null, Cancellation));
        yield return (EntityKind.TimeEntry, nameof(TimeEntryQuery.StartedFrom), () => Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { StartedFrom = since }, null, Cancellation));
        yield return (EntityKind.TimeEntry, nameof(TimeEntryQuery.StartedTo), () => Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { StartedTo = since }, null, Cancellation));
        yield return (EntityKind.TimeEntry, nameof(TimeEntryQuery.Billable), () => Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { Billable = true }, null, Cancellation));
        yield return (EntityKind.TimeEntry, nameof(TimeEntryQuery.Billed), () => Ledger.TimeEntries.ListPageAsync(new TimeEntryQuery { Billed = false }, null, Cancellation));
    }
}
