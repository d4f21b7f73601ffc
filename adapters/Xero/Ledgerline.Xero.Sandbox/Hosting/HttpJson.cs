using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledgerline.Xero.Sandbox.Hosting;

/// <summary>Writes JSON and plain-text responses and reads JSON request bodies without ever throwing on bad input.</summary>
internal static class HttpJson
{
    // Raw UTF-8 rather than \uXXXX escapes: equally valid JSON, and readable in logs and tests.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Request bodies above this are refused before parsing (Xero: 3.5 MB per POST).</summary>
    public const int MaxBodyBytes = 3_500_000;

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
        WriteBytesAsync(context, status, Build(write), "application/json; charset=utf-8");

    public static Task WriteNodeAsync(HttpContext context, int status, JsonNode node) =>
        WriteBytesAsync(context, status, Build(w => node.WriteTo(w)), "application/json; charset=utf-8");

    public static Task WriteTextAsync(HttpContext context, int status, string text, string contentType = "text/plain; charset=utf-8") =>
        WriteBytesAsync(context, status, Encoding.UTF8.GetBytes(text), contentType);

    public static async Task WriteBytesAsync(HttpContext context, int status, byte[] body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Outcome of reading a JSON body: the node, or why it could not be read.</summary>
    internal readonly record struct BodyResult(JsonNode? Body, bool Empty, bool Malformed, bool TooLarge);

    public static async Task<BodyResult> ReadAsync(HttpContext context)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (ms.Length + read > MaxBodyBytes)
            {
                return new BodyResult(null, false, false, true);
            }

            ms.Write(buffer, 0, read);
        }

        if (ms.Length == 0)
        {
            return new BodyResult(null, true, false, false);
        }

        try
        {
            var node = JsonNode.Parse(ms.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            return node is null ? new BodyResult(null, true, false, false) : new BodyResult(node, false, false, false);
        }
        catch (JsonException)
        {
            return new BodyResult(null, false, true, false);
        }
    }
}
