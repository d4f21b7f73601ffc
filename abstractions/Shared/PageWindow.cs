namespace Ledgerline;

/// <summary>
/// One request of an offset-paged listing: page <see cref="Page"/> (1-based) at <see cref="PerPage"/> records a page, which
/// covers the offsets [<see cref="Start"/>, <see cref="End"/>) of the listing (fewer when the listing ends sooner).
/// </summary>
/// <param name="Page">The page number asked for.</param>
/// <param name="PerPage">The page size asked for.</param>
internal readonly record struct PageWindow(int Page, int PerPage)
{
    /// <summary>The offset of the window's first record.</summary>
    public long Start => (long)(Page - 1) * PerPage;

    /// <summary>The offset just past the window's last record.</summary>
    public long End => (long)Page * PerPage;
}
