using Ledgerline.FreshBooks.Api;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Listing as every FreshBooks store does it, accounting and time tracking alike: a query may need several consecutive
/// listings ("segments", e.g. one per <c>search[vis_state]</c>, or per <c>search[payment_status]</c> value a status
/// filter needs), each streamed by <see cref="FreshBooksPaging"/>. One page at a time is addressed by a cursor that names
/// the segment, how many records of it were read, the <c>total</c> its first page counted (every later answer must
/// repeat it) and the id of the last record read (the next window starts at or before it and must still hold it there):
/// <c>"0/40/450/1234"</c>; the start of a segment after the first is <c>"1/0"</c>. Every record is narrowed by the
/// store's exact client-side filter.
/// </summary>
internal static class FreshBooksListing
{
    /// <summary>The most characters of a record id a cursor carries (FreshBooks' ids are integers).</summary>
    private const int MaxIdLength = 64;

    /// <summary>Streams every matching record of every segment, each record once.</summary>
    public static async IAsyncEnumerable<T> ListAsync<T, TSegment>(
        IReadOnlyList<TSegment> segments,
        Func<TSegment, PageWindow, CancellationToken, Task<PendingPage<T>>> fetch,
        int concurrency,
        Func<T, bool> matches,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : LedgerRecord
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            var pages = FreshBooksPaging.ListAsync((window, t) => fetch(segment, window, t), concurrency, seen, r => r.Id, matches, cancellationToken);
            await foreach (var record in pages)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// One window of records, narrowed: page 1 at <paramref name="pageSize"/> records a page, then each window the plan
    /// gives after the records the cursor says were read (<see cref="PageWindows.Next"/>), checked against the cursor's
    /// count and last record. A page holds at most <paramref name="pageSize"/> records, and fewer when that is what the
    /// window adds. Its total only when FreshBooks' own count is the query's (one segment, exact server filters),
    /// because narrowing can leave fewer records than FreshBooks counted.
    /// </summary>
    public static async Task<Page<T>> ListPageAsync<T, TSegment>(
        IReadOnlyList<TSegment> segments,
        string? cursor,
        int pageSize,
        Func<TSegment, PageWindow, CancellationToken, Task<PendingPage<T>>> fetch,
        Func<T, bool> matches,
        bool serverCountExact,
        CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(fetch);
        var position = ParsePosition(cursor, segments.Count);
        var (window, sequence) = position.Last is { } last
            ? (PageWindows.Next(position.Read, position.Total, pageSize), PageSequence<T>.Resume(r => r.Id, position.Total, position.Read, last))
            : (new PageWindow(1, pageSize), new PageSequence<T>(r => r.Id));
        var fetched = (await fetch(segments[position.Segment], window, cancellationToken)).Read();
        var overlap = sequence.Accept(fetched, window);
        var added = fetched.Info.Uncounted ? fetched.Items.Count - overlap : Math.Min(fetched.Items.Count - overlap, pageSize);
        var read = (int)window.Start + overlap + added;
        var items = fetched.Items.Skip(overlap).Take(added).Where(matches).ToArray();
        string? next = !fetched.Info.Uncounted && read < fetched.Info.Total
            ? Position(position.Segment, read, fetched.Info.Total, fetched.Items[overlap + added - 1].Id)
            : position.Segment + 1 < segments.Count ? string.Create(CultureInfo.InvariantCulture, $"{position.Segment + 1}/0") : null;
        int? total = segments.Count == 1 && serverCountExact ? fetched.Info.Total : null;
        return new Page<T>(items, next, total);
    }

    /// <summary>FreshBooks' integer id; an id that is not one cannot exist.</summary>
    public static long Number(EntityKind entity, string id) =>
        FreshBooksValues.ParseId(id) ?? throw new RecordNotFoundException(entity, id) { Provider = Http.FreshBooksRequest.ProviderName };

    private static string Position(int segment, int read, int total, string last) =>
        string.Create(CultureInfo.InvariantCulture, $"{segment}/{read}/{total}/{last}");

    /// <summary>
    /// Reads a position this class issued: <c>segment/0</c>, or <c>segment/read/total/last</c> with 1 ≤ read &lt; total and
    /// a bounded id. Anything else, including a position issued before windows overlapped (<c>"2"</c>, <c>"1:2"</c>,
    /// <c>"2@450"</c>, which counted pages, not records), is an invalid cursor rather than a position misread.
    /// </summary>
    private static (int Segment, int Read, int Total, string? Last) ParsePosition(string? cursor, int segments)
    {
        if (cursor is null)
        {
            return (0, 0, 0, null);
        }

        var parts = cursor.Split('/');
        if (parts.Length is 2 or 4 && Count(parts[0]) is { } segment && segment < segments)
        {
            if (parts.Length == 2 && parts[1] == "0")
            {
                return (segment, 0, 0, null);
            }

            if (parts.Length == 4 && Count(parts[1]) is { } read && Count(parts[2]) is { } total && read >= 1 && read < total && IsId(parts[3]))
            {
                return (segment, read, total, parts[3]);
            }
        }

        throw new InvalidCursorException("The cursor does not name a position in a FreshBooks listing. Pass back NextCursor exactly as received.");
    }

    private static int? Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsId(string text) =>
        text.Length is >= 1 and <= MaxIdLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
