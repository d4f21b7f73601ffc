using Ledgerline.FreshBooks.Api;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Listing as every FreshBooks store does it, accounting and time tracking alike: a query may need several consecutive
/// listings ("segments", e.g. one per <c>search[vis_state]</c>, or per <c>search[payment_status]</c> value a status
/// filter needs), each streamed by <see cref="FreshBooksPaging"/>. One page at a time is addressed by a cursor that names
/// the segment, how many records of it were read, the <c>total</c> its first page counted (every later answer must
/// repeat it) and the id of the last record read (the next window starts at or before it and must still hold it there),
/// then, in a segment after the first, the count of each earlier segment: <c>"0/40/450/1234"</c>,
/// <c>"1/40/90/1234/450"</c>; the start of a segment after the first is <c>"1/0/450"</c>. Every record is narrowed by the
/// store's exact client-side filter.
/// </summary>
/// <remarks>
/// Each segment checks itself while it is read; what it cannot see is a record that moves into it after it was read, out
/// of a segment not read yet (a deleted contact restored while the active ones are done, an invoice whose payment is
/// deleted once the unpaid ones are done): that record is in no answer. So once the last segment is read, each earlier
/// segment is counted again (page 1 at one record a page, checked as any page) and a count that changed fails the
/// listing with <see cref="InvalidProviderResponseException"/>: records moved between the query's segments while
/// listing. A record read in an earlier segment that shows up in a later one fails it as well (<see cref="PageSequence{T}"/>),
/// because its move out may pair with another record's move in, keeping the count. Not seen: a record moving into a
/// finished segment while another leaves that segment for no segment of the query (deleted while listing active and
/// archived ones, or a hard delete), since the count is kept and no record shows twice; a cursor chain, which carries
/// counts and not ids, does not see a record listed in two segments either (it is listed twice, not lost, unless
/// another record moved the other way).
/// </remarks>
internal static class FreshBooksListing
{
    /// <summary>The most characters of a record id a cursor carries (FreshBooks' ids are integers).</summary>
    private const int MaxIdLength = 64;

    /// <summary>
    /// Streams every matching record of every segment, each record once, then counts each earlier segment again
    /// (<see cref="RecountAsync"/>): one small request per segment after the first.
    /// </summary>
    public static async IAsyncEnumerable<T> ListAsync<T, TSegment>(
        IReadOnlyList<TSegment> segments,
        Func<TSegment, PageWindow, CancellationToken, Task<PendingPage<T>>> fetch,
        int concurrency,
        Func<T, bool> matches,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : LedgerRecord
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new int[segments.Count];
        for (var index = 0; index < segments.Count; index++)
        {
            var segment = segments[index];
            var at = index;
            var pages = FreshBooksPaging.ListAsync(
                (window, t) => fetch(segment, window, t), concurrency, seen, r => r.Id, matches, total => counts[at] = total, cancellationToken);
            await foreach (var record in pages)
            {
                yield return record;
            }
        }

        await RecountAsync(segments, counts.AsMemory(0, Math.Max(0, segments.Count - 1)), fetch, cancellationToken);
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
        var segment = position.Segment;
        var (window, sequence) = position.Last is { } last
            ? (PageWindows.Next(position.Read, position.Total, pageSize), PageSequence<T>.Resume(r => r.Id, position.Total, position.Read, last))
            : (new PageWindow(1, pageSize), new PageSequence<T>(r => r.Id));
        var fetched = (await fetch(segments[segment], window, cancellationToken)).Read();
        var overlap = sequence.Accept(fetched, window);
        var added = fetched.Info.Uncounted ? fetched.Items.Count - overlap : Math.Min(fetched.Items.Count - overlap, pageSize);
        var read = (int)window.Start + overlap + added;
        var items = fetched.Items.Skip(overlap).Take(added).Where(matches).ToArray();
        string? next;
        if (!fetched.Info.Uncounted && read < fetched.Info.Total)
        {
            next = Position(segment, read, fetched.Info.Total, fetched.Items[overlap + added - 1].Id, position.Counts);
        }
        else if (segment + 1 < segments.Count)
        {
            next = Start(segment + 1, [.. position.Counts, fetched.Info.Total]);
        }
        else
        {
            // The last page of the last segment: only now can a record have moved into an earlier segment unseen.
            await RecountAsync(segments, position.Counts, fetch, cancellationToken);
            next = null;
        }

        int? total = segments.Count == 1 && serverCountExact ? fetched.Info.Total : null;
        return new Page<T>(items, next, total);
    }

    /// <summary>
    /// Counts each of the first <c>counts.Length</c> segments again, page 1 at one record a page (checked as any page is),
    /// and fails when a count is not the one the segment had when it was read: a record that moved into a finished
    /// segment from one read after it is in no answer, and it shows only here.
    /// </summary>
    private static async Task RecountAsync<T, TSegment>(
        IReadOnlyList<TSegment> segments,
        ReadOnlyMemory<int> counts,
        Func<TSegment, PageWindow, CancellationToken, Task<PendingPage<T>>> fetch,
        CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        var window = new PageWindow(1, 1);
        for (var index = 0; index < counts.Length; index++)
        {
            var page = (await fetch(segments[index], window, cancellationToken)).Read();
            new PageSequence<T>(r => r.Id).Accept(page, window);
            var before = counts.Span[index];
            if (page.Info.Total != before)
            {
                throw FreshBooksErrorTable.Invalid(page.Response.Call, page.Response.Status, Encoding.UTF8.GetBytes(page.Info.Quote()),
                    string.Create(CultureInfo.InvariantCulture,
                        $"FreshBooks counted {before} records in listing {index + 1} of the query's {segments.Count} when it was read and {page.Info.Total} once the last was read: records moved between the query's listings (or into or out of one) while listing, so one may have been skipped; list again"));
            }
        }
    }

    /// <summary>FreshBooks' integer id; an id that is not one cannot exist.</summary>
    public static long Number(EntityKind entity, string id) =>
        FreshBooksValues.ParseId(id) ?? throw new RecordNotFoundException(entity, id) { Provider = Http.FreshBooksRequest.ProviderName };

    private static string Position(int segment, int read, int total, string last, int[] counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{segment}/{read}/{total}/{last}{Counts(counts)}");

    private static string Start(int segment, int[] counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{segment}/0{Counts(counts)}");

    private static string Counts(int[] counts) =>
        counts.Length == 0 ? "" : "/" + string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads a position this class issued: <c>segment/0</c>, or <c>segment/read/total/last</c> with 1 ≤ read &lt; total and
    /// a bounded id, followed in segment k &gt; 0 by the k counts of the earlier segments. Anything else, including a
    /// position issued before windows overlapped (<c>"2"</c>, <c>"1:2"</c>, <c>"2@450"</c>, which counted pages, not
    /// records) or before earlier segments' counts were carried (<c>"1/0"</c>), is an invalid cursor rather than a
    /// position misread.
    /// </summary>
    private static (int Segment, int Read, int Total, string? Last, int[] Counts) ParsePosition(string? cursor, int segments)
    {
        if (cursor is null)
        {
            return (0, 0, 0, null, []);
        }

        var parts = cursor.Split('/');
        if (parts.Length >= 2 && Count(parts[0]) is { } segment && segment < segments)
        {
            var counted = segment == 0 ? 0 : 1;
            var counts = segment == 0 ? [] : CountList(parts[^1], segment);
            if (counts is not null)
            {
                if (parts.Length == 2 + counted && parts[1] == "0")
                {
                    return (segment, 0, 0, null, counts);
                }

                if (parts.Length == 4 + counted && Count(parts[1]) is { } read && Count(parts[2]) is { } total && read >= 1 && read < total &&
                    IsId(parts[3]))
                {
                    return (segment, read, total, parts[3], counts);
                }
            }
        }

        throw new InvalidCursorException("The cursor does not name a position in a FreshBooks listing. Pass back NextCursor exactly as received.");
    }

    /// <summary>Exactly <paramref name="expected"/> comma-separated counts, or null.</summary>
    private static int[]? CountList(string text, int expected)
    {
        var parts = text.Split(',');
        if (parts.Length != expected)
        {
            return null;
        }

        var counts = new int[expected];
        for (var i = 0; i < expected; i++)
        {
            if (Count(parts[i]) is not { } count)
            {
                return null;
            }

            counts[i] = count;
        }

        return counts;
    }

    private static int? Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsId(string text) =>
        text.Length is >= 1 and <= MaxIdLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
