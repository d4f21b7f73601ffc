namespace Ledgerline;

/// <summary>
/// Plans the requests of an offset-paged listing so that each one after the first starts at or before the last record
/// already read: page k at p records a page covers the offsets [(k − 1)p, kp), and a provider that accepts any page size
/// from 1 to <see cref="MaxPerPage"/> can be asked for a window that overlaps what was read by at least one record. The
/// records a window shares with what was read must be the records read there before (the caller checks them): a record
/// added or removed before the boundary shifts every later record, so the shift shows in the overlap instead of moving a
/// record unseen onto a page already read. The plan is a pure function of the listing's <c>total</c> (and the page size),
/// so the requests can be sent concurrently and checked in order as their answers are consumed.
/// </summary>
/// <remarks>
/// A window ending at offset e can add at most d − 1 records, where d is the largest page size up to
/// <see cref="MaxPerPage"/> that divides e; ends that are multiples of 100, 99, 98… are the good ones, so the plan picks,
/// from each position, the window reaching furthest (the greedy choice is optimal here: whatever a later position reaches,
/// an earlier one reaches no further). A listing of 10,003 records takes 114 requests instead of 101.
/// </remarks>
internal static class PageWindows
{
    /// <summary>The largest page size the provider honours.</summary>
    public const int MaxPerPage = 100;

    /// <summary>
    /// The window to ask for next, after the first <paramref name="read"/> records of a listing of <paramref name="total"/>:
    /// it starts at or before offset <paramref name="read"/> − 1, and adds as many records as it can, up to
    /// <paramref name="pageSize"/>, with as few records fetched as it can (ties: the smaller page size). A window can add
    /// at most <paramref name="maxPerPage"/> − 1 records (its page size less the one it repeats: 99 at the default 100),
    /// so only a <paramref name="pageSize"/> of <paramref name="maxPerPage"/> always gets fewer; a small one is often
    /// filled by page 1 again at a larger size (after 10 records, page 1 at 20 a page). Some size from 2 to 100 never
    /// divides <paramref name="read"/> (their least common multiple exceeds <see cref="int.MaxValue"/>), and its window
    /// adds a record.
    /// </summary>
    /// <param name="read">How many records were read so far (from offset 0), at least 1 and less than <paramref name="total"/>.</param>
    /// <param name="total">How many records the listing has.</param>
    /// <param name="pageSize">The most new records wanted, 1 to <paramref name="maxPerPage"/>.</param>
    /// <param name="maxPerPage">
    /// The largest page size the provider honours, at least 2: <see cref="MaxPerPage"/> (FreshBooks, Xero's Accounting
    /// API) unless given, 500 for Xero's Projects API.
    /// </param>
    public static PageWindow Next(int read, int total, int pageSize, int maxPerPage = MaxPerPage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(read, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(read, total);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerPage, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, maxPerPage);
        PageWindow? best = null;
        long bestAdded = 0, bestFetched = 0;
        for (var perPage = 2; perPage <= maxPerPage; perPage++)
        {
            // The page holding offset read − 1: it starts at or before the last record read.
            var page = ((read - 1) / perPage) + 1;
            var window = new PageWindow(page, perPage);
            var end = Math.Min(window.End, total);
            var added = Math.Min(end - read, pageSize);
            var fetched = end - window.Start;
            if (added > bestAdded || (added == bestAdded && added > 0 && fetched < bestFetched))
            {
                (best, bestAdded, bestFetched) = (window, added, fetched);
            }
        }

        return best ?? throw new InvalidOperationException("No window adds a record.");
    }

    /// <summary>
    /// Every window after page 1 (asked at <paramref name="firstPerPage"/>) of a listing of <paramref name="total"/>
    /// records, each adding up to <see cref="MaxPerPage"/> − 1 new records, the last one reaching <paramref name="total"/>.
    /// </summary>
    public static IEnumerable<PageWindow> After(int firstPerPage, int total)
    {
        var read = Math.Min(firstPerPage, total);
        while (read < total)
        {
            var window = Next(read, total, MaxPerPage);
            yield return window;
            read = (int)Math.Min(window.End, total);
        }
    }
}
