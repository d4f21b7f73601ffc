using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

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

    /// <summary>An ISO 8601 timestamp string; one without an offset is taken as UTC.</summary>
    public static bool TryDateTime(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        return TryString(node, out var s) && s is not null &&
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
