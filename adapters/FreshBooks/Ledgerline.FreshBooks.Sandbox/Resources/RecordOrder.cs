using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>How list values compare and print, shared by every family's filters and sorts.</summary>
internal static class RecordOrder
{
    /// <summary>
    /// Sorts by one key; nulls first (last when descending), text case-insensitively and culture-free, and ties by
    /// ascending id so paging stays stable.
    /// </summary>
    public static IReadOnlyList<T> Sort<T>(IReadOnlyList<T> items, Func<T, object?> key, bool descending)
        where T : Entity
    {
        var keys = items.Select(key).ToArray();
        var order = Enumerable.Range(0, items.Count).ToArray();
        var sign = descending ? -1 : 1;
        Array.Sort(order, (a, b) =>
        {
            var c = Compare(keys[a], keys[b]) * sign;
            return c != 0 ? c : items[a].Id.CompareTo(items[b].Id);
        });
        return order.Select(i => items[i]).ToList();
    }

    public static int Compare(object? a, object? b) => (a, b) switch
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

    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => Formats.Date(d),
        DateTimeOffset t => Formats.Eastern(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
