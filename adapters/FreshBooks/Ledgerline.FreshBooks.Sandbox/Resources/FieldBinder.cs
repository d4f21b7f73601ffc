using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>
/// Maps a request object's fields onto a record. Wrong types become errors worded by the resource's family; unknown
/// fields are errors or ignored, as the family does it.
/// </summary>
internal sealed class FieldBinder<T>
    where T : Entity
{
    public delegate void Setter(T target, JsonNode? value, BindErrors errors, string field);

    private readonly Dictionary<string, Setter> _setters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readOnly = new(StringComparer.Ordinal);
    private readonly List<string> _requiredOnCreate = [];

    public IEnumerable<string> WritableFields => _setters.Keys;

    public FieldBinder<T> Custom(string name, Setter setter)
    {
        _setters[name] = setter;
        return this;
    }

    /// <summary>Plain strings kept in <see cref="Entity.Text"/> under their wire name.</summary>
    public FieldBinder<T> Text(params string[] names)
    {
        foreach (var name in names)
        {
            String(name, (t, s) => t.Text[name] = s);
        }

        return this;
    }

    /// <summary>A string or null.</summary>
    public FieldBinder<T> String(string name, Action<T, string?> set) => Custom(name, (t, v, e, f) =>
    {
        if (JsonValues.TryString(v, out var s))
        {
            set(t, s);
        }
        else
        {
            e.Add(BindFailure.NotString, f, JsonValues.Raw(v));
        }
    });

    /// <summary>A string from a fixed set; null only when <paramref name="nullable"/>.</summary>
    public FieldBinder<T> Enum(string name, IReadOnlyCollection<string> members, Action<T, string?> set, bool nullable = false) => Custom(name, (t, v, e, f) =>
    {
        if (!JsonValues.TryString(v, out var s))
        {
            e.Add(BindFailure.NotString, f, JsonValues.Raw(v));
        }
        else if (s is null ? !nullable : !members.Contains(s, StringComparer.Ordinal))
        {
            e.Add(BindFailure.NotEnumMember, f, s);
        }
        else
        {
            set(t, s);
        }
    });

    public FieldBinder<T> Int(string name, Action<T, int> set) => Custom(name, (t, v, e, f) =>
    {
        if (JsonValues.TryInt(v, out var n))
        {
            set(t, n);
        }
        else
        {
            e.Add(BindFailure.NotInteger, f, JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> NullableInt(string name, Action<T, int?> set, int min = int.MinValue) => Custom(name, (t, v, e, f) =>
    {
        if (v is null)
        {
            set(t, null);
        }
        else if (JsonValues.TryInt(v, out var n) && n >= min)
        {
            set(t, n);
        }
        else
        {
            e.Add(BindFailure.NotInteger, f, JsonValues.Raw(v));
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
            e.Add(BindFailure.NotBoolean, f, JsonValues.Raw(v));
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
            e.Add(BindFailure.NotNumber, f, JsonValues.Raw(v));
        }
    });

    public FieldBinder<T> NullableDecimal(string name, Action<T, decimal?> set) => Custom(name, (t, v, e, f) =>
    {
        if (v is null)
        {
            set(t, null);
        }
        else if (JsonValues.TryDecimal(v, out var d))
        {
            set(t, d);
        }
        else
        {
            e.Add(BindFailure.NotNumber, f, JsonValues.Raw(v));
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
            e.Add(BindFailure.NotPercent, f, JsonValues.Raw(v));
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
            e.Add(BindFailure.NotDate, f, JsonValues.Raw(v));
        }
    });

    /// <summary>An ISO 8601 timestamp, stored in UTC.</summary>
    public FieldBinder<T> DateTime(string name, Action<T, DateTimeOffset> set) => Custom(name, (t, v, e, f) =>
    {
        if (JsonValues.TryDateTime(v, out var at))
        {
            set(t, at.ToUniversalTime());
        }
        else
        {
            e.Add(BindFailure.NotDateTime, f, JsonValues.Raw(v));
        }
    });

    /// <summary>
    /// The accounting money object <c>{"amount": "12.50", "code": "USD"}</c>: amount a string or a number, code
    /// optional. Its errnos are accounting's own, since only accounting has money objects.
    /// </summary>
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

    /// <summary>
    /// Fields a create must carry, reported together with the type errors (pydantic does this; accounting reports
    /// its required fields after the type errors, from the resource's validation instead).
    /// </summary>
    public FieldBinder<T> RequiredOnCreate(params string[] names)
    {
        _requiredOnCreate.AddRange(names);
        return this;
    }

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

    public void Bind(T target, JsonObject body, BindErrors errors, bool creating)
    {
        foreach (var (key, value) in body)
        {
            if (_setters.TryGetValue(key, out var setter))
            {
                setter(target, value, errors, key);
            }
            else if (!_readOnly.Contains(key) && !errors.Family.IgnoresUnknownFields)
            {
                errors.Add(BindFailure.UnknownField, key, JsonValues.Raw(value));
            }
        }

        if (creating)
        {
            foreach (var name in _requiredOnCreate)
            {
                if (!body.ContainsKey(name))
                {
                    errors.Required(name);
                }
            }
        }
    }
}
