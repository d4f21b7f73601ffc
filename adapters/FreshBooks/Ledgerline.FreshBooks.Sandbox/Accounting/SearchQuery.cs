using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Ledgerline.FreshBooks.Sandbox.Resources;
using Microsoft.Extensions.Primitives;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>
/// Accounting list parameters: <c>search[f]</c>, <c>search[f_like]</c>, <c>search[f_min|_max]</c>, <c>search[fs][]</c>,
/// <c>search[vis_state]</c> and <c>sort=f_asc|f_desc</c>. Unknown search keys and sort fields are ignored.
/// </summary>
internal sealed class SearchQuery<T> : IListParameters<T>
    where T : Entity
{
    /// <summary>The value a search or sort field names, or null for a field the resource does not search.</summary>
    public required Func<string, RenderContext, Func<T, object?>?> Field { get; init; }

    /// <summary>Sort names that stand for another field (invoices: <c>invoice_date</c> sorts by <c>create_date</c>).</summary>
    public Func<string, string>? SortAlias { get; init; }

    public ListSelection<T> Parse(IQueryCollection query)
    {
        var filters = new List<SearchFilter>();
        int? vis = null;
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith("search[", StringComparison.Ordinal))
            {
                continue;
            }

            var isArray = key.EndsWith("][]", StringComparison.Ordinal);
            var name = isArray ? key[7..^3] : key.EndsWith(']') ? key[7..^1] : null;
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var vals = values.Where(v => v is not null).Select(v => v!).ToArray();
            if (name == "vis_state")
            {
                if (vals.Length == 0 || !int.TryParse(vals[0], NumberStyles.None, CultureInfo.InvariantCulture, out var vs) || vs > 2)
                {
                    throw new ResourceException(400, new ApiError(1004, "vis_state", "Invalid value for vis_state.", null, vals.FirstOrDefault()));
                }

                vis = vs;
            }
            else if (isArray)
            {
                // Plural list keys name the singular field: userids → userid, invoiceids → invoiceid.
                filters.Add(new SearchFilter(SearchFilterKind.In, name.EndsWith('s') ? name[..^1] : name, vals));
            }
            else if (name.EndsWith("_like", StringComparison.Ordinal))
            {
                filters.Add(new SearchFilter(SearchFilterKind.Like, name[..^5], vals));
            }
            else if (name.EndsWith("_min", StringComparison.Ordinal))
            {
                filters.Add(new SearchFilter(SearchFilterKind.Min, name[..^4], vals));
            }
            else if (name.EndsWith("_max", StringComparison.Ordinal))
            {
                filters.Add(new SearchFilter(SearchFilterKind.Max, name[..^4], vals));
            }
            else
            {
                filters.Add(new SearchFilter(SearchFilterKind.Equal, name, vals));
            }
        }

        string? sortField = null;
        var desc = false;
        if (query.TryGetValue("sort", out var sort) && !StringValues.IsNullOrEmpty(sort))
        {
            var s = sort[0]!;
            if (s.EndsWith("_desc", StringComparison.Ordinal))
            {
                sortField = s[..^5];
                desc = true;
            }
            else
            {
                sortField = s.EndsWith("_asc", StringComparison.Ordinal) ? s[..^4] : s;
            }

            sortField = SortAlias?.Invoke(sortField) ?? sortField;
        }

        return new Selection(this, filters, sortField, desc, vis);
    }

    private sealed class Selection(SearchQuery<T> query, IReadOnlyList<SearchFilter> filters, string? sortField, bool descending, int? visState)
        : ListSelection<T>
    {
        /// <summary>
        /// Filters then sorts in one pass over the set's listed records, which are already in id order; without filters or
        /// a sort, that list is the answer as it is.
        /// </summary>
        public override IReadOnlyList<T> Apply(EntitySet<T> records, RenderContext render)
        {
            var compiled = new List<Func<T, bool>>();
            foreach (var f in filters)
            {
                var getter = query.Field(f.Field, render);
                if (getter is null || f.Values.Count == 0)
                {
                    continue;
                }

                compiled.Add(Compile(f, getter));
            }

            var listed = records.Listed(visState);
            var result = compiled.Count == 0 ? listed : listed.Where(item => compiled.TrueForAll(p => p(item))).ToList();
            return sortField is not null && query.Field(sortField, render) is { } key ? RecordOrder.Sort(result, key, descending) : result;
        }
    }

    private static Func<T, bool> Compile(SearchFilter f, Func<T, object?> getter)
    {
        var raw = f.Values[0];
        switch (f.Kind)
        {
            case SearchFilterKind.Like:
                return item => RecordOrder.Text(getter(item)).Contains(raw, StringComparison.OrdinalIgnoreCase);
            case SearchFilterKind.In:
                var set = new HashSet<string>(f.Values, StringComparer.OrdinalIgnoreCase);
                return item => set.Contains(RecordOrder.Text(getter(item)));
            case SearchFilterKind.Equal:
                return item => Equal(getter(item), raw);
            default:
                var isMin = f.Kind == SearchFilterKind.Min;
                if (Formats.TryDate(raw.Length >= 10 ? raw[..10] : raw, out var day))
                {
                    return item => getter(item) switch
                    {
                        DateOnly d => isMin ? d >= day : d <= day,
                        DateTimeOffset t => isMin ? Formats.EasternToday(t) >= day : Formats.EasternToday(t) <= day,
                        _ => false,
                    };
                }

                if (Formats.TryDecimal(raw, out var number))
                {
                    return item => getter(item) switch
                    {
                        int n => isMin ? n >= number : n <= number,
                        decimal n => isMin ? n >= number : n <= number,
                        _ => false,
                    };
                }

                throw new ResourceException(400, new ApiError(1033, f.Field + (isMin ? "_min" : "_max"), "Invalid value for search filter: expected a date or number.", null, raw));
        }
    }

    private static bool Equal(object? value, string raw) => value switch
    {
        int n => Formats.TryDecimal(raw, out var d) && d == n,
        decimal n => Formats.TryDecimal(raw, out var d) && d == n,
        // Flag filters such as search[has_outstanding] are often sent without a value.
        bool b => (raw is "" or "true" or "True" or "1") == b,
        _ => string.Equals(RecordOrder.Text(value), raw, StringComparison.OrdinalIgnoreCase),
    };
}
