using Ledgerline.FreshBooks.Api;
using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Streams a FreshBooks listing: page 1 first (it says how many pages there are), then the rest with at most
/// <c>concurrency</c> requests in flight, yielded strictly in page order. Memory stays at about one page per request in
/// flight. A record already yielded in the same listing (it moved pages while listing) is not yielded again.
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
        var first = await fetch(1, cancellationToken);
        foreach (var item in first.Items)
        {
            if (include(item) && seen.Add(id(item)))
            {
                yield return item;
            }
        }

        var pages = first.Info.Pages;
        if (pages <= 1)
        {
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<Task<FetchedPage<T>>>();
        var next = 2;
        try
        {
            while (window.Count < Math.Max(1, concurrency) && next <= pages)
            {
                window.Enqueue(fetch(next++, stop.Token));
            }

            while (window.Count > 0)
            {
                var page = await window.Dequeue();

                // Keep the window full while the caller works through this page.
                if (next <= pages)
                {
                    window.Enqueue(fetch(next++, stop.Token));
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
                    await window.Dequeue();
                }
                catch (Exception)
                {
                    // Already cancelled or failed after the listing ended; nothing is waiting for it.
                }
            }
        }
    }
}
