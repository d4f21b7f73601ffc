using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>
/// Reads one submitted element the way Xero's deserialiser does: property names case-insensitive, numbers given as
/// numbers or numeric strings, and a value of the wrong type fails the whole request (PostDataInvalidException) with
/// the JSON path, before any validation runs.
/// </summary>
internal sealed class ElementReader(JsonObject element, string path)
{
    public JsonObject Element { get; } = element;

    public string Path { get; } = path;

    private string At(string name) => Path.Length == 0 ? name : Path + "." + name;

    public bool Has(string name) => Find(name, out _);

    private bool Find(string name, out JsonNode? value)
    {
        if (Element.TryGetPropertyValue(name, out value))
        {
            return true;
        }

        foreach (var (key, v) in Element)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    public string? Str(string name, int maxLength = 4000)
    {
        if (!Find(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            var text = v.GetValueKind() switch
            {
                JsonValueKind.String => v.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
                _ => null,
            };
            if (text is not null)
            {
                return text.Length <= maxLength ? text : throw AccountingException.PostData($"String is too long. Path '{At(name)}'.");
            }
        }

        throw AccountingException.PostData($"Error reading string. Unexpected token: {node.GetValueKind()}. Path '{At(name)}'.");
    }

    public decimal? Dec(string name)
    {
        if (!Find(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            var kind = v.GetValueKind();
            var text = kind == JsonValueKind.String ? v.GetValue<string>().Trim() : kind == JsonValueKind.Number ? v.ToJsonString() : null;
            if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) <= XeroNumbers.MaxMagnitude)
            {
                return d;
            }

            if (text is not null)
            {
                throw AccountingException.PostData($"Could not convert string to decimal: {text}. Path '{At(name)}'.");
            }
        }

        throw AccountingException.PostData($"Error reading decimal. Unexpected token: {node.GetValueKind()}. Path '{At(name)}'.");
    }

    public bool? Bool(string name)
    {
        if (!Find(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b): return b;
            }
        }

        throw AccountingException.PostData($"Could not convert to boolean: {node.ToJsonString()}. Path '{At(name)}'.");
    }

    public DateOnly? Date(string name)
    {
        var text = Str(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return XeroDates.TryParseDate(text, out var date)
            ? date
            : throw AccountingException.PostData($"Could not convert string to DateTime: {text}. Path '{At(name)}'.");
    }

    public Guid? Id(string name)
    {
        var text = Str(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Guid.TryParse(text, out var id)
            ? id
            : throw AccountingException.PostData($"Error converting value \"{text}\" to type 'System.Guid'. Path '{At(name)}'.");
    }

    public ElementReader? Obj(string name)
    {
        if (!Find(name, out var node) || node is null)
        {
            return null;
        }

        return node is JsonObject o
            ? new ElementReader(o, At(name))
            : throw AccountingException.PostData($"Error converting value {node.ToJsonString()} to an object. Path '{At(name)}'.");
    }

    /// <summary>Each array member as an object reader; null when absent or null.</summary>
    public IReadOnlyList<ElementReader>? Arr(string name)
    {
        if (!Find(name, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw AccountingException.PostData($"Error converting value {node.ToJsonString()} to an array. Path '{At(name)}'.");
        }

        var list = new List<ElementReader>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            list.Add(array[i] is JsonObject o
                ? new ElementReader(o, $"{At(name)}[{i.ToString(CultureInfo.InvariantCulture)}]")
                : throw AccountingException.PostData($"Error converting value {array[i]?.ToJsonString() ?? "null"} to an object. Path '{At(name)}[{i.ToString(CultureInfo.InvariantCulture)}]'."));
        }

        return list;
    }
}
