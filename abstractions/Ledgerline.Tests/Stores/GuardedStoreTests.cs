using NSubstitute;

namespace Ledgerline.Tests.Stores;

public sealed class GuardedStoreTests
{
    private static readonly Money TenDollars = new(10m, CurrencyCode.USD);

    private static NewInvoice ValidInvoice => new()
    {
        ContactId = "1",
        Currency = CurrencyCode.USD,
        IssueDate = new DateOnly(2024, 5, 1),
        Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = TenDollars }],
    };

    private static Page<Invoice> EmptyPage(string? next = null) => new([], next);

    [Fact]
    public async Task ArchiveAsync_Unsupported_ThrowsBeforeProviderIsCalled()
    {
        using var fake = new FakeProvider(capabilities: _ => FakeProvider.Everything with { Operations = StoreOperations.ReadWrite });

        var error = await Assert.ThrowsAsync<OperationNotSupportedException>(() => fake.Guarded.Invoices.ArchiveAsync("1"));

        Assert.Equal(EntityKind.Invoice, error.Entity);
        Assert.Equal("Archive", error.Feature);
        Assert.Contains("Fake", error.Message, StringComparison.Ordinal);
        await fake.Invoices.DidNotReceiveWithAnyArgs().ArchiveAsync(default!, default);
    }

    [Fact]
    public async Task CreateAsync_UnsupportedStore_ThrowsBeforeProviderIsCalled()
    {
        using var fake = new FakeProvider(capabilities: e => e == EntityKind.TimeEntry ? StoreCapabilities.Unsupported : FakeProvider.Everything);

        await Assert.ThrowsAsync<OperationNotSupportedException>(() => fake.Guarded.TimeEntries.CreateAsync(
            new NewTimeEntry { StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromHours(1) }));

        await fake.TimeEntries.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task ListPageAsync_UnsupportedFilter_ThrowsBeforeProviderIsCalled()
    {
        using var fake = new FakeProvider(capabilities: _ => FakeProvider.Everything with { Filters = new HashSet<string> { "UpdatedSince" } });

        var error = await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => fake.Guarded.Invoices.ListPageAsync(new InvoiceQuery { ContactId = "1" }));

        Assert.Contains("ContactId", error.Feature, StringComparison.Ordinal);
        await fake.Invoices.DidNotReceiveWithAnyArgs().ListPageAsync(default, default, default);
    }

    [Fact]
    public async Task ListAsync_UnsupportedStates_ThrowsBeforeProviderIsCalled()
    {
        using var fake = new FakeProvider(capabilities: _ => FakeProvider.Everything with { QueryableStates = RecordStates.NotDeleted });

        await Assert.ThrowsAsync<OperationNotSupportedException>(async () =>
        {
            await foreach (var _ in fake.Guarded.Contacts.ListAsync(new ContactQuery { States = RecordStates.All }))
            {
            }
        });

        fake.Contacts.DidNotReceiveWithAnyArgs().ListAsync(default, default);
    }

    [Fact]
    public async Task CreateAsync_InvalidDraft_ThrowsValidationWithFieldPathsAndProviderNotCalled()
    {
        using var fake = new FakeProvider();
        var draft = ValidInvoice with { Lines = [new NewInvoiceLine { Name = " ", Quantity = 1m, UnitPrice = TenDollars }], DueDate = new DateOnly(2024, 4, 1) };

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => fake.Guarded.Invoices.CreateAsync(draft));

        Assert.Equal(["DueDate", "Lines[0].Name"], error.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains("Lines[0].Name", error.Message, StringComparison.Ordinal);
        await fake.Invoices.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task CreateAsync_ValidDraft_ReachesProviderUnchanged()
    {
        using var fake = new FakeProvider();
        var draft = ValidInvoice;
        var created = new Invoice
        {
            Id = "1", UpdatedAt = DateTimeOffset.UnixEpoch, ContactId = draft.ContactId, IssueDate = draft.IssueDate, Currency = draft.Currency,
            Subtotal = Money.Zero(draft.Currency), Discount = Money.Zero(draft.Currency), Tax = Money.Zero(draft.Currency),
            Total = Money.Zero(draft.Currency), AmountPaid = Money.Zero(draft.Currency), AmountDue = Money.Zero(draft.Currency),
        };
        fake.Invoices.CreateAsync(draft, Arg.Any<CancellationToken>()).Returns(created);

        Assert.Same(created, await fake.Guarded.Invoices.CreateAsync(draft));

        await fake.Invoices.Received(1).CreateAsync(draft, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CreateAsync_NullDraft_ThrowsValidation()
    {
        using var fake = new FakeProvider();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => fake.Guarded.Payments.CreateAsync(null!));

        Assert.Equal("draft", Assert.Single(error.Errors).Field);
        await fake.Payments.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
    }

    [Fact]
    public async Task UpdateAsync_InvalidChanges_ThrowsAndProviderNotCalled()
    {
        using var fake = new FakeProvider();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => fake.Guarded.Payments.UpdateAsync("1", new PaymentChanges { Amount = new Money(-1m, CurrencyCode.USD) }));

        Assert.Equal("Amount", Assert.Single(error.Errors).Field);
        await fake.Payments.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default!, default);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetAsync_BlankId_ThrowsValidationAndProviderNotCalled(string id)
    {
        using var fake = new FakeProvider();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => fake.Guarded.Expenses.GetAsync(id));

        Assert.Equal("id", Assert.Single(error.Errors).Field);
        await fake.Expenses.DidNotReceiveWithAnyArgs().GetAsync(default!, default);
    }

    [Fact]
    public async Task ListPageAsync_InvalidQuery_ThrowsOnPageSize()
    {
        using var fake = new FakeProvider();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => fake.Guarded.Invoices.ListPageAsync(new InvoiceQuery { PageSize = 101 }));

        Assert.Equal("PageSize", Assert.Single(error.Errors).Field);
        await fake.Invoices.DidNotReceiveWithAnyArgs().ListPageAsync(default, default, default);
    }

    [Fact]
    public async Task ListPageAsync_NullQuery_ProviderGetsDefaultQuery()
    {
        using var fake = new FakeProvider();
        fake.Invoices.ListPageAsync(Arg.Any<InvoiceQuery?>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(EmptyPage());

        await fake.Guarded.Invoices.ListPageAsync();

        await fake.Invoices.Received(1).ListPageAsync(
            Arg.Is<InvoiceQuery?>(q => q != null && q.States == RecordStates.Active && q.PageSize == RecordQuery.DefaultPageSize),
            null,
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ListPageAsync_ProviderPosition_IsSealedAndComesBackRaw()
    {
        using var fake = new FakeProvider();
        var query = new InvoiceQuery { ContactId = "7", PageSize = 10 };
        fake.Invoices.ListPageAsync(Arg.Any<InvoiceQuery?>(), null, Arg.Any<CancellationToken>()).Returns(EmptyPage("2"));
        fake.Invoices.ListPageAsync(Arg.Any<InvoiceQuery?>(), "2", Arg.Any<CancellationToken>()).Returns(EmptyPage());

        var first = await fake.Guarded.Invoices.ListPageAsync(query);
        var second = await fake.Guarded.Invoices.ListPageAsync(query with { }, first.NextCursor);

        Assert.NotNull(first.NextCursor);
        Assert.NotEqual("2", first.NextCursor);
        Assert.Null(second.NextCursor);
        await fake.Invoices.Received(1).ListPageAsync(Arg.Any<InvoiceQuery?>(), "2", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ListPageAsync_CursorFromOtherQuery_ThrowsInvalidCursorAndProviderNotCalledAgain()
    {
        using var fake = new FakeProvider();
        fake.Invoices.ListPageAsync(Arg.Any<InvoiceQuery?>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(EmptyPage("2"));
        var first = await fake.Guarded.Invoices.ListPageAsync(new InvoiceQuery { ContactId = "7" });

        var error = await Assert.ThrowsAsync<InvalidCursorException>(
            () => fake.Guarded.Invoices.ListPageAsync(new InvoiceQuery { ContactId = "8" }, first.NextCursor));

        Assert.Equal("cursor", Assert.Single(error.Errors).Field);
        await fake.Invoices.Received(1).ListPageAsync(Arg.Any<InvoiceQuery?>(), Arg.Any<string?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ListPageAsync_ForeignCursor_ThrowsInvalidCursor()
    {
        using var fake = new FakeProvider();

        await Assert.ThrowsAsync<InvalidCursorException>(() => fake.Guarded.Invoices.ListPageAsync(cursor: "2"));

        await fake.Invoices.DidNotReceiveWithAnyArgs().ListPageAsync(default, default, default);
    }

    [Fact]
    public void Open_Ledger_CarriesProviderIdentity()
    {
        using var fake = new FakeProvider("Acme");

        Assert.Equal("Acme", fake.Guarded.ProviderName);
        Assert.Equal("c1", fake.Guarded.ConnectionId);
        Assert.Same(fake.Capabilities, fake.Guarded.Capabilities);
        Assert.NotSame(fake.Invoices, fake.Guarded.Invoices);
        fake.Provider.Received(1).Open("c1");
    }
}
