using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>Writes JSON responses and reads JSON request bodies without ever throwing on bad input.</summary>
internal static class HttpJson
{
    // Raw UTF-8 rather than \uXXXX escapes: equally valid JSON, and readable in logs and tests.
    internal static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        WriteBytesAsync(context, status, Build(write));

    public static async Task WriteBytesAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteNodeAsync(HttpContext context, int status, JsonNode node) =>
        WriteBytesAsync(context, status, Build(w => node.WriteTo(w)));

    /// <summary>Outcome of reading a JSON body: the object, or why it could not be read.</summary>
    internal readonly record struct BodyResult(JsonObject? Body, bool Empty, bool Malformed, bool NotObject);

    public static async Task<BodyResult> ReadObjectAsync(HttpContext context)
    {
        using var ms = new MemoryStream();
        await context.Request.Body.CopyToAsync(ms, context.RequestAborted);
        if (ms.Length == 0)
        {
            return new BodyResult(null, true, false, false);
        }

        try
        {
            var node = JsonNode.Parse(ms.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            return node is JsonObject obj ? new BodyResult(obj, false, false, false) : new BodyResult(null, false, false, true);
        }
        catch (JsonException)
        {
            return new BodyResult(null, false, true, false);
        }
    }

    public static void Money(Utf8JsonWriter w, string name, decimal amount, string code)
    {
        w.WriteStartObject(name);
        w.WriteString("amount", Formats.Money(amount, Accounting.MinorUnits.Of(code)));
        w.WriteString("code", code);
        w.WriteEndObject();
    }

    /// <summary>A unit cost or price as sent (<see cref="Formats.ExactMoney"/>), never rounded to the currency's minor unit.</summary>
    public static void Price(Utf8JsonWriter w, string name, decimal amount, string code)
    {
        w.WriteStartObject(name);
        w.WriteString("amount", Formats.ExactMoney(amount, Accounting.MinorUnits.Of(code)));
        w.WriteString("code", code);
        w.WriteEndObject();
    }

    public static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
