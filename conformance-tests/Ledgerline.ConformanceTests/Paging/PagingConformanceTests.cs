namespace Ledgerline.ConformanceTests;

/// <summary>Page sizes, cursors, and complete listings with no duplicates or gaps.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Paging")]
public abstract class PagingConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    /// <summary>Records created for the paging tests: a few pages' worth, small enough for HTTP providers.</summary>
    protected virtual int RecordCount => 12;

    /// <summary>The page size the paging tests ask for.</summary>
    protected virtual int SmallPageSize => 5;

    [Fact]
    public virtual async Task ListPageAsync_SmallPageSize_FillsPagesUpToPageSize()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        var created = await CreateManyAsync(kit, RecordCount);
        var shape = new ListShape { PageSize = SmallPageSize };

        var pages = await ReadAllPagesAsync(kit, shape);

        Assert.All(pages, p => Assert.InRange(p.Items.Count, 0, SmallPageSize));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(SmallPageSize, p.Items.Count));
        Assert.All(pages.SkipLast(1), p => Assert.True(p.HasMore));
        Assert.Null(pages[^1].NextCursor);
        AssertSameIds(created.Select(r => r.Id), pages.SelectMany(p => p.Items));
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListPageAsync_FollowingCursors_ReturnsEveryRecordOnce(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.List, () => kit.ListPageAsync(new ListShape(), null, Cancellation)))
        {
            return;
        }

        RequireSamples(kit);
        var created = await CreateManyAsync(kit, 7);

        var pages = await ReadAllPagesAsync(kit, new ListShape { PageSize = 3 });

        AssertSameIds(created.Select(r => r.Id), pages.SelectMany(p => p.Items));
        Assert.Null(pages[^1].NextCursor);
    }

    [Theory]
    [MemberData(nameof(ConformanceData.Entities), MemberType = typeof(ConformanceData))]
    public virtual async Task ListAsync_SmallPageSize_YieldsEveryRecordOnce(EntityKind entity)
    {
        var kit = Kit(entity);
        if (!await SupportedOrRefusedAsync(entity, StoreOperations.List, () => ToListAsync(kit.ListAsync(new ListShape(), Cancellation))))
        {
            return;
        }

        RequireSamples(kit);
        var created = await CreateManyAsync(kit, 7);

        var listed = await ToListAsync(kit.ListAsync(new ListShape { PageSize = 2 }, Cancellation));

        AssertSameIds(created.Select(r => r.Id), listed);
    }

    [Fact]
    public virtual async Task ListPageAsync_DefaultQuery_ReturnsEverythingOnOnePage()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        var created = await CreateManyAsync(kit, RecordCount);

        var page = await Ledger.Contacts.ListPageAsync(cancellationToken: Cancellation);

        AssertSameIds(created.Select(r => r.Id), page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public virtual async Task ListPageAsync_EmptyLedger_ReturnsEmptyLastPage()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.List);

        var page = await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = SmallPageSize }, cancellationToken: Cancellation);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
        Assert.False(page.HasMore);
    }

    [Fact]
    public virtual async Task ListAsync_SameQueryTwice_ReturnsSameOrder()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        await CreateManyAsync(kit, RecordCount);
        var shape = new ListShape { PageSize = SmallPageSize };

        var first = await ToListAsync(kit.ListAsync(shape, Cancellation));
        var second = await ToListAsync(kit.ListAsync(shape, Cancellation));

        Assert.Equal(first.Select(r => r.Id), second.Select(r => r.Id));
    }

    [Fact]
    public virtual async Task ListPageAsync_CursorWithOtherPageSize_IsRejectedBeforeRequest()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        await CreateManyAsync(kit, RecordCount);
        var first = await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = SmallPageSize }, cancellationToken: Cancellation);
        Assert.NotNull(first.NextCursor);

        var refused = await AssertRefusedBeforeRequestAsync<InvalidCursorException>(
            () => Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = SmallPageSize - 1 }, first.NextCursor, Cancellation));

        Assert.Equal("cursor", Assert.Single(refused.Errors).Field);
    }

    [Fact]
    public virtual async Task ListPageAsync_CursorWithOtherFilter_IsRejectedBeforeRequest()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        Assert.SkipUnless(
            (Capabilities.For(EntityKind.Contact).QueryableStates & RecordStates.NotDeleted) == RecordStates.NotDeleted,
            $"{Fixture.ProviderName} cannot list archived contacts, so no second query can be formed.");
        await CreateManyAsync(kit, RecordCount);
        var first = await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = SmallPageSize }, cancellationToken: Cancellation);
        Assert.NotNull(first.NextCursor);

        await AssertRefusedBeforeRequestAsync<InvalidCursorException>(() => Ledger.Contacts.ListPageAsync(
            new ContactQuery { PageSize = SmallPageSize, States = RecordStates.NotDeleted }, first.NextCursor, Cancellation));
    }

    [Fact]
    public virtual async Task ListPageAsync_CursorFromOtherStore_IsRejectedBeforeRequest()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        RequireForSetup(EntityKind.Expense, StoreOperations.List);
        await CreateManyAsync(kit, RecordCount);
        var first = await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = SmallPageSize }, cancellationToken: Cancellation);
        Assert.NotNull(first.NextCursor);

        await AssertRefusedBeforeRequestAsync<InvalidCursorException>(
            () => Ledger.Expenses.ListPageAsync(new ExpenseQuery { PageSize = SmallPageSize }, first.NextCursor, Cancellation));
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("ll1.%%%")]
    [InlineData("ll1.bm8tc2VwYXJhdG9y")]
    public virtual async Task ListPageAsync_ForgedCursor_IsRejectedBeforeRequest(string cursor)
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.List);

        await AssertRefusedBeforeRequestAsync<InvalidCursorException>(
            () => Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = SmallPageSize }, cursor, Cancellation));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(RecordQuery.MaxPageSize + 1)]
    public virtual async Task ListPageAsync_PageSizeOutOfRange_IsRejectedBeforeRequest(int pageSize)
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.List);

        var refused = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = pageSize }, cancellationToken: Cancellation));

        Assert.Contains(refused.Errors, e => e.Field == nameof(RecordQuery.PageSize));
    }

    [Fact]
    public virtual async Task ListPageAsync_MaxPageSize_IsAccepted()
    {
        var kit = Kit(EntityKind.Contact);
        RequireSamples(kit);
        RequireForSetup(EntityKind.Contact, StoreOperations.List);
        var created = await CreateManyAsync(kit, 2);

        var page = await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = RecordQuery.MaxPageSize }, cancellationToken: Cancellation);

        AssertSameIds(created.Select(r => r.Id), page.Items);
    }

    private static async Task<List<Page<LedgerRecord>>> ReadAllPagesAsync(RecordKit kit, ListShape shape)
    {
        var pages = new List<Page<LedgerRecord>>();
        string? cursor = null;
        do
        {
            var page = await kit.ListPageAsync(shape, cursor, Cancellation);
            pages.Add(page);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 100, "Following NextCursor did not end after 100 pages.");
        }
        while (cursor is not null);

        return pages;
    }
}
