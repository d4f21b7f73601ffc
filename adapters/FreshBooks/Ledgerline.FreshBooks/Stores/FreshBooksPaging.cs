using Ledgerline.FreshBooks.Api;
using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Streams a FreshBooks listing: page 1 first at 100 records a page (its checked <c>total</c> fixes the plan of windows,
/// <see cref="PageWindows"/>), then the rest with at most <c>concurrency</c> requests in flight, yielded strictly in
/// order. Every window after the first starts at or before the last record read, and a <see cref="PageSequence{T}"/>
/// checks each answer as it is consumed: not the window asked for, a count that changes while listing, a record read
/// before that is no longer at its offset, or a record listed twice fails the listing with
/// <see cref="InvalidProviderResponseException"/> instead of yielding a listing that silently lacks records. Memory stays
/// at about one page per request in flight plus the one being read: each page is read after the next request is sent (<see cref="PendingPage{T}"/>). A record already read by an earlier listing of the same query (the
/// <c>seen</c> set: another <c>vis_state</c> or status value) fails the listing too: it moved between the query's listings.
/// The listing's count as its first page gave it goes to <c>counted</c>, for the check that follows the query's last
/// listing (<see cref="FreshBooksListing"/>).
/// </summary>
internal static class FreshBooksPaging
{
    /// <summary>The same, for a listing whose pages are read as they arrive (no reading left to overlap).</summary>
    public static IAsyncEnumerable<T> ListAsync<T>(
        Func<PageWindow, CancellationToken, Task<FetchedPage<T>>> fetch,
        int concurrency,
        ISet<string> seen,
        Func<T, string> id,
        Func<T, bool> include,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return ListAsync(async (window, t) => PendingPage<T>.Done(await fetch(window, t)), concurrency, seen, id, include, null, cancellationToken);
    }

    /// <summary>
    /// Streams the listing. <paramref name="receive"/> sends the request for a window and completes when its answer has
    /// arrived; the page is read (<see cref="PendingPage{T}.Read"/>) only after the next request has been sent.
    /// </summary>
    public static async IAsyncEnumerable<T> ListAsync<T>(
        Func<PageWindow, CancellationToken, Task<PendingPage<T>>> receive,
        int concurrency,
        ISet<string> seen,
        Func<T, string> id,
        Func<T, bool> include,
        Action<int>? counted,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sequence = new PageSequence<T>(id, seen);
        var firstWindow = new PageWindow(1, PageWindows.MaxPerPage);
        var first = (await receive(firstWindow, cancellationToken)).Read();
        sequence.Accept(first, firstWindow);
        counted?.Invoke(first.Info.Total);
        foreach (var item in first.Items)
        {
            if (include(item))
            {
                // Pages already in hand are not a reason to go on after the caller cancelled.
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }

        if (first.Info.Uncounted)
        {
            yield break;
        }

        using var plan = PageWindows.After(firstWindow.PerPage, first.Info.Total).GetEnumerator();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(PageWindow Window, Task<PendingPage<T>> Fetch)>();
        try
        {
            while (inFlight.Count < Math.Max(1, concurrency) && plan.MoveNext())
            {
                inFlight.Enqueue((plan.Current, receive(plan.Current, stop.Token)));
            }

            while (inFlight.Count > 0)
            {
                var (window, fetching) = inFlight.Dequeue();
                var received = await fetching;
                cancellationToken.ThrowIfCancellationRequested();

                // The answer is in: send the next request before reading this one, so that reading it (and the caller's work
                // through it) overlaps the next round trip, with no more requests in flight than the concurrency allows.
                if (plan.MoveNext())
                {
                    inFlight.Enqueue((plan.Current, receive(plan.Current, stop.Token)));
                }

                var page = received.Read();
                var overlap = sequence.Accept(page, window);

                for (var i = overlap; i < page.Items.Count; i++)
                {
                    var item = page.Items[i];
                    if (include(item))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            // The caller stopped early or a page failed: cancel what is still in flight and observe it.
            await stop.CancelAsync();
            while (inFlight.Count > 0)
            {
                try
                {
                    await inFlight.Dequeue().Fetch;
                }
                catch (Exception)
                {
                    // Already cancelled or failed after the listing ended; nothing is waiting for it.
                }
            }
        }
    }
}
