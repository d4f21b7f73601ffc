using System.Text;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Stores;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class PagingEngineTests
{
    private static readonly FreshBooksResponse Answer =
        new(new FreshBooksCall(EntityKind.Contact, "list", "c1"), 200, Encoding.UTF8.GetBytes("""{"response":{"result":{}}}"""));

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
                return new FetchedPage<string>([$"{page}-a", $"{page}-b"], new PageInfo(page, pages, 2, pages * 2), Answer);
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
    public async Task ListAsync_SameRecordOnTwoPages_FailsTypedBecauseAnotherMayHaveBeenSkipped()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchedPage<string>(page == 1 ? ["x", "y"] : ["y", "z"], new PageInfo(page, 2, 2, 4), Answer));
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(FetchAsync, 2, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(["x", "y"], seen);
        Assert.Contains("listed record 'y' on page 2 and on an earlier page", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_AnswerIsNotThePageAsked_FailsTypedAtThatPage()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchedPage<string>(page == 3 ? ["1"] : [$"{page}"], new PageInfo(page == 3 ? 1 : page, 4, 1, 4), Answer));
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(FetchAsync, 2, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(["1", "2"], seen);
        Assert.Contains("answered page 1 when asked for page 3", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(Answer.Status, invalid.StatusCode);
        Assert.Equal("""{"page":1,"pages":4,"per_page":1,"total":4}""", invalid.BodyExcerpt);
    }

    [Fact]
    public async Task ListAsync_CountChangesOnALaterPage_FailsTyped()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchedPage<string>([$"{page}"], new PageInfo(page, 3, 1, page == 1 ? 3 : 4), Answer));

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in FreshBooksPaging.ListAsync(FetchAsync, 1, new HashSet<string>(), s => s, _ => true, Ct))
            {
            }
        });

        Assert.Contains("counted 3 records on page 1 and 4 on page 2", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_RecordOfAnEarlierListingOfTheQuery_NotYieldedAgain()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchedPage<string>(["x", "y"], new PageInfo(1, 1, 2, 2), Answer));
        var seen = new HashSet<string>(["x"]);

        var items = await FreshBooksPaging.ListAsync(FetchAsync, 2, seen, s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(["y"], items);
    }

    [Fact]
    public async Task ListAsync_LaterPageFails_ErrorSurfacesWhileEnumerating()
    {
        Task<FetchedPage<string>> FetchAsync(int page, CancellationToken cancellationToken) =>
            page == 3
                ? Task.FromException<FetchedPage<string>>(new ProviderUnavailableException("down"))
                : Task.FromResult(new FetchedPage<string>([$"{page}"], new PageInfo(page, 4, 1, 4), Answer));
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
