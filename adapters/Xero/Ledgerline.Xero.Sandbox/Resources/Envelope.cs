using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>The Accounting API's bodies: the success envelope, the ValidationException body and the whole-request errors.</summary>
internal static class Envelope
{
    /// <summary><c>{"Id","Status":"OK","ProviderName","DateTimeUTC",["pagination"],"&lt;Plural&gt;":[…]}</c>.</summary>
    public static void Write(Utf8JsonWriter w, string providerName, DateTimeOffset now, string listKey, Action<Utf8JsonWriter> items, Action<Utf8JsonWriter>? pagination = null)
    {
        w.WriteStartObject();
        w.WriteString("Id", Guid.NewGuid());
        w.WriteString("Status", "OK");
        w.WriteString("ProviderName", providerName);
        w.WriteString("DateTimeUTC", XeroDates.MsBare(now));
        pagination?.Invoke(w);
        w.WriteStartArray(listKey);
        items(w);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>400 <c>{"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[…]}</c>.</summary>
    public static Task ValidationAsync(HttpContext context, IReadOnlyList<JsonObject> elements) => HttpJson.WriteAsync(context, 400, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("ErrorNumber", 10);
        w.WriteString("Type", "ValidationException");
        w.WriteString("Message", "A validation exception occurred");
        w.WriteStartArray("Elements");
        foreach (var e in elements)
        {
            e.WriteTo(w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static Task ErrorAsync(HttpContext context, AccountingException error) => HttpJson.WriteAsync(context, 400, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("ErrorNumber", error.ErrorNumber);
        w.WriteString("Type", error.Type);
        w.WriteString("Message", error.Message);
        w.WriteEndObject();
    });

    /// <summary>A refused element as Xero echoes it: the submitted members plus <c>ValidationErrors</c>.</summary>
    public static JsonObject Refused(JsonObject submitted, IReadOnlyList<string> messages, bool withStatusAttribute)
    {
        var echo = (JsonObject)submitted.DeepClone();
        if (withStatusAttribute)
        {
            echo["StatusAttributeString"] = "ERROR";
        }

        var errors = new JsonArray();
        foreach (var m in messages)
        {
            errors.Add(new JsonObject { ["Message"] = m });
        }

        echo["ValidationErrors"] = errors;
        return echo;
    }
}
