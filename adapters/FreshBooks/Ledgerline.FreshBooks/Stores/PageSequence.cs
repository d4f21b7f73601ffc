using System.Globalization;
using System.Text;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Checks that the pages of one offset-paged FreshBooks listing add up to one listing: each answer is the page asked for,
/// every page counts the same records as the first, and no record comes twice. Each page already agrees with its own
/// counters (<see cref="PageInfo.From"/>), so a listing that passes these checks has yielded exactly the <c>total</c>
/// records page 1 counted. What it cannot see is a change that keeps the count and moves no record across a page
/// boundary already read (one record added and another removed behind the pages read so far).
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class PageSequence<T>(Func<T, string> id)
{
    /// <summary>The most characters of a record id quoted in a message.</summary>
    private const int MaxIdLength = 64;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private PageInfo? _first;

    /// <summary>Accepts page <paramref name="asked"/> of the listing (pages are accepted in order, the first being page 1 or a cursor's page).</summary>
    public PageInfo Accept(FetchedPage<T> page, int asked)
    {
        ArgumentNullException.ThrowIfNull(page);
        CheckPage(page, asked);
        if (_first is { } first)
        {
            CheckTotal(page, first.Total, first.PerPage, first.Page, asked);
        }

        _first ??= page.Info;
        foreach (var item in page.Items)
        {
            var key = id(item);
            if (!_ids.Add(key))
            {
                throw Invalid(page, Text(
                    $"FreshBooks listed record '{Bounded(key)}' on page {asked} and on an earlier page of the same listing: records moved between pages while listing, so another may have been skipped; list again"));
            }
        }

        return page.Info;
    }

    /// <summary>The answer must be the page asked for: a server that ignores <c>page</c> repeats page 1 forever.</summary>
    public static void CheckPage(FetchedPage<T> page, int asked)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Info.Page != asked)
        {
            throw Invalid(page, Text($"FreshBooks answered page {page.Info.Page} when asked for page {asked}: it did not honour the page asked for"));
        }
    }

    /// <summary>A later page must count the records (and page them) as the listing's first page did.</summary>
    public static void CheckTotal(FetchedPage<T> page, int total, int perPage, int firstPage, int asked)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Info.Total != total)
        {
            throw Invalid(page, Text(
                $"FreshBooks counted {total} records on page {firstPage} and {page.Info.Total} on page {asked}: records were added or removed while listing, so one may have been skipped or repeated; list again"));
        }

        if (page.Info.PerPage != perPage)
        {
            throw Invalid(page, Text(
                $"FreshBooks paged {perPage} records a page on page {firstPage} and {page.Info.PerPage} on page {asked}: the pages do not make one listing"));
        }
    }

    /// <summary>The answer's counters are quoted: they, not the records at the start of the body, show what went wrong.</summary>
    private static LedgerlineException Invalid(FetchedPage<T> page, string reason) =>
        FreshBooksErrorTable.Invalid(page.Response.Call, page.Response.Status, Encoding.UTF8.GetBytes(page.Info.Quote()), reason);

    private static string Bounded(string text) => text.Length <= MaxIdLength ? text : string.Concat(text.AsSpan(0, MaxIdLength), "…");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
