using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Api;

/// <summary>A list answer's position: this page, how many pages, and the total when FreshBooks counted it.</summary>
internal readonly record struct PageInfo(int Page, int Pages, int? Total)
{
    /// <summary>
    /// Reads the counters. <c>pages</c> decides how many pages are fetched, so a list whose counters lack it is an invalid
    /// response rather than a guess that could end a listing early (a counter that is not a whole number already failed to
    /// read). A list with no counters at all (time tracking without <c>meta</c>) is one page.
    /// </summary>
    public static PageInfo From(FreshBooksResponse response, PageCounters? counters, int count)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (counters is null)
        {
            return new PageInfo(1, 1, count);
        }

        var pages = counters.Pages
            ?? throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                "FreshBooks answered a list without a page count (\"pages\")");
        return new PageInfo(counters.Page ?? 1, Math.Max(pages, 0), counters.Total);
    }
}
