using System.Globalization;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Faults;

/// <summary>Applies the active fault rules before (or, for body faults, after) the endpoint runs.</summary>
internal static class FaultMiddleware
{
    public const string DroppedKey = "sandbox.dropped";

    /// <summary>The request log's entry point for this request, so a dropped connection is logged before the client can see it drop.</summary>
    public const string LogKey = "sandbox.log";

    /// <summary>Xero's 503 for an API or organisation that is offline (plain text).</summary>
    public const string OfflineText = "The Xero API is currently offline for maintenance";

    /// <summary>Xero's 500 (plain text).</summary>
    public const string ServerErrorText = "An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.";

    public static async Task InvokeAsync(HttpContext context, Func<Task> next, SandboxFaults faults)
    {
        var (latency, fault) = faults.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        switch (fault?.Kind)
        {
            case null:
                await next();
                return;
            case FaultKind.DropConnection:
                context.Items[DroppedKey] = true;
                (context.Items[LogKey] as Action)?.Invoke();
                context.Abort();
                return;
            case FaultKind.TooManyRequests:
                context.Response.Headers["X-Rate-Limit-Problem"] = fault.RateLimitProblem;
                if (fault.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.Response.StatusCode = 429;
                return;
            case FaultKind.ServerError:
                await ServerErrorAsync(context, fault.StatusCode);
                return;
            case FaultKind.TokenLifetime:
                await TokenLifetimeAsync(context, next, fault);
                return;
            default:
                await BodyFaultAsync(context, next, fault.Kind);
                return;
        }
    }

    private static Task ServerErrorAsync(HttpContext context, int status) => status switch
    {
        500 => HttpJson.WriteTextAsync(context, 500, ServerErrorText),
        503 => HttpJson.WriteTextAsync(context, 503, OfflineText),
        // Gateways in front of an API answer with HTML, not the API's format: clients must cope with that.
        _ => HttpJson.WriteTextAsync(context, status,
            $"<html><head><title>{status} {Reason(status)}</title></head><body><center><h1>{status} {Reason(status)}</h1></center></body></html>\n",
            "text/html"),
    };

    private static string Reason(int status) => status switch
    {
        502 => "Bad Gateway",
        504 => "Gateway Time-out",
        _ => "Server Error",
    };

    private static async Task TokenLifetimeAsync(HttpContext context, Func<Task> next, FaultRule fault)
    {
        var bytes = await RunBufferedAsync(context, next);
        if (context.Response.StatusCode == 200 && TryParseObject(bytes) is { } root && root.ContainsKey("access_token"))
        {
            root.Remove("expires_in");
            if (fault.ExpiresIn is { } value)
            {
                root["expires_in"] = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(value);
            }

            bytes = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static JsonObject? TryParseObject(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Runs the endpoint into memory and returns what it wrote, so that a fault can change it before it is sent.</summary>
    private static async Task<byte[]> RunBufferedAsync(HttpContext context, Func<Task> next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    private static async Task BodyFaultAsync(HttpContext context, Func<Task> next, FaultKind kind)
    {
        var original = context.Response.Body;
        var bytes = await RunBufferedAsync(context, next);
        var half = bytes.AsMemory(0, bytes.Length / 2);
        if (kind == FaultKind.MalformedBody)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = half.Length;
            await original.WriteAsync(half, context.RequestAborted);
            return;
        }

        // Promise the whole body, deliver half, then cut the connection. Marked first: the log entry is written when
        // the response starts, and it must say the client never got a whole answer.
        context.Items[DroppedKey] = true;
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(half, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }
}
