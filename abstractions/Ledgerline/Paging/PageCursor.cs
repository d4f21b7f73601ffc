using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.Paging;

/// <summary>
/// The opaque cursors callers see: a provider's own position (a page number, an offset) sealed together with a
/// fingerprint of the query that produced it, so that a cursor reused with another query is refused rather than
/// silently returning the wrong records. Ledgerline applies this around every provider, which deals in raw positions only.
/// A cursor is an integrity check against misuse, not a secret: it grants nothing the caller's ledger does not already
/// allow, and a provider still refuses a position it did not issue.
/// </summary>
public static class PageCursor
{
    private const string Prefix = "ll1.";

    /// <summary>Seals <paramref name="position"/> for <paramref name="query"/> (and, when given, the ledger and store <paramref name="scope"/> names).</summary>
    /// <param name="query">The query the position belongs to.</param>
    /// <param name="position">The provider's own position.</param>
    /// <param name="scope">What else the cursor is only valid for, e.g. <c>provider/connection/entity</c>; the same value must open it.</param>
    public static string Encode(RecordQuery query, string position, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(position);
        var payload = Encoding.UTF8.GetBytes(Fingerprint(query, scope) + "|" + position);
        return Prefix + Base64Url.EncodeToString(payload);
    }

    /// <summary>Opens a cursor made by <see cref="Encode"/> for the same query and returns the provider's position.</summary>
    /// <exception cref="InvalidCursorException">The cursor is malformed or was made for a different query.</exception>
    /// <param name="query">The query the cursor must belong to.</param>
    /// <param name="cursor">The cursor as the caller passed it.</param>
    /// <param name="scope">The scope it was sealed with (see <see cref="Encode"/>).</param>
    public static string Decode(RecordQuery query, string cursor, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(cursor);
        if (!cursor.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidCursorException("The cursor is not one Ledgerline issued. Pass back NextCursor exactly as received.");
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.AsSpan(Prefix.Length)));
        }
        catch (FormatException)
        {
            throw new InvalidCursorException("The cursor is corrupted. Pass back NextCursor exactly as received.");
        }

        var separator = text.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidCursorException("The cursor is corrupted. Pass back NextCursor exactly as received.");
        }

        if (!string.Equals(text[..separator], Fingerprint(query, scope), StringComparison.Ordinal))
        {
            throw new InvalidCursorException(
                "The cursor belongs to a different query (filters, states or page size differ) or another ledger or store. Use it only with the query and store that returned it.");
        }

        return text[(separator + 1)..];
    }

    private static string Fingerprint(RecordQuery query, string? scope)
    {
        var text = new StringBuilder(query.GetType().Name).Append(';').Append(query.PageSize).Append(';').Append(scope);
        foreach (var filter in query.GetAppliedFilters())
        {
            text.Append(';').Append(filter.Name).Append('=').Append(filter.Value);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
    }
}
