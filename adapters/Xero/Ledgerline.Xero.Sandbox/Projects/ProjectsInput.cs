using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>
/// Reads one Projects request body field by field, collecting every problem as <c>model.&lt;Field&gt;</c> messages (never
/// throwing). Property names match case-insensitively (<i>Decision</i>: Xero's camelCase, but ASP.NET-style binding).
/// </summary>
internal sealed class ProjectsInput(JsonObject body)
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    /// <summary>Reads the body as a JSON object; writes Xero's 400 and answers null when it is missing, malformed or not an object.</summary>
    public static async Task<ProjectsInput?> ReadAsync(HttpContext context)
    {
        var read = await HttpJson.ReadAsync(context);
        var problem = read switch
        {
            { TooLarge: true } => $"The request body is larger than {HttpJson.MaxBodyBytes} bytes.",
            { Malformed: true } => "The request body is not valid JSON.",
            { Empty: true } => "A request body is required.",
            { Body: not JsonObject } => "The request body must be a JSON object.",
            _ => null,
        };
        if (problem is not null)
        {
            await ProjectsErrors.InvalidAsync(context, "model", problem);
            return null;
        }

        return new ProjectsInput((JsonObject)read.Body!);
    }

    public void Add(string field, string message)
    {
        var key = "model." + field;
        if (!Errors.TryGetValue(key, out var list))
        {
            Errors[key] = list = [];
        }

        list.Add(message);
    }

    public bool Has(string name) => Node(name) is not null;

    public string? Text(string name, string field, bool required = false, int? maxLength = null)
    {
        switch (Node(name))
        {
            case null:
                if (required)
                {
                    Add(field, $"The {field} field is required.");
                }

                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (maxLength is { } max && text.Length > max)
                {
                    Add(field, $"The {field} must be at most {max} characters.");
                }

                return text;
            default:
                Add(field, $"The {field} must be a string.");
                return null;
        }
    }

    public Guid? Id(string name, string field, bool required = false)
    {
        var text = Text(name, field, required);
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        Add(field, $"The value '{Excerpt(text)}' is not a valid {field}.");
        return null;
    }

    /// <summary>A number; a numeric string is read too (Xero's own create example sends <c>"estimateAmount": "99.99"</c>).</summary>
    public decimal? Number(string name, string field)
    {
        switch (Node(name))
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number):
                return number;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String &&
                decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                Add(field, $"The {field} must be a number.");
                return null;
        }
    }

    public int? Integer(string name, string field, bool required, int min, int max)
    {
        switch (Node(name))
        {
            case null:
                if (required)
                {
                    Add(field, $"The {field} field is required.");
                }

                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number):
                if (number != decimal.Truncate(number) || number < min || number > max)
                {
                    Add(field, $"The {field} must be a whole number between {min} and {max} inclusively.");
                    return null;
                }

                return (int)number;
            default:
                Add(field, $"The {field} must be a whole number.");
                return null;
        }
    }

    /// <summary>An ISO-8601 instant; without an offset it is taken as UTC (the API's dates are UTC).</summary>
    public DateTimeOffset? Instant(string name, string field, bool required = false)
    {
        var text = Text(name, field, required);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        Add(field, $"The value '{Excerpt(text)}' is not a valid ISO-8601 date time.");
        return null;
    }

    /// <summary>A money object <c>{"currency","value"}</c>; the currency, when given, must be <paramref name="currency"/>.</summary>
    public decimal? Money(string name, string field, string currency, bool required)
    {
        switch (Node(name))
        {
            case null:
                if (required)
                {
                    Add(field, $"The {field} field is required.");
                }

                return null;
            case JsonObject money:
                var inner = new ProjectsInput(money);
                var code = inner.Text("currency", field + ".Currency");
                var value = inner.Number("value", field + ".Value");
                foreach (var (key, messages) in inner.Errors)
                {
                    Errors[key] = messages;
                }

                if (code is not null && !string.Equals(code, currency, StringComparison.OrdinalIgnoreCase))
                {
                    Add(field, $"The {field} currency must be the project's currency, {currency}.");
                }

                if (value is null && inner.IsValid)
                {
                    Add(field, $"The {field} value is required.");
                }

                return value;
            default:
                Add(field, $"The {field} must be an object with currency and value.");
                return null;
        }
    }

    private JsonNode? Node(string name)
    {
        foreach (var (key, value) in body)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string Excerpt(string text) => text.Length > 64 ? text[..64] : text;
}
