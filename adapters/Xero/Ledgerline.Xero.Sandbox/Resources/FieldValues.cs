using System.Globalization;
using System.Text.Json;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>
/// Reads a dotted member path (<c>Contact.ContactID</c>) from a rendered record, as the <c>where</c> and <c>order</c>
/// parameters name members: the wire names, case-insensitive. <c>/Date(…)/</c> strings read as instants.
/// </summary>
internal static class FieldValues
{
    public static object? Read(JsonElement record, IReadOnlyList<string> path)
    {
        var current = record;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !TryProperty(current, segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => XeroDates.TryParseMs(current.GetString()!, out var instant) ? instant.UtcDateTime : current.GetString(),
            JsonValueKind.Number => current.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    private static bool TryProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Orders values of one member: nulls first, then numbers, instants, booleans or strings (case-insensitive).</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (decimal x, decimal y) => x.CompareTo(y),
        (DateTime x, DateTime y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
    };
}
