using System.Globalization;
using System.Text;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// A list answer's position, read from FreshBooks' counters and checked for sense: this page, how many pages, records
/// per page, and how many records the whole listing has.
/// </summary>
/// <param name="Page">The page FreshBooks says this is (1-based).</param>
/// <param name="Pages">How many pages the listing has: ⌈<paramref name="Total"/> / <paramref name="PerPage"/>⌉ (0 or 1 when empty).</param>
/// <param name="PerPage">How many records a full page holds, as FreshBooks applied it (it caps <c>per_page</c> at 100 silently).</param>
/// <param name="Total">How many records the listing has.</param>
internal readonly record struct PageInfo(int Page, int Pages, int PerPage, int Total)
{
    /// <summary>Whether the answer carried no counters at all: then it is the whole listing, whatever was asked.</summary>
    public bool Uncounted { get; init; }

    /// <summary>
    /// Reads the counters of an answer holding <paramref name="count"/> records. Every counter decides what is fetched
    /// next, so each must be present and agree with the others and with the records actually sent: <c>pages</c> must be
    /// what <c>total</c> and <c>per_page</c> make, and the page must hold exactly the records they place on it (a full
    /// page, the remainder on the last, none past the end). Anything else is an
    /// <see cref="InvalidProviderResponseException"/> rather than a guess that could end a listing early or send requests
    /// the answer cannot justify. The exception quotes the counters as read (they follow the records in the body, so an
    /// excerpt of its start would not show them). A list with no counters at all (time tracking without <c>meta</c>) is
    /// one page.
    /// </summary>
    public static PageInfo From(FreshBooksResponse response, PageCounters? counters, int count)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (counters is null)
        {
            return new PageInfo(1, 1, Math.Max(count, 1), count) { Uncounted = true };
        }

        var pages = counters.Pages ?? throw Invalid(response, counters, "FreshBooks answered a list without a page count (\"pages\")");
        var total = counters.Total ?? throw Invalid(response, counters, "FreshBooks answered a list without a record count (\"total\")");
        var page = counters.Page ?? throw Invalid(response, counters, "FreshBooks answered a list without its page number (\"page\")");
        var perPage = counters.PerPage ?? throw Invalid(response, counters, "FreshBooks answered a list without its page size (\"per_page\")");
        if (page < 1 || perPage < 1 || total < 0)
        {
            throw Invalid(response, counters, Text($"FreshBooks answered a list with impossible counters (page {page}, per_page {perPage}, total {total})"));
        }

        var justified = (int)(((long)total + perPage - 1) / perPage);
        if (pages != justified && !(total == 0 && pages is 0 or 1))
        {
            throw Invalid(response, counters, Text($"FreshBooks answered a list with {pages} pages, but {total} records at {perPage} a page make {justified}"));
        }

        var expected = (int)Math.Clamp(total - ((long)(page - 1) * perPage), 0, perPage);
        if (count != expected)
        {
            throw Invalid(response, counters, Text($"FreshBooks answered page {page} with {count} records, but {total} records at {perPage} a page put {expected} on it"));
        }

        return new PageInfo(page, justified, perPage, total);
    }

    /// <summary>These counters as JSON, to quote them in an exception.</summary>
    public string Quote() => Quote(Page, Pages, PerPage, Total);

    private static string Quote(int? page, int? pages, int? perPage, int? total) =>
        $"{{\"page\":{Number(page)},\"pages\":{Number(pages)},\"per_page\":{Number(perPage)},\"total\":{Number(total)}}}";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static LedgerlineException Invalid(FreshBooksResponse response, PageCounters counters, string reason) =>
        FreshBooksErrorTable.Invalid(response.Call, response.Status,
            Encoding.UTF8.GetBytes(Quote(counters.Page, counters.Pages, counters.PerPage, counters.Total)), reason);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
