namespace Ledgerline;

/// <summary>
/// A <see cref="Page{T}"/> seen without its record type, for code that handles every entity alike, such as store
/// middleware that counts records or rewrites cursors.
/// </summary>
public interface IPage
{
    /// <summary>How many records the page holds.</summary>
    int Count { get; }

    /// <summary>The cursor of the following page; <see langword="null"/> on the last page.</summary>
    string? NextCursor { get; }

    /// <summary>How many records the whole query matches, when the provider says.</summary>
    int? TotalCount { get; }

    /// <summary>The same page with another <see cref="NextCursor"/>.</summary>
    IPage WithNextCursor(string? nextCursor);
}
