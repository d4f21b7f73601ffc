using System.Globalization;
using System.Text;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Checks that the answers to the windows of one offset-paged FreshBooks listing (<see cref="PageWindows"/>) add up to one
/// listing. Each answer already agrees with its own counters (<see cref="PageInfo.From"/>); it must also be the page and
/// page size asked for, count the same <c>total</c> as the first, repeat at the offsets it shares with what was read the
/// very records read there (same ids, same order), and hold no record read before at another offset. A failure is an
/// <see cref="InvalidProviderResponseException"/> quoting the counters (and the ids that differ), never a listing that
/// silently lacks a record.
/// </summary>
/// <remarks>
/// A record added or removed before the boundary of what was read shifts the records at the boundary, which the overlap
/// shows; a change of the count shows in <c>total</c>. Records that keep their order relative to one another are then all
/// read: one not read yet lies after the last record read, which is still at its offset, so a later window reaches it.
/// Not seen: a change that leaves every record at the boundary where it was (harmless: nothing crossed it), an edit of a
/// record already read, and, where an edit moves a record in FreshBooks' order, a record moved from an unread page onto
/// a read one while another record before the boundary is removed and one after it added.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="id">A record's id.</param>
/// <param name="earlier">
/// The ids every earlier listing of the same query read (one listing per <c>vis_state</c> or status value: no record
/// belongs to two), to which this listing adds its own. A record among them moved between the query's listings while they
/// were read, which fails this listing: its move out of a finished listing may have been matched by another record's move
/// into it, which the finished listing's count cannot show.
/// </param>
internal sealed class PageSequence<T>(Func<T, string> id, ISet<string>? earlier = null)
{
    /// <summary>The most characters of a record id quoted in a message.</summary>
    private const int MaxIdLength = 64;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    // The ids at offsets [_read − _tail.Count, _read): a window never reaches back further than one page size.
    private readonly Queue<string> _tail = new();
    private int? _total;
    private int _read;

    /// <summary>How many records (from offset 0) the accepted answers have read.</summary>
    public int Read => _read;

    /// <summary>
    /// A sequence continued from a cursor: <paramref name="read"/> records of <paramref name="total"/> were read, the last
    /// of them <paramref name="last"/>, which the next window must repeat at its offset.
    /// </summary>
    public static PageSequence<T> Resume(Func<T, string> id, int total, int read, string last)
    {
        var sequence = new PageSequence<T>(id) { _total = total, _read = read };
        sequence._tail.Enqueue(last);
        sequence._ids.Add(last);
        return sequence;
    }

    /// <summary>
    /// Accepts the answer to <paramref name="window"/>, the next window of the listing (the first being page 1), and
    /// returns how many of its leading records were read before (the overlap, not to be yielded again).
    /// </summary>
    public int Accept(FetchedPage<T> page, PageWindow window)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (window.Start > _read || (window.Start == _read && _read > 0))
        {
            throw new InvalidOperationException("A window must overlap what was read.");
        }

        CheckWindow(page, window);
        if (_total is { } total)
        {
            CheckTotal(page, total, window);
        }

        _total ??= page.Info.Total;
        var overlap = (int)Math.Min(_read - window.Start, page.Items.Count);
        var known = _read - _tail.Count;
        var index = 0;
        foreach (var before in _tail)
        {
            var offset = known + index++;
            if (offset >= window.Start && offset - window.Start < page.Items.Count &&
                id(page.Items[(int)(offset - window.Start)]) is var found && !string.Equals(found, before, StringComparison.Ordinal))
            {
                throw Moved(page, window, offset, before, found);
            }
        }

        for (var i = overlap; i < page.Items.Count; i++)
        {
            var key = id(page.Items[i]);
            if (!_ids.Add(key))
            {
                throw Invalid(page, Text(
                    $"FreshBooks listed record '{Bounded(key)}' on page {window.Page} and on an earlier page of the same listing: records moved between pages while listing, so another may have been skipped; list again"));
            }

            if (earlier is not null && !earlier.Add(key))
            {
                throw Invalid(page, Text(
                    $"FreshBooks listed record '{Bounded(key)}' on page {window.Page} of one listing of the query and in an earlier listing of it: records moved between the query's listings while listing, so another may have been skipped; list again"));
            }

            _tail.Enqueue(key);
            if (_tail.Count > PageWindows.MaxPerPage)
            {
                _tail.Dequeue();
            }
        }

        _read = (int)window.Start + page.Items.Count;
        return overlap;
    }

    /// <summary>
    /// The answer must be the window asked for: a server that ignores <c>page</c> repeats page 1 forever, and one that
    /// pages by another size than asked puts other records at the offsets the plan relies on. An answer without counters
    /// is the whole listing and has nothing to check.
    /// </summary>
    private static void CheckWindow(FetchedPage<T> page, PageWindow window)
    {
        if (page.Info.Uncounted)
        {
            return;
        }

        if (page.Info.Page != window.Page)
        {
            throw Invalid(page, Text($"FreshBooks answered page {page.Info.Page} when asked for page {window.Page}: it did not honour the page asked for"));
        }

        if (page.Info.PerPage != window.PerPage)
        {
            throw Invalid(page, Text(
                $"FreshBooks answered page {window.Page} with {page.Info.PerPage} records a page when asked for {window.PerPage}: it did not honour the page size asked for"));
        }
    }

    /// <summary>A later window must count the records as the listing's first page did.</summary>
    private static void CheckTotal(FetchedPage<T> page, int total, PageWindow window)
    {
        if (page.Info.Total != total)
        {
            throw Invalid(page, Text(
                $"FreshBooks counted {total} records when the listing began and {page.Info.Total} on page {window.Page} ({window.PerPage} a page): records were added or removed while listing, so one may have been skipped or repeated; list again"));
        }
    }

    private static LedgerlineException Moved(FetchedPage<T> page, PageWindow window, long offset, string before, string found)
    {
        var reason = Text(
            $"FreshBooks listed record '{Bounded(found)}' at offset {offset} (page {window.Page}, {window.PerPage} a page) where the listing had record '{Bounded(before)}' when that offset was read: records moved while listing (one added or removed before it), so one may have been skipped; list again");
        var info = page.Info;
        var excerpt = Text(
            $"{{\"page\":{info.Page},\"pages\":{info.Pages},\"per_page\":{info.PerPage},\"total\":{info.Total},\"offset\":{offset},\"read\":\"{Json(before)}\",\"now\":\"{Json(found)}\"}}");
        return FreshBooksErrorTable.Invalid(page.Response.Call, page.Response.Status, Encoding.UTF8.GetBytes(excerpt), reason);
    }

    /// <summary>The answer's counters are quoted: they, not the records at the start of the body, show what went wrong.</summary>
    private static LedgerlineException Invalid(FetchedPage<T> page, string reason) =>
        FreshBooksErrorTable.Invalid(page.Response.Call, page.Response.Status, Encoding.UTF8.GetBytes(page.Info.Quote()), reason);

    private static string Bounded(string text) => text.Length <= MaxIdLength ? text : string.Concat(text.AsSpan(0, MaxIdLength), "…");

    private static string Json(string text) => JsonEncodedText.Encode(Bounded(text)).ToString();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
