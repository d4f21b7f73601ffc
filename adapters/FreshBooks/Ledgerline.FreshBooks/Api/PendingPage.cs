namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// One answer of a listing whose body has arrived and may not have been read yet: <see cref="Read"/> deserializes and maps
/// it, once. The pager sends its next request before it reads a page, so reading (the client's CPU) overlaps the next
/// page's round trip (FreshBooks' rendering and the network) while no more requests are in flight than the listing asks
/// for; a listing's memory is then its requests in flight plus the one page being read.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class PendingPage<T>
{
    private Func<FetchedPage<T>>? _read;
    private FetchedPage<T>? _page;

    private PendingPage(FetchedPage<T>? page, Func<FetchedPage<T>>? read)
    {
        _page = page;
        _read = read;
    }

    /// <summary>An answer to read later: <paramref name="read"/> runs on the first <see cref="Read"/>, on the pager's thread.</summary>
    public static PendingPage<T> Deferred(Func<FetchedPage<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new PendingPage<T>(null, read);
    }

    /// <summary>An answer already read (a listing whose reading needs more requests, such as the currencies of projects).</summary>
    public static PendingPage<T> Done(FetchedPage<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PendingPage<T>(page, null);
    }

    /// <summary>The page, read on first call; a failure to read it (a typed Ledgerline exception) is thrown from here.</summary>
    public FetchedPage<T> Read()
    {
        if (_page is null)
        {
            _page = _read!();
            _read = null;
        }

        return _page;
    }
}
