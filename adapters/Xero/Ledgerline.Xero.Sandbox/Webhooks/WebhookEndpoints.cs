using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Webhooks;

/// <summary>
/// The sandbox's stand-in for the webhooks page of Xero's developer portal (Xero has no API for it):
/// <c>GET|PUT|DELETE /sandbox/webhook</c> and <c>POST /sandbox/webhook/intent-to-receive</c>. No token is needed: the
/// sandbox listens on loopback and this is the app developer's own configuration.
/// </summary>
internal static class WebhookEndpoints
{
    public const string Path = "/sandbox/webhook";

    public static void Map(WebApplication app, SandboxWebhooks webhooks)
    {
        app.MapGet(Path, (HttpContext c) => webhooks.Subscription is { } s ? WriteAsync(c, 200, s) : NoneAsync(c));
        app.MapPut(Path, (HttpContext c) => ConfigureAsync(c, webhooks));
        app.MapDelete(Path, (HttpContext c) =>
        {
            webhooks.Remove();
            c.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        app.MapPost(Path + "/intent-to-receive", (HttpContext c) => IntentToReceiveAsync(c, webhooks));
    }

    private static async Task ConfigureAsync(HttpContext context, SandboxWebhooks webhooks)
    {
        var read = await HttpJson.ReadAsync(context);
        if (read.Body is not JsonObject body)
        {
            await ErrorAsync(context, 400, "Send a JSON object: {\"url\": \"http://127.0.0.1:…/…\", \"categories\": [\"CONTACT\", …], \"key\": optional}.");
            return;
        }

        try
        {
            var url = body["url"] is JsonValue u && u.TryGetValue<string>(out var text) && Uri.TryCreate(text, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new ArgumentException("'url' must be an absolute URL.");
            List<string>? categories = null;
            if (body["categories"] is JsonArray list)
            {
                categories = [.. list.Select(n => n is JsonValue v && v.TryGetValue<string>(out var c) ? c : throw new ArgumentException("'categories' must be strings."))];
            }

            string? key = null;
            if (body["key"] is JsonNode k)
            {
                key = k is JsonValue kv && kv.TryGetValue<string>(out var ks) ? ks : throw new ArgumentException("'key' must be a string.");
            }

            await WriteAsync(context, 200, webhooks.Configure(url, categories, key));
        }
        catch (ArgumentException ex)
        {
            await ErrorAsync(context, 400, ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
        }
    }

    private static async Task IntentToReceiveAsync(HttpContext context, SandboxWebhooks webhooks)
    {
        if (webhooks.Subscription is null)
        {
            await NoneAsync(context);
            return;
        }

        var result = await webhooks.SendIntentToReceiveAsync(context.RequestAborted);
        await HttpJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("passed", result.Passed);
            w.WriteString("status", webhooks.Subscription?.Status.ToString());
            w.WriteStartArray("requests");
            foreach (var r in result.Requests)
            {
                w.WriteStartObject();
                w.WriteBoolean("signedCorrectly", r.SignedCorrectly);
                w.WriteNumber("expected", r.SignedCorrectly ? 200 : 401);
                w.WriteNumber("status", r.StatusCodes is [var first, ..] ? first : 0);
                w.WriteBoolean("ok", r.Succeeded);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("failures");
            foreach (var f in result.Failures)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static Task WriteAsync(HttpContext context, int status, WebhookSubscription s) => HttpJson.WriteAsync(context, status, w => Write(w, s));

    private static void Write(Utf8JsonWriter w, WebhookSubscription s)
    {
        w.WriteStartObject();
        w.WriteString("url", s.Url.ToString());
        w.WriteString("status", s.Status.ToString());
        w.WriteStartArray("categories");
        foreach (var c in s.Categories)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteString("key", s.SigningKey);
        w.WriteEndObject();
    }

    private static Task NoneAsync(HttpContext context) => ErrorAsync(context, 404, "No webhook is configured: PUT /sandbox/webhook first.");

    private static Task ErrorAsync(HttpContext context, int status, string message) => HttpJson.WriteAsync(context, status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });
}
