using System.Globalization;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Where a paged Xero listing stands between two <c>ListPageAsync</c> calls: <see cref="Read"/> records read from offset
/// 0, the listing's <see cref="Total"/> (Xero's <c>itemCount</c>; null when Xero sent no <c>pagination</c>) and the
/// <see cref="Last"/> record's id, which the next window must repeat (<see cref="XeroWindowSequence.Resume"/>). Written
/// <c>read/total/last</c> (<c>total</c> <c>-</c> when unknown), with 1 ≤ read &lt; total and an id of at most 64 letters,
/// digits and dashes; anything else, such as a page number issued before windows overlapped (<c>"2"</c>), is an
/// <see cref="InvalidCursorException"/> rather than a position misread.
/// </summary>
internal readonly record struct XeroPosition(int Read, int? Total, string Last)
{
    private const int MaxIdLength = 64;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Read}/{(Total is { } counted ? counted.ToString(CultureInfo.InvariantCulture) : "-")}/{Last}");

    public static XeroPosition Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 3 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var read) && read >= 1 &&
            (parts[1] == "-" ? read < int.MaxValue : (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > read)) &&
            parts[2].Length is >= 1 and <= MaxIdLength && parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return new XeroPosition(read, parts[1] == "-" ? null : int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture), parts[2]);
        }

        throw new InvalidCursorException("The cursor does not name a position in a Xero listing. Pass back NextCursor exactly as received.");
    }
}
