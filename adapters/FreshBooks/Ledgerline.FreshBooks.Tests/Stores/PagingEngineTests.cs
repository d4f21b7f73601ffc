using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Stores;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class PagingEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_PagesFinishOutOfOrder_YieldedInOrderWithAtMostConcurrencyInFlight()
    {
        const int pages = 12;
        const int concurrency = 4;
        var inFlight = 0;
        var maxInFlight = 0;
        var random = new Random(7);

        async Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                await Task.Delay(random.Next(1, 30), cancellationToken);
                return new FetchedPage<string>([$"{page}-a", $"{page}-b"], new PageInfo(page, pages, pages * 2));
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        var items = await FreshBooksPaging.ListAsync(FetchAsync, concurrency, new HashSet<string>(), s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(Enumerable.Range(1, pages).SelectMany(p => new[] { $"{p}-a", $"{p}-b" }), items);
        Assert.InRange(maxInFlight, 2, concurrency);
    }

    [Fact]
    public async Task ListAsync_SameRecordOnTwoPages_YieldedOnce()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchedPage<string>(page == 1 ? ["x", "y"] : ["y", "z"], new PageInfo(page, 2, 4)));

        var items = await FreshBooksPaging.ListAsync(FetchAsync, 2, new HashSet<string>(), s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(["x", "y", "z"], items);
    }

    [Fact]
    public async Task ListAsync_LaterPageFails_ErrorSurfacesWhileEnumerating()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            page == 3
                ? Task.FromException<FetchedPage<string>>(new ProviderUnavailableException("down"))
                : Task.FromResult(new FetchedPage<string>([$"{page}"], new PageInfo(page, 4, 4)));
        var seen = new List<string>();

        await Assert.ThrowsAsync<ProviderUnavailableException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(FetchAsync, 2, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(["1", "2"], seen);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
