using Ledgerline.FreshBooks.Api;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Listing as every FreshBooks store does it, accounting and time tracking alike: a query may need several consecutive
/// listings ("segments", e.g. one per <c>search[vis_state]</c>, or per <c>search[payment_status]</c> value a status
/// filter needs), each streamed by <see cref="FreshBooksPaging"/>; one page
/// at a time is addressed by a cursor naming the FreshBooks page number (<c>"2"</c>), prefixed by the segment after the
/// first (<c>"1:2"</c>) and followed by the record count of the segment's first page (<c>"2@450"</c>), which every later
/// page must repeat. Every record is narrowed by the store's exact client-side filter.
/// </summary>
internal static class FreshBooksListing
{
    /// <summary>Streams every matching record of every segment, each record once.</summary>
    public static async IAsyncEnumerable<T> ListAsync<T, TSegment>(
        IReadOnlyList<TSegment> segments,
        Func<TSegment, int, CancellationToken, Task<FetchedPage<T>>> fetch,
        int concurrency,
        Func<T, bool> matches,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : LedgerRecord
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var pages = FreshBooksPaging.ListAsync((page, t) => fetch(segment, page, t), concurrency, seen, r => r.Id, matches, cancellationToken);
            await foreach (var record in pages)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// One FreshBooks page, narrowed; its total only when FreshBooks' own count is the query's (one segment, exact server
    /// filters), because narrowing can leave fewer records than FreshBooks counted.
    /// </summary>
    public static async Task<Page<T>> ListPageAsync<T, TSegment>(
        IReadOnlyList<TSegment> segments,
        string? cursor,
        Func<TSegment, int, CancellationToken, Task<FetchedPage<T>>> fetch,
        Func<T, bool> matches,
        bool serverCountExact,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(fetch);
        var (segment, page, firstTotal) = ParsePosition(cursor, segments.Count);
        var fetched = await fetch(segments[segment], page, cancellationToken);
        PageSequence<T>.CheckPage(fetched, page);
        if (firstTotal is { } counted)
        {
            PageSequence<T>.CheckTotal(fetched, counted, fetched.Info.PerPage, 1, page);
        }

        var items = fetched.Items.Where(matches).ToArray();
        string? next = page < fetched.Info.Pages
            ? Position(segment, page + 1, fetched.Info.Total)
            : segment + 1 < segments.Count ? Position(segment + 1, 1, null) : null;
        int? total = segments.Count == 1 && serverCountExact ? fetched.Info.Total : null;
        return new Page<T>(items, next, total);
    }

    /// <summary>FreshBooks' integer id; an id that is not one cannot exist.</summary>
    public static long Number(EntityKind entity, string id) =>
        FreshBooksValues.ParseId(id) ?? throw new RecordNotFoundException(entity, id) { Provider = Http.FreshBooksRequest.ProviderName };

    private static string Position(int segment, int page, int? total)
    {
        var position = segment == 0 ? page.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{segment}:{page}");
        return total is { } counted ? string.Create(CultureInfo.InvariantCulture, $"{position}@{counted}") : position;
    }

    private static (int Segment, int Page, int? Total) ParsePosition(string? cursor, int segments)
    {
        if (cursor is null)
        {
            return (0, 1, null);
        }

        var at = cursor.IndexOf('@', StringComparison.Ordinal);
        var position = at < 0 ? cursor : cursor[..at];
        var colon = position.IndexOf(':', StringComparison.Ordinal);
        var segmentText = colon < 0 ? "0" : position[..colon];
        var pageText = colon < 0 ? position : position[(colon + 1)..];
        int? total = null;
        if (at >= 0)
        {
            total = int.TryParse(cursor.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var counted) ? counted : -1;
        }

        return int.TryParse(segmentText, NumberStyles.None, CultureInfo.InvariantCulture, out var segment) && segment < segments &&
            int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 && total is null or >= 0
            ? (segment, page, total)
            : throw new InvalidCursorException("The cursor does not name a FreshBooks page. Pass back NextCursor exactly as received.");
    }
}
