using System.Globalization;

namespace Ledgerline;

/// <summary>
/// The filters every list query shares. Derived queries add their own; every filter a query sets is reported by
/// <see cref="GetAppliedFilters"/> so that an unsupported one is refused before any request is sent, and so that a
/// paging cursor can be tied to the exact query that produced it.
/// </summary>
public abstract record RecordQuery
{
    /// <summary>The largest page any provider is asked for (FreshBooks caps pages at 100 silently; Ledgerline refuses more).</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Which states to return. Default: active records only.</summary>
    public RecordStates States { get; init; } = RecordStates.Active;

    /// <summary>Only records changed at or after this instant (compared exactly, whatever the provider's granularity).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Records per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// The filters this query sets, as name/value pairs in a stable order. Names are the query's property names
    /// (e.g. <c>UpdatedSince</c>, <c>ContactId</c>) and match <see cref="StoreCapabilities.Filters"/>.
    /// <see cref="States"/> appears only when it differs from <see cref="RecordStates.Active"/>.
    /// </summary>
    public IReadOnlyList<QueryFilter> GetAppliedFilters()
    {
        var filters = new List<QueryFilter>();
        if (States != RecordStates.Active)
        {
            filters.Add(new(nameof(States), States.ToString()));
        }

        if (UpdatedSince is { } since)
        {
            filters.Add(new(nameof(UpdatedSince), since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        }

        AddFilters(filters);
        return filters;
    }

    /// <summary>Adds the derived query's filters; call <see cref="QueryFilter.Add{T}"/> for each property that is set.</summary>
    protected abstract void AddFilters(ICollection<QueryFilter> filters);
}

/// <summary>
/// A list query over records of type <typeparamref name="TRecord"/>, which also defines exactly which records it matches.
/// <see cref="Matches"/> is the single definition of the query's semantics: the InMemory provider filters with it,
/// adapters narrow what a provider returned with it where the provider filters more coarsely (day-granular dates,
/// missing filters), and the conformance suite uses it as the oracle every provider is compared with.
/// </summary>
/// <typeparam name="TRecord">The record type listed.</typeparam>
public abstract record RecordQuery<TRecord> : RecordQuery
    where TRecord : LedgerRecord
{
    /// <summary>
    /// Whether <paramref name="record"/> matches every filter this query sets: its state is one of <see cref="RecordQuery.States"/>,
    /// it changed at or after <see cref="RecordQuery.UpdatedSince"/> (compared exactly; a record without
    /// <see cref="LedgerRecord.UpdatedAt"/> never matches it), and the entity's own filters hold. A filter that is not set (<see langword="null"/>) matches every record; validation refuses filters that select nothing (an empty set).
    /// </summary>
    public bool Matches(TRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return States.Includes(record.State) && (UpdatedSince is not { } since || record.UpdatedAt >= since) && MatchesFilters(record);
    }

    /// <summary>Whether <paramref name="record"/> passes the entity's own filters (states and <c>UpdatedSince</c> are checked by <see cref="Matches"/>).</summary>
    protected abstract bool MatchesFilters(TRecord record);
}

/// <summary>One filter a query sets: the query property's name and its value formatted with the invariant culture.</summary>
/// <param name="Name">The query property's name.</param>
/// <param name="Value">The value, invariant-formatted.</param>
public readonly record struct QueryFilter(string Name, string Value)
{
    /// <summary>Adds a filter to <paramref name="filters"/> when <paramref name="value"/> is set.</summary>
    public static void Add<T>(ICollection<QueryFilter> filters, string name, T? value)
    {
        ArgumentNullException.ThrowIfNull(filters);
        switch (value)
        {
            case null:
                return;
            case string s:
                filters.Add(new(name, s));
                return;
            case System.Collections.IEnumerable many:
                var items = many.Cast<object?>().Select(Format).Order(StringComparer.Ordinal).ToArray();
                if (items.Length > 0)
                {
                    filters.Add(new(name, string.Join(',', items)));
                }

                return;
            default:
                filters.Add(new(name, Format(value)));
                return;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset d => d.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>An inclusive range of calendar dates; either end may be open.</summary>
/// <param name="From">The first date included, or <see langword="null"/> for no lower bound.</param>
/// <param name="To">The last date included, or <see langword="null"/> for no upper bound.</param>
public readonly record struct DateRange(DateOnly? From, DateOnly? To)
{
    /// <summary>Whether <paramref name="date"/> lies in the range.</summary>
    public bool Contains(DateOnly date) => (From is not { } from || date >= from) && (To is not { } to || date <= to);

    /// <summary>Formats as <c>from..to</c> with open ends empty.</summary>
    public override string ToString() =>
        $"{From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
