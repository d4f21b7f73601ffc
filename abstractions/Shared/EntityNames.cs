using System.Text;

namespace Ledgerline;

/// <summary>How messages name a kind of record: in lower-case words, with the indefinite article that goes with them.</summary>
internal static class EntityNames
{
    /// <summary>The kind in words: <c>Invoice</c> → <c>invoice</c>, <c>CreditNote</c> → <c>credit note</c>.</summary>
    public static string Words(EntityKind entity) => Words(entity.ToString());

    /// <summary>The kind with its article: <c>an invoice</c>, <c>an estimate</c>, <c>a credit note</c>.</summary>
    public static string WithArticle(EntityKind entity) => WithArticle(Words(entity));

    /// <summary>A word or name with its indefinite article, chosen by its first letter (<c>an EndObject</c>, <c>a String</c>).</summary>
    public static string WithArticle(string words) =>
        (words.Length > 0 && "aeiouAEIOU".Contains(words[0], StringComparison.Ordinal) ? "an " : "a ") + words;

    private static string Words(string pascal)
    {
        var words = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
