using Microsoft.Extensions.DependencyInjection;
using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Paging;

public sealed class PagingTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private IExpenseStore Expenses => _harness.Ledger.Expenses;

    private async Task<List<Expense>> SeedAsync(int count)
    {
        var created = new List<Expense>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await Expenses.CreateAsync(new NewExpense { Amount = Usd(i + 1), Date = new DateOnly(2024, 1, 1).AddDays(i % 300) }));
        }

        return created;
    }

    [Fact]
    public async Task ListPageAsync_AllPages_CoverEveryRecordOnceInCreationOrder()
    {
        var created = await SeedAsync(250);
        var query = new ExpenseQuery { PageSize = 100 };
        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;

        do
        {
            var page = await Expenses.ListPageAsync(query, cursor);
            pages++;
            seen.AddRange(page.Items.Select(e => e.Id));
            Assert.Equal(250, page.TotalCount);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.Select(e => e.Id), seen);
    }

    [Fact]
    public async Task ListPageAsync_LastPage_HasNoCursor()
    {
        await SeedAsync(3);

        var page = await Expenses.ListPageAsync(new ExpenseQuery { PageSize = 3 });

        Assert.Equal(3, page.Items.Count);
        Assert.Null(page.NextCursor);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListPageAsync_Empty_ReturnsEmptyLastPage()
    {
        var page = await Expenses.ListPageAsync();

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task ListPageAsync_CursorIsSealed_NotTheRawOffset()
    {
        await SeedAsync(3);

        var page = await Expenses.ListPageAsync(new ExpenseQuery { PageSize = 2 });

        Assert.NotNull(page.NextCursor);
        Assert.NotEqual("2", page.NextCursor);
        Assert.StartsWith("ll1.", page.NextCursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPageAsync_CursorWithOtherQuery_ThrowsInvalidCursor()
    {
        await SeedAsync(3);
        var page = await Expenses.ListPageAsync(new ExpenseQuery { PageSize = 2 });

        await Assert.ThrowsAsync<InvalidCursorException>(
            () => Expenses.ListPageAsync(new ExpenseQuery { PageSize = 2, States = RecordStates.All }, page.NextCursor));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task ListPageAsync_ProviderGetsForeignRawPosition_ThrowsInvalidCursor(string position)
    {
        // The provider seen without the guard: a cursor that decodes to a position it never issued.
        var raw = _harness.Services.GetRequiredService<InMemoryLedgerProvider>().Open("tenant-a");

        await Assert.ThrowsAsync<InvalidCursorException>(() => raw.Expenses.ListPageAsync(new ExpenseQuery(), position));
    }

    [Fact]
    public async Task ListAsync_ManyPages_YieldsEachRecordOnce()
    {
        var created = await SeedAsync(230);

        var listed = await AllAsync(Expenses.ListAsync(new ExpenseQuery { PageSize = 7 }));

        Assert.Equal(created.Select(e => e.Id), listed.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAsync_WritesDuringEnumeration_StillYieldSnapshotOnce()
    {
        var created = await SeedAsync(20);
        var listed = new List<string>();

        await foreach (var expense in Expenses.ListAsync())
        {
            listed.Add(expense.Id);
            await Expenses.CreateAsync(new NewExpense { Amount = Usd(1m), Date = new DateOnly(2024, 1, 1) });
        }

        Assert.Equal(created.Select(e => e.Id), listed);
    }

    [Fact]
    public async Task ListAsync_Cancelled_Throws()
    {
        await SeedAsync(5);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Expenses.ListAsync(cancellationToken: cancellation.Token))
            {
            }
        });
    }

    [Fact]
    public async Task GetAsync_Cancelled_IsCancelledNotWrapped()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Expenses.GetAsync("1", cancellation.Token));
    }

    public void Dispose() => _harness.Dispose();
}
