using System.Globalization;
using System.Text;
using System.Text.Json;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Checks that the answers to the windows of one paged Xero listing (<see cref="PageWindows"/>: every request after the
/// first starts at or before the last record read) add up to one listing: with <c>pagination</c>, each answer is the
/// page and page size asked for, counts the same <c>itemCount</c> as the first and holds the records those counters put
/// on it; every answer repeats, at the offsets it shares with what was read, the very records read there; and no record
/// comes twice. A failure is an <see cref="InvalidProviderResponseException"/> ("records moved while listing … list
/// again"), never a listing that silently lacks a record: archiving a contact on a page already read (Contacts leave
/// archived ones out) shifts the records at the boundary, which the overlap shows.
/// </summary>
/// <param name="call">The listing's call, named in errors.</param>
/// <param name="maxPerPage">The largest page size a window may have (the Accounting API: 100, the Projects API: 500): the overlap to check is at most that long.</param>
internal sealed class XeroWindowSequence(XeroCall call, int maxPerPage = PageWindows.MaxPerPage)
{
    private const int MaxIdLength = 64;

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _tail = new();
    private int _read;

    /// <summary>How many records (from offset 0) the accepted answers have read.</summary>
    public int Read => _read;

    /// <summary>The listing's <c>itemCount</c> as its first answer gave it; null without <c>pagination</c> (quotes).</summary>
    public int? Total { get; private set; }

    /// <summary>A sequence continued from a cursor: <paramref name="read"/> records were read, the last <paramref name="last"/>.</summary>
    public static XeroWindowSequence Resume(XeroCall call, int read, int? total, string last, int maxPerPage = PageWindows.MaxPerPage)
    {
        var sequence = new XeroWindowSequence(call, maxPerPage) { _read = read, Total = total };
        sequence._tail.Enqueue(last);
        sequence._ids.Add(last);
        return sequence;
    }

    /// <summary>Whether the listing has more records after what was read, given the last answer held <paramref name="received"/> of <paramref name="window"/>.</summary>
    public bool HasMore(PageWindow window, int received) =>
        Total is { } total ? _read < total : received >= window.PerPage;

    /// <summary>Accepts the answer to <paramref name="window"/> and returns how many of its leading records were read before.</summary>
    public int Accept(IReadOnlyList<string> ids, PaginationWire? pagination, PageWindow window)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (window.Start > _read || (window.Start == _read && _read > 0))
        {
            throw new InvalidOperationException("A window must overlap what was read.");
        }

        if (pagination is not null)
        {
            CheckCounters(ids.Count, pagination, window);
        }
        else if (Total is not null)
        {
            throw Invalid(pagination, Text($"Xero answered page {window.Page} without pagination, after a first page that had it"));
        }

        var overlap = (int)Math.Min(_read - window.Start, ids.Count);
        var known = _read - _tail.Count;
        var index = 0;
        foreach (var before in _tail)
        {
            var offset = known + index++;
            if (offset >= window.Start && offset - window.Start < ids.Count && ids[(int)(offset - window.Start)] is var found &&
                !string.Equals(found, before, StringComparison.Ordinal))
            {
                throw Invalid(pagination, Text(
                    $"Xero listed record '{Bounded(found)}' at offset {offset} (page {window.Page}, {window.PerPage} a page) where the listing had record '{Bounded(before)}' when that offset was read: records moved while listing (one added, archived or removed before it), so one may have been skipped; list again"),
                    Text($",\"offset\":{offset},\"read\":\"{Json(before)}\",\"now\":\"{Json(found)}\""));
            }
        }

        if (ids.Count < _read - window.Start)
        {
            // The answer ends before the last record read: the listing shrank under it.
            throw Invalid(pagination, Text(
                $"Xero answered page {window.Page} ({window.PerPage} a page) with {ids.Count} records, short of the last record read: records were removed while listing, so one may have been skipped; list again"));
        }

        for (var i = overlap; i < ids.Count; i++)
        {
            if (!_ids.Add(ids[i]))
            {
                throw Invalid(pagination, Text(
                    $"Xero listed record '{Bounded(ids[i])}' on page {window.Page} and earlier in the same listing: records moved while listing, so another may have been skipped; list again"));
            }

            _tail.Enqueue(ids[i]);
            if (_tail.Count > maxPerPage)
            {
                _tail.Dequeue();
            }
        }

        _read = (int)window.Start + ids.Count;
        return overlap;
    }

    private void CheckCounters(int count, PaginationWire pagination, PageWindow window)
    {
        if (pagination.Page != window.Page || pagination.PageSize != window.PerPage)
        {
            throw Invalid(pagination, Text(
                $"Xero answered page {Number(pagination.Page)} at {Number(pagination.PageSize)} a page when asked for page {window.Page} at {window.PerPage}: it did not honour the page asked for"));
        }

        if (pagination.ItemCount is not { } total || total < 0)
        {
            throw Invalid(pagination, "Xero answered a paged list without a usable itemCount");
        }

        if (Total is { } first && first != total)
        {
            throw Invalid(pagination, Text(
                $"Xero counted {first} records when the listing began and {total} on page {window.Page} ({window.PerPage} a page): records were added or removed while listing, so one may have been skipped or repeated; list again"));
        }

        var expected = (int)Math.Clamp(total - window.Start, 0, window.PerPage);
        if (count != expected)
        {
            throw Invalid(pagination, Text(
                $"Xero answered page {window.Page} with {count} records, but {total} records at {window.PerPage} a page put {expected} on it"));
        }

        Total ??= total;
    }

    private LedgerlineException Invalid(PaginationWire? pagination, string reason, string extra = "")
    {
        var excerpt = pagination is null
            ? "{" + extra.TrimStart(',') + "}"
            : Text($"{{\"page\":{Number(pagination.Page)},\"pageSize\":{Number(pagination.PageSize)},\"pageCount\":{Number(pagination.PageCount)},\"itemCount\":{Number(pagination.ItemCount)}{extra}}}");
        return XeroErrorTable.Invalid(call, 200, Encoding.UTF8.GetBytes(excerpt), reason);
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Bounded(string text) => text.Length <= MaxIdLength ? text : string.Concat(text.AsSpan(0, MaxIdLength), "…");

    private static string Json(string text) => JsonEncodedText.Encode(Bounded(text)).ToString();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
