using Ledgerline.FreshBooks.Api;
using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Streams a FreshBooks listing: page 1 first (its checked counters say how many pages there are), then the rest with at
/// most <c>concurrency</c> requests in flight, yielded strictly in page order. Memory stays at about one page per request
/// in flight. Every page is checked by a <see cref="PageSequence{T}"/>: an answer that is not the page asked for, a count
/// that changes while listing, or a record listed twice fails the listing with
/// <see cref="InvalidProviderResponseException"/> instead of yielding a listing that silently lacks records. A record
/// already yielded by an earlier listing of the same query (the <c>seen</c> set: another <c>vis_state</c>) is not
/// yielded again.
/// </summary>
internal static class FreshBooksPaging
{
    public static async IAsyncEnumerable<T> ListAsync<T>(
        Func<int, CancellationToken, Task<FetchedPage<T>>> fetch,
        int concurrency,
        ISet<string> seen,
        Func<T, string> id,
        Func<T, bool> include,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sequence = new PageSequence<T>(id);
        var first = await fetch(1, cancellationToken);
        var pages = sequence.Accept(first, 1).Pages;
        foreach (var item in first.Items)
        {
            if (include(item) && seen.Add(id(item)))
            {
                yield return item;
            }
        }

        if (pages <= 1)
        {
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<(int Number, Task<FetchedPage<T>> Fetch)>();
        var next = 2;
        try
        {
            while (window.Count < Math.Max(1, concurrency) && next <= pages)
            {
                window.Enqueue((next, fetch(next, stop.Token)));
                next++;
            }

            while (window.Count > 0)
            {
                var (number, fetching) = window.Dequeue();
                var page = await fetching;
                sequence.Accept(page, number);

                // Keep the window full while the caller works through this page.
                if (next <= pages)
                {
                    window.Enqueue((next, fetch(next, stop.Token)));
                    next++;
                }

                foreach (var item in page.Items)
                {
                    if (include(item) && seen.Add(id(item)))
                    {
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            // The caller stopped early or a page failed: cancel what is still in flight and observe it.
            await stop.CancelAsync();
            while (window.Count > 0)
            {
                try
                {
                    await window.Dequeue().Fetch;
                }
                catch (Exception)
                {
                    // Already cancelled or failed after the listing ended; nothing is waiting for it.
                }
            }
        }
    }
}
