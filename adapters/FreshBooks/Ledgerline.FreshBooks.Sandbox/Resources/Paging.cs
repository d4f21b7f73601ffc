using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Microsoft.Extensions.Primitives;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>Paging as FreshBooks does it: per_page capped at 100 silently, page 0 means 1, garbage is an errno.</summary>
internal readonly record struct Paging(int Page, int PerPage)
{
    public static bool TryParse(IQueryCollection query, int defaultPerPage, out Paging paging, out ApiError? error)
    {
        paging = default;
        error = null;
        var page = 1;
        var perPage = defaultPerPage;
        if (query.TryGetValue("page", out var p) && !StringValues.IsNullOrEmpty(p))
        {
            if (!int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out page))
            {
                error = new ApiError(1014, "page", "Invalid page number.", null, p[0]);
                return false;
            }

            page = Math.Max(page, 1);
        }

        if (query.TryGetValue("per_page", out var pp) && !StringValues.IsNullOrEmpty(pp))
        {
            if (!int.TryParse(pp[0], NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1)
            {
                error = new ApiError(1013, "per_page", "Invalid per_page value.", null, pp[0]);
                return false;
            }

            perPage = Math.Min(perPage, 100);
        }

        paging = new Paging(page, perPage);
        return true;
    }

    public int Pages(int total) => (total + PerPage - 1) / PerPage;

    public IEnumerable<T> Slice<T>(IReadOnlyList<T> items)
    {
        var start = (long)(Page - 1) * PerPage;
        for (var i = start; i < items.Count && i < start + PerPage; i++)
        {
            yield return items[(int)i];
        }
    }
}
