using System.Globalization;
using System.Text.Json;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// Where an entity's records sit in a body: under <c>response.result</c> (accounting) or at the root (time tracking), as
/// <c>{SingleKey}</c> or <c>{ListKey}[]</c>. Used for error messages, to quote the one record that could not be read, and
/// to keep each record's raw JSON.
/// </summary>
/// <param name="Wrapper">The objects around the result (<c>response</c>, <c>result</c>), outermost first; empty at the root.</param>
/// <param name="SingleKey">The key of one record, e.g. <c>client</c>.</param>
/// <param name="ListKey">The key of a page of records, e.g. <c>clients</c>.</param>
internal sealed record RecordPath(IReadOnlyList<string> Wrapper, string SingleKey, string ListKey)
{
    private static readonly string[] AccountingWrapper = ["response", "result"];

    /// <summary>An accounting entity: <c>response.result.{key}</c>.</summary>
    public static RecordPath Accounting(string singleKey, string listKey) => new(AccountingWrapper, singleKey, listKey);

    /// <summary>A time tracking entity: <c>{key}</c> at the root.</summary>
    public static RecordPath Root(string singleKey, string listKey) => new([], singleKey, listKey);

    /// <summary>The result object's dotted path (<c>response.result</c>), for messages.</summary>
    public string Result => string.Join('.', Wrapper);

    /// <summary>The dotted path of one record, for messages.</summary>
    public string Single => Dotted(SingleKey);

    /// <summary>The dotted path of a page of records, for messages.</summary>
    public string List => Dotted(ListKey) + "[]";

    /// <summary>The element holding one record, or a page of them; default when the body does not have it.</summary>
    public JsonElement Find(JsonElement root, bool list)
    {
        var current = root;
        foreach (var name in Wrapper.Append(list ? ListKey : SingleKey))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return default;
            }
        }

        return current;
    }

    /// <summary>
    /// The record a serializer path (<c>$.response.result.clients[3].vis_state</c>) points into, and the path within it
    /// (<c>$.vis_state</c>); null when the path is outside every record (counters, the envelope itself).
    /// </summary>
    public (JsonElement Record, string Within)? Locate(JsonElement root, string jsonPath)
    {
        var prefix = Wrapper.Count == 0 ? "$." : "$." + Result + ".";
        if (!jsonPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = jsonPath.AsSpan(prefix.Length);
        if (rest.StartsWith(ListKey + "[", StringComparison.Ordinal))
        {
            var close = rest.IndexOf(']');
            var list = Find(root, list: true);
            if (close > ListKey.Length + 1 && list.ValueKind == JsonValueKind.Array &&
                int.TryParse(rest[(ListKey.Length + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
                index < list.GetArrayLength())
            {
                return (list[index], "$" + rest[(close + 1)..].ToString());
            }
        }
        else if (rest.StartsWith(SingleKey, StringComparison.Ordinal) &&
            (rest.Length == SingleKey.Length || rest[SingleKey.Length] is '.' or '['))
        {
            var record = Find(root, list: false);
            if (record.ValueKind != JsonValueKind.Undefined)
            {
                return (record, "$" + rest[SingleKey.Length..].ToString());
            }
        }

        return null;
    }

    private string Dotted(string key) => Wrapper.Count == 0 ? key : $"{Result}.{key}";
}
