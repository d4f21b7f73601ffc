using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ledgerline;

/// <summary>
/// What a connection id may be, checked the same way by <see cref="ILedgerFactory.Open(string)"/>, every adapter's
/// connector and provider, and the connection stores: not null nor blank (code <c>BlankId</c>), at most
/// <see cref="MaxLength"/> characters (code <c>IdTooLong</c>), and well-formed text with nothing invisible or
/// line-breaking in it (code <c>MalformedId</c>): no control character (a line break, a tab, NUL), no format character
/// (a zero-width space or joiner, a byte-order mark, a soft hyphen, a tag character outside the Basic Multilingual Plane), no line or paragraph separator, and no lone
/// surrogate. Such an id is an app's key for a tenant, yet it would show in logs and metrics as another id, break a log
/// line, or not survive a round trip through UTF-8 storage, so it is refused as input before anything is stored or sent.
/// </summary>
public static class ConnectionIdRule
{
    /// <summary>The longest connection id taken: room for a composite key of several GUIDs, far below any store's limit.</summary>
    public const int MaxLength = 256;

    /// <summary>Checks <paramref name="connectionId"/> against the rule.</summary>
    /// <param name="connectionId">The id to check.</param>
    /// <param name="field">The field to name in the error, e.g. <c>connectionId</c> or <c>connection.Id</c>.</param>
    /// <returns>The rule the id breaks, or <see langword="null"/> when it is a valid connection id. The message never quotes the id.</returns>
    public static FieldError? Check(string? connectionId, string field = "connectionId")
    {
        if (string.IsNullOrWhiteSpace(connectionId))
        {
            return new FieldError(field, $"The {field} must not be null or blank: the id the connection was saved under.", "BlankId");
        }

        if (connectionId.Length > MaxLength)
        {
            return new FieldError(field, $"The {field} has {connectionId.Length} characters; a connection id has at most {MaxLength}.", "IdTooLong");
        }

        // By Unicode scalar value, so that a character outside the Basic Multilingual Plane is judged by its own category:
        // tag characters (U+E0001, U+E0020–U+E007F) and musical formatting marks (U+1D173…) are format characters too.
        var text = connectionId.AsSpan();
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                return Malformed(field, i, "a lone surrogate (not well-formed UTF-16)");
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                    return Malformed(field, i, "a control character (e.g. a line break or tab)");
                case UnicodeCategory.Format:
                    return Malformed(field, i, "an invisible format character (e.g. a zero-width space, byte-order mark or tag character)");
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    return Malformed(field, i, "a line or paragraph separator");
            }

            i += consumed;
        }

        return null;
    }

    /// <summary>Refuses an id that breaks the rule with <see cref="LedgerValidationException"/> naming <paramref name="field"/>.</summary>
    /// <param name="connectionId">The id to check.</param>
    /// <param name="provider">The provider to report in <see cref="LedgerlineException.Provider"/>, if any.</param>
    /// <param name="field">The field to name in the error.</param>
    /// <returns>The id, valid.</returns>
    /// <exception cref="LedgerValidationException">The id breaks the rule (codes <c>BlankId</c>, <c>IdTooLong</c>, <c>MalformedId</c>).</exception>
    public static string ThrowIfInvalid(string? connectionId, string? provider = null, string field = "connectionId") =>
        Check(connectionId, field) is { } error ? throw new LedgerValidationException([error]) { Provider = provider } : connectionId!;

    /// <summary>
    /// Refuses a null or blank id (code <c>BlankId</c>) with <see cref="LedgerValidationException"/> naming
    /// <paramref name="field"/>: what a connection store checks on a read, an update or a delete, where an id saved before
    /// the rest of the rule applied must still be found and removed.
    /// </summary>
    /// <param name="connectionId">The id to check.</param>
    /// <param name="field">The field to name in the error.</param>
    /// <returns>The id, not blank.</returns>
    /// <exception cref="LedgerValidationException">The id is null, empty or white space (code <c>BlankId</c>).</exception>
    public static string ThrowIfBlank(string? connectionId, string field = "connectionId") =>
        string.IsNullOrWhiteSpace(connectionId) ? throw new LedgerValidationException([Check(connectionId, field)!]) : connectionId;

    private static FieldError Malformed(string field, int index, string what) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"The {field} has {what} at index {index}; a connection id is visible, single-line, well-formed text."), "MalformedId");
}
