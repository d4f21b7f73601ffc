using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;
using Microsoft.Extensions.Primitives;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal enum FilterKind
{
    Equal,
    Like,
    Min,
    Max,
    In,
}

internal sealed record Filter(FilterKind Kind, string Field, IReadOnlyList<string> Values);

/// <summary>Paging as FreshBooks does it: per_page capped at 100 silently, page 0 means 1, garbage is an errno.</summary>
internal readonly record struct Paging(int Page, int PerPage)
{
    public static bool TryParse(IQueryCollection query, int defaultPerPage, out Paging paging, out AccountingError? error)
    {
        paging = default;
        error = null;
        var page = 1;
        var perPage = defaultPerPage;
        if (query.TryGetValue("page", out var p) && !StringValues.IsNullOrEmpty(p))
        {
            if (!int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out page))
            {
                error = new AccountingError(1014, "page", "Invalid page number.", null, p[0]);
                return false;
            }

            page = Math.Max(page, 1);
        }

        if (query.TryGetValue("per_page", out var pp) && !StringValues.IsNullOrEmpty(pp))
        {
            if (!int.TryParse(pp[0], NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1)
            {
                error = new AccountingError(1013, "per_page", "Invalid per_page value.", null, pp[0]);
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

/// <summary>Accounting list parameters: <c>search[...]</c>, <c>sort</c>, <c>include[]</c>, paging.</summary>
internal sealed class ListQuery
{
    public required Paging Paging { get; init; }

    public required IReadOnlyList<Filter> Filters { get; init; }

    public string? SortField { get; init; }

    public bool SortDescending { get; init; }

    public int? VisState { get; init; }

    public static HashSet<string> Includes(IQueryCollection query) =>
        new(query.TryGetValue("include[]", out var v) ? v.Where(s => s is not null).Select(s => s!) : [], StringComparer.Ordinal);

    public static bool TryParse(IQueryCollection query, int defaultPerPage, out ListQuery? result, out AccountingError? error)
    {
        result = null;
        if (!Paging.TryParse(query, defaultPerPage, out var paging, out error))
        {
            return false;
        }

        var filters = new List<Filter>();
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
                    error = new AccountingError(1004, "vis_state", "Invalid value for vis_state.", null, vals.FirstOrDefault());
                    return false;
                }

                vis = vs;
            }
            else if (isArray)
            {
                // Plural list keys name the singular field: userids → userid, invoiceids → invoiceid.
                filters.Add(new Filter(FilterKind.In, name.EndsWith('s') ? name[..^1] : name, vals));
            }
            else if (name.EndsWith("_like", StringComparison.Ordinal))
            {
                filters.Add(new Filter(FilterKind.Like, name[..^5], vals));
            }
            else if (name.EndsWith("_min", StringComparison.Ordinal))
            {
                filters.Add(new Filter(FilterKind.Min, name[..^4], vals));
            }
            else if (name.EndsWith("_max", StringComparison.Ordinal))
            {
                filters.Add(new Filter(FilterKind.Max, name[..^4], vals));
            }
            else
            {
                filters.Add(new Filter(FilterKind.Equal, name, vals));
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
        }

        result = new ListQuery { Paging = paging, Filters = filters, SortField = sortField, SortDescending = desc, VisState = vis };
        return true;
    }

    /// <summary>Filters then sorts in one pass over the set; unknown search keys and sort fields are ignored.</summary>
    public IReadOnlyList<T> Apply<T>(IReadOnlyList<T> all, Func<string, Func<T, object?>?> field, out AccountingError? error)
        where T : Entity
    {
        error = null;
        var compiled = new List<Func<T, bool>>();
        foreach (var f in Filters)
        {
            var getter = field(f.Field);
            if (getter is null || f.Values.Count == 0)
            {
                continue;
            }

            var predicate = Compile(f, getter, out error);
            if (error is not null)
            {
                return [];
            }

            compiled.Add(predicate);
        }

        var result = new List<T>();
        foreach (var item in all)
        {
            var visible = VisState is { } vs ? item.VisState == vs : item.VisState != 1;
            if (visible && compiled.TrueForAll(p => p(item)))
            {
                result.Add(item);
            }
        }

        if (SortField is not null && field(SortField) is { } key)
        {
            var keys = result.Select(key).ToArray();
            var order = Enumerable.Range(0, result.Count).ToArray();
            var sign = SortDescending ? -1 : 1;
            Array.Sort(order, (a, b) =>
            {
                var c = CompareValues(keys[a], keys[b]) * sign;
                return c != 0 ? c : result[a].Id.CompareTo(result[b].Id);
            });
            return order.Select(i => result[i]).ToList();
        }

        return result;
    }

    private static Func<T, bool> Compile<T>(Filter f, Func<T, object?> getter, out AccountingError? error)
    {
        error = null;
        var raw = f.Values[0];
        switch (f.Kind)
        {
            case FilterKind.Like:
                return item => Text(getter(item)).Contains(raw, StringComparison.OrdinalIgnoreCase);
            case FilterKind.In:
                var set = new HashSet<string>(f.Values, StringComparer.OrdinalIgnoreCase);
                return item => set.Contains(Text(getter(item)));
            case FilterKind.Equal:
                return item => Equal(getter(item), raw);
            default:
                var isMin = f.Kind == FilterKind.Min;
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

                error = new AccountingError(1033, f.Field + (isMin ? "_min" : "_max"), "Invalid value for search filter: expected a date or number.", null, raw);
                return _ => false;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => Formats.Date(d),
        DateTimeOffset t => Formats.Eastern(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool Equal(object? value, string raw) => value switch
    {
        int n => Formats.TryDecimal(raw, out var d) && d == n,
        decimal n => Formats.TryDecimal(raw, out var d) && d == n,
        // Flag filters such as search[has_outstanding] are often sent without a value.
        bool b => (raw is "" or "true" or "True" or "1") == b,
        _ => string.Equals(Text(value), raw, StringComparison.OrdinalIgnoreCase),
    };

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (int x, int y) => x.CompareTo(y),
        (decimal x, decimal y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => string.Compare(Text(a), Text(b), StringComparison.OrdinalIgnoreCase),
    };
}
