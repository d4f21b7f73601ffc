using System.Text.Json;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>Small JSON helpers shared by the resource writers: Xero omits null members rather than writing null.</summary>
internal static class Writers
{
    public static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    public static void Opt(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    public static void Updated(Utf8JsonWriter w, DateTimeOffset updated) => w.WriteString("UpdatedDateUTC", XeroDates.Ms(updated));

    public static void EmptyArray(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray(name);
        w.WriteEndArray();
    }
}
