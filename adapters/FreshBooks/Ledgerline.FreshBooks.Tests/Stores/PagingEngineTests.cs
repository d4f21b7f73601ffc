using System.Text;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Stores;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// The paging engine against a listing held in memory and answered as FreshBooks pages it (any page size, page k covering
/// [(k − 1)p, kp)), with writes between requests; the loopback tests run the same cases against the sandbox.
/// </summary>
public sealed class PagingEngineTests
{
    private static readonly FreshBooksResponse Answer =
        new(new FreshBooksCall(EntityKind.Contact, "list", "c1"), 200, Encoding.UTF8.GetBytes("""{"response":{"result":{}}}"""));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_PagesFinishOutOfOrder_YieldedInOrderWithAtMostConcurrencyInFlight()
    {
        const int concurrency = 4;
        var records = Records(1_234);
        var inFlight = 0;
        var maxInFlight = 0;
        var requests = 0;
        var random = new Random(7);

        async Task<FetchedPage<string>> FetchAsync(PageWindow window, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                await Task.Delay(random.Next(1, 30), cancellationToken);
                return Page(records, window);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        var items = await FreshBooksPaging.ListAsync(FetchAsync, concurrency, new HashSet<string>(), s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(records, items);
        Assert.InRange(maxInFlight, 2, concurrency);
        Assert.Equal(1 + PageWindows.After(100, 1_234).Count(), requests);
    }

    [Fact]
    public async Task ListAsync_OneRequestInFlight_SendsTheNextRequestBeforeReadingTheAnswerIn()
    {
        var records = Records(450);
        var events = new List<string>();
        var inFlight = 0;
        var maxInFlight = 0;

        async Task<PendingPage<string>> ReceiveAsync(PageWindow window, CancellationToken cancellationToken)
        {
            lock (events)
            {
                events.Add($"send {window.Page}@{window.PerPage}");
            }

            InterlockedMax(ref maxInFlight, Interlocked.Increment(ref inFlight));
            await Task.Delay(5, cancellationToken);
            Interlocked.Decrement(ref inFlight);
            return PendingPage<string>.Deferred(() =>
            {
                lock (events)
                {
                    events.Add($"read {window.Page}@{window.PerPage}");
                }

                return Page(records, window);
            });
        }

        var items = await FreshBooksPaging.ListAsync(ReceiveAsync, 1, new HashSet<string>(), s => s, _ => true, null, Ct).ToListAsync(Ct);

        Assert.Equal(records, items);
        Assert.Equal(1, maxInFlight);
        var windows = PageWindows.After(100, records.Count).Select(w => $"{w.Page}@{w.PerPage}").ToList();

        // Page 1 is read before anything else is sent (its total fixes the plan); every later answer is read only after the
        // request for the window after it went out, and the last one after nothing more is sent.
        List<string> expected = ["send 1@100", "read 1@100", $"send {windows[0]}"];
        for (var i = 0; i < windows.Count; i++)
        {
            if (i + 1 < windows.Count)
            {
                expected.Add($"send {windows[i + 1]}");
            }

            expected.Add($"read {windows[i]}");
        }

        Assert.Equal(expected, events);
    }

    [Fact]
    public async Task ListAsync_AnswerThatCannotBeRead_FailsTheListingAndCancelsTheRequestSentAfterIt()
    {
        var records = Records(450);
        var cancelled = 0;
        var sent = 0;

        async Task<PendingPage<string>> ReceiveAsync(PageWindow window, CancellationToken cancellationToken)
        {
            if (window.Page == 1)
            {
                return PendingPage<string>.Done(Page(records, window));
            }

            try
            {
                // The first window after page 1 answers at once; the one sent after it would take 10 s.
                await Task.Delay(Interlocked.Increment(ref sent) == 1 ? 1 : 10_000, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }

            return PendingPage<string>.Deferred(() => throw new InvalidProviderResponseException("unreadable", bodyExcerpt: null));
        }

        var items = new List<string>();
        await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(ReceiveAsync, 1, new HashSet<string>(), s => s, _ => true, null, Ct))
            {
                items.Add(item);
            }
        });

        Assert.Equal(records.Take(100), items);
        Assert.Equal(1, cancelled);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task ListAsync_CallerCancelsWithPagesAlreadyReceived_StopsAtTheNextRecord(int concurrency)
    {
        var records = Records(451);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var yielded = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in FreshBooksPaging.ListAsync((window, _) => Task.FromResult(Page(records, window)), concurrency,
                new HashSet<string>(), s => s, _ => true, cancel.Token))
            {
                if (++yielded == 101)
                {
                    // Every later answer is already in hand (they complete at once); none of it may be yielded now.
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(101, yielded);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(199, 3)]
    [InlineData(200, 3)]
    [InlineData(10_003, 114)]
    public async Task ListAsync_UnchangedListing_EveryRecordOnceInOrderWithThePlannedRequests(int count, int expectedRequests)
    {
        var records = Records(count);
        var windows = new List<PageWindow>();

        var items = await FreshBooksPaging.ListAsync(
            (window, _) =>
            {
                lock (windows)
                {
                    windows.Add(window);
                }

                return Task.FromResult(Page(records, window));
            },
            4, new HashSet<string>(), s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(records, items);
        Assert.Equal(expectedRequests, windows.Count);
    }

    [Fact]
    public async Task ListAsync_RemovedOnAReadPageAndAddedAtTheEnd_FailsTypedInsteadOfSkippingOne()
    {
        // The trial's case: the count stays 300, and without the overlap "r100" would move onto page 1 unseen.
        var records = Records(300);
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(WritesAfterFirstRequest(records, list =>
                {
                    list.Remove("r10");
                    list.Add("new");
                }), 1, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(records.Take(100), seen);
        Assert.Contains("listed record 'r100' at offset 99 (page 2, 99 a page) where the listing had record 'r99'", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("records moved while listing", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("list again", invalid.Message, StringComparison.Ordinal);
        Assert.Equal("""{"page":2,"pages":4,"per_page":99,"total":300,"offset":99,"read":"r99","now":"r100"}""", invalid.BodyExcerpt);
    }

    [Fact]
    public async Task ListAsync_AddedBeforeTheBoundaryAndRemovedAtTheEnd_FailsTyped()
    {
        var records = Records(300);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in FreshBooksPaging.ListAsync(WritesAfterFirstRequest(records, list =>
                {
                    list.Insert(5, "new");
                    list.RemoveAt(list.Count - 1);
                }), 1, new HashSet<string>(), s => s, _ => true, Ct))
            {
            }
        });

        Assert.Contains("listed record 'r98' at offset 99", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_RemovedAndAddedOnUnreadPagesOnly_CompletesWithEveryRecordThatStayed()
    {
        var records = Records(300);

        var items = await FreshBooksPaging.ListAsync(WritesAfterFirstRequest(records, list =>
            {
                list.Remove("r250");
                list.Add("new");
            }), 1, new HashSet<string>(), s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(records.Where(r => r != "r250").Append("new"), items);
    }

    [Fact]
    public async Task ListAsync_SameRecordOnTwoPages_FailsTypedBecauseAnotherMayHaveBeenSkipped()
    {
        var records = Records(150);
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(WritesAfterFirstRequest(records, list => list[120] = "r5"),
                2, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(records.Take(100), seen);
        Assert.Contains("listed record 'r5' on page 2 and on an earlier page", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_AnswerIsNotThePageAsked_FailsTypedAtThatPage()
    {
        var records = Records(250);
        var seen = new List<string>();

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(
                (window, _) => Task.FromResult(Page(records, window with { Page = 1 })), 2, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(records.Take(100), seen);
        Assert.Contains("answered page 1 when asked for page 2", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(Answer.Status, invalid.StatusCode);
        Assert.Equal("""{"page":1,"pages":3,"per_page":99,"total":250}""", invalid.BodyExcerpt);
    }

    [Fact]
    public async Task ListAsync_PageSizeNotHonoured_FailsTypedAtPageOne()
    {
        var records = Records(250);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in FreshBooksPaging.ListAsync(
                (window, _) => Task.FromResult(Page(records, window with { PerPage = 50 })), 2, new HashSet<string>(), s => s, _ => true, Ct))
            {
            }
        });

        Assert.Contains("answered page 1 with 50 records a page when asked for 100", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_CountChangesOnALaterPage_FailsTyped()
    {
        var records = Records(300);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
        {
            await foreach (var _ in FreshBooksPaging.ListAsync(WritesAfterFirstRequest(records, list => list.Add("new")),
                1, new HashSet<string>(), s => s, _ => true, Ct))
            {
            }
        });

        Assert.Contains("counted 300 records when the listing began and 301 on page 2 (99 a page)", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_AnswerWithoutCounters_IsTheWholeListing()
    {
        var requests = 0;

        var items = await FreshBooksPaging.ListAsync(
            (_, _) =>
            {
                requests++;
                return Task.FromResult(new FetchedPage<string>(["x", "y", "z"], new PageInfo(1, 1, 3, 3) { Uncounted = true }, Answer));
            },
            2, new HashSet<string>(), s => s, _ => true, Ct).ToListAsync(Ct);

        Assert.Equal(["x", "y", "z"], items);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task ListAsync_RecordOfAnEarlierListingOfTheQuery_FailsTyped()
    {
        var seen = new HashSet<string>(["r0"]);

        var invalid = await Assert.ThrowsAsync<InvalidProviderResponseException>(async () =>
            await FreshBooksPaging.ListAsync((window, _) => Task.FromResult(Page(Records(2), window)), 2, seen, s => s, _ => true, Ct).ToListAsync(Ct));

        Assert.Contains("record 'r0' on page 1 of one listing of the query and in an earlier listing of it: records moved between the query's listings while listing", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_RecordsNotMatchingTheFilter_StillRecordedAsRead()
    {
        var seen = new HashSet<string>();

        var items = await FreshBooksPaging.ListAsync((window, _) => Task.FromResult(Page(Records(3), window)), 2, seen, s => s, s => s != "r1", Ct).ToListAsync(Ct);

        Assert.Equal(["r0", "r2"], items);
        Assert.Equal(["r0", "r1", "r2"], seen.Order());
    }

    [Fact]
    public async Task ListAsync_LaterPageFails_ErrorSurfacesWhileEnumerating()
    {
        var records = Records(400);
        var seen = new List<string>();

        await Assert.ThrowsAsync<ProviderUnavailableException>(async () =>
        {
            await foreach (var item in FreshBooksPaging.ListAsync(
                (window, _) => window.Page == 3
                    ? Task.FromException<FetchedPage<string>>(new ProviderUnavailableException("down"))
                    : Task.FromResult(Page(records, window)),
                2, new HashSet<string>(), s => s, _ => true, Ct))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(records.Take(198), seen);
    }

    private static List<string> Records(int count) => [.. Enumerable.Range(0, count).Select(i => $"r{i}")];

    /// <summary>FreshBooks' answer to a window of the listing as it is now.</summary>
    private static FetchedPage<string> Page(IReadOnlyList<string> listing, PageWindow window)
    {
        var items = listing.Skip((int)window.Start).Take(window.PerPage).ToArray();
        var pages = (listing.Count + window.PerPage - 1) / window.PerPage;
        return new FetchedPage<string>(items, new PageInfo(window.Page, pages, window.PerPage, listing.Count), Answer);
    }

    /// <summary>A listing that <paramref name="write"/> changes once, after the first request was answered.</summary>
    private static Func<PageWindow, CancellationToken, Task<FetchedPage<string>>> WritesAfterFirstRequest(List<string> records, Action<List<string>> write)
    {
        var listing = records.ToList();
        var requests = 0;
        return (window, _) =>
        {
            lock (listing)
            {
                var page = Page(listing, window);
                if (++requests == 1)
                {
                    write(listing);
                }

                return Task.FromResult(page);
            }
        };
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
