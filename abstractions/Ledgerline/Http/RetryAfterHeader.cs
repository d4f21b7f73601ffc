using System.Net.Http.Headers;

namespace Ledgerline.Http;

/// <summary>For provider authors: reads the wait a response asks for in <c>Retry-After</c>.</summary>
public static class RetryAfterHeader
{
    /// <summary>
    /// The wait <c>Retry-After</c> asks for, given in seconds or as an HTTP date (measured from <paramref name="now"/>);
    /// never negative; <see langword="null"/> when the header is absent or unreadable.
    /// </summary>
    public static TimeSpan? Wait(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
