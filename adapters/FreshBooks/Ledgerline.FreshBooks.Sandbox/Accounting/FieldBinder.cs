using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Accounting;

/// <summary>Validation errors collected while binding one request, all reported together.</summary>
internal sealed class BindErrors(string objectName)
{
    public List<AccountingError> Items { get; } = [];

    public string ObjectName { get; } = objectName;

    public bool Any => Items.Count > 0;

    public void Add(int errno, string field, string message, string? value = null) =>
        Items.Add(new AccountingError(errno, field, message, ObjectName, value));

    public void Required(string field) => Add(1001, field, $"Field {field} is required.");
}

/// <summary>Converts loosely typed JSON values the way FreshBooks accepts them (numbers as strings or numbers, etc.).</summary>
internal static class JsonValues
{
    public static string? Raw(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static bool TryString(JsonNode? node, out string? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        return false;
    }

    /// <summary>Larger magnitudes would overflow line arithmetic; FreshBooks rejects them too.</summary>
    private const decimal MaxMagnitude = 999_999_999_999m;

    public static bool TryDecimal(JsonNode? node, out decimal value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }

        var parsed = v.GetValueKind() switch
        {
            JsonValueKind.Number => decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            JsonValueKind.String => Formats.TryDecimal(v.GetValue<string>().Trim(), out value),
            _ => false,
        };
        return parsed && Math.Abs(value) <= MaxMagnitude;
    }

    public static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        if (!TryDecimal(node, out var d) || d != decimal.Truncate(d) || d > int.MaxValue || d < int.MinValue)
        {
            return false;
        }

        value = (int)d;
        return true;
    }

    public static bool TryBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue v)
        {
            return false;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.True: value = true; return true;
            case JsonValueKind.False: return true;
            case JsonValueKind.Number when TryInt(node, out var n) && n is 0 or 1: value = n == 1; return true;
            case JsonValueKind.String:
                var s = v.GetValue<string>();
                if (s is "true" or "True" or "1") { value = true; return true; }
                return s is "false" or "False" or "0";
            default: return false;
        }
    }

    public static bool TryDate(JsonNode? node, out DateOnly value)
    {
        value = default;
        return TryString(node, out var s) && s is not null && Formats.TryDate(s, out value);
    }
}

/// <summary>Maps a request object's fields onto a record; unknown fields and wrong types become FreshBooks errnos.</summary>
internal sealed class FieldBinder<T>
    where T : Entity
{
    public delegate void Setter(T target, JsonNode? value, BindErrors errors, string field);

    private readonly Dictionary<string, Setter> _setters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readOnly = new(StringComparer.Ordinal);

    public IEnumerable<string> WritableFields => _setters.Keys;

    public FieldBinder<T> Custom(string name, Setter setter)
    {
        _setters[name] = setter;
        return this;
    }

    public FieldBinder<T> Text(params string[] names)
    {
        foreach (var name in names)
        {
            Custom(name, (t, v, e, f) =>
            {
                if (JsonValues.TryString(v, out var s))
                {
                    t.Text[f] = s;
                }
                else
                {
                    e.Add(1004, f, $"Invalid value for field {f}: expected a string.", JsonValues.Raw(v));
                }
            });
        }

        return this;
    }

    public FieldBinder<T> Int(string name, Action<T, int> set) => Custom(name, (t, v, e, f) =>
    {
        if (JsonValues.TryInt(v, out var n))
        {
            set(t, n);
        }
        else
        {
            e.Add(1015, f, $"Invalid value for field {f}: expected an integer.", JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> NullableInt(string name, Action<T, int?> set) => Custom(name, (t, v, e, f) =>
    {
        if (v is null)
        {
            set(t, null);
        }
        else if (JsonValues.TryInt(v, out var n))
        {
            set(t, n);
        }
        else
        {
            e.Add(1015, f, $"Invalid value for field {f}: expected an integer.", JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> Bool(string name, Action<T, bool> set) => Custom(name, (t, v, e, f) =>
    {
        if (JsonValues.TryBool(v, out var b))
        {
            set(t, b);
        }
        else
        {
            e.Add(1031, f, $"Invalid value for field {f}: expected a boolean.", JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> Decimal(string name, Action<T, decimal> set) => Custom(name, (t, v, e, f) =>
    {
        if (JsonValues.TryDecimal(v, out var d))
        {
            set(t, d);
        }
        else
        {
            e.Add(1015, f, $"Invalid value for field {f}: expected a number.", JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> Percent(string name, Action<T, decimal?> set) => Custom(name, (t, v, e, f) =>
    {
        if (v is null || (v is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && sv.GetValue<string>().Length == 0))
        {
            set(t, null);
        }
        else if (JsonValues.TryDecimal(v, out var d) && d >= 0 && d <= 100)
        {
            set(t, d);
        }
        else
        {
            e.Add(1018, f, $"Invalid percent value for field {f}.", JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> Date(string name, Action<T, DateOnly?> set, bool nullable = false) => Custom(name, (t, v, e, f) =>
    {
        if (v is null && nullable)
        {
            set(t, null);
        }
        else if (JsonValues.TryDate(v, out var d))
        {
            set(t, d);
        }
        else
        {
            e.Add(1033, f, $"Invalid value for field {f}: expected a date (YYYY-MM-DD).", JsonValues.Raw(v));
        }
    });

    /// <summary>Money objects: <c>{"amount": "12.50", "code": "USD"}</c>; amount may be a string or a number, code is optional.</summary>
    public FieldBinder<T> Money(string name, Action<T, decimal, string?> set) => Custom(name, (t, v, e, f) =>
    {
        if (v is not JsonObject o)
        {
            e.Add(1004, f, $"Invalid value for field {f}: expected an object with amount and code.", JsonValues.Raw(v));
            return;
        }

        if (!o.ContainsKey("amount") || !JsonValues.TryDecimal(o["amount"], out var amount))
        {
            e.Add(1015, f, $"Invalid value for field {f}.amount: expected a number.", JsonValues.Raw(o["amount"]));
            return;
        }

        string? code = null;
        if (o.TryGetPropertyValue("code", out var codeNode) &&
            (!JsonValues.TryString(codeNode, out code) || (code is not null && (code.Length != 3 || !code.All(char.IsAsciiLetter)))))
        {
            e.Add(1004, f, $"Invalid currency code for field {f}.", JsonValues.Raw(codeNode));
            return;
        }

        set(t, amount, code?.ToUpperInvariant());
    });

    public FieldBinder<T> ReadOnly(params string[] names)
    {
        foreach (var n in names)
        {
            _readOnly.Add(n);
        }

        return this;
    }

    /// <summary>Accepts every field a GET returns, so a fetched object can be PUT back unchanged.</summary>
    public FieldBinder<T> ReadOnlyFromSample(byte[] sampleJson)
    {
        using var doc = JsonDocument.Parse(sampleJson);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (!_setters.ContainsKey(p.Name))
            {
                _readOnly.Add(p.Name);
            }
        }

        return this;
    }

    public void Bind(T target, JsonObject body, BindErrors errors)
    {
        foreach (var (key, value) in body)
        {
            if (_setters.TryGetValue(key, out var setter))
            {
                setter(target, value, errors, key);
            }
            else if (!_readOnly.Contains(key))
            {
                errors.Add(1006, key, $"Unknown field {key}.", JsonValues.Raw(value));
            }
        }
    }
}
