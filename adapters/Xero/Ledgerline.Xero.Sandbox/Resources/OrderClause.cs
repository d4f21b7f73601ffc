using System.Text.Json;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>Xero's <c>order</c> parameter: <c>Member [ASC|DESC]</c>, comma separated, e.g. <c>UpdatedDateUTC DESC</c>.</summary>
internal sealed class OrderClause
{
    private readonly List<(string[] Path, bool Descending)> _keys;

    private OrderClause(List<(string[] Path, bool Descending)> keys) => _keys = keys;

    public static OrderClause Parse(string text)
    {
        if (text.Length > WhereExpression.MaxLength)
        {
            throw AccountingException.Query("The order clause is too long.");
        }

        var keys = new List<(string[], bool)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = words.Length == 2 && words[1].Equals("DESC", StringComparison.OrdinalIgnoreCase);
            if (words.Length > 2 || (words.Length == 2 && !descending && !words[1].Equals("ASC", StringComparison.OrdinalIgnoreCase)) ||
                words[0].Split('.').Any(s => s.Length == 0 || !s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')))
            {
                throw AccountingException.Query($"Invalid order clause '{part}'.");
            }

            keys.Add((words[0].Split('.'), descending));
        }

        return new OrderClause(keys);
    }

    public int Compare(JsonElement a, JsonElement b)
    {
        foreach (var (path, descending) in _keys)
        {
            var c = FieldValues.Compare(FieldValues.Read(a, path), FieldValues.Read(b, path));
            if (c != 0)
            {
                return descending ? -c : c;
            }
        }

        return 0;
    }
}
