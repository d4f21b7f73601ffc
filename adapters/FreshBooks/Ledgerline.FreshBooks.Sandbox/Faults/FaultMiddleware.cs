using System.Globalization;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Faults;

/// <summary>Applies the active fault rules before (or, for body faults, after) the endpoint runs.</summary>
internal static class FaultMiddleware
{
    public const string DroppedKey = "sandbox.dropped";

    /// <summary>The request log's entry point for this request, so a dropped connection is logged before the client can see it drop.</summary>
    public const string LogKey = "sandbox.log";

    public static async Task InvokeAsync(HttpContext context, Func<Task> next, SandboxFaults faults)
    {
        var (latency, fault, retryAfter) = faults.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
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
            case FaultKind.TooManyRequests or FaultKind.RateBudget:
                if (retryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Errors.MessageAsync(context, 429, "Too Many Requests");
                return;
            case FaultKind.ServerError:
                await ServerErrorAsync(context, fault.StatusCode);
                return;
            case FaultKind.IgnorePage:
                context.Request.QueryString = QueryString.Create(context.Request.Query
                    .Where(q => !string.Equals(q.Key, "page", StringComparison.Ordinal))
                    .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
                await next();
                return;
            case FaultKind.FalseCounters:
                await FalseCountersAsync(context, next, fault);
                return;
            case FaultKind.TokenLifetime:
                await TokenLifetimeAsync(context, next, fault);
                return;
            default:
                await BodyFaultAsync(context, next, fault.Kind);
                return;
        }
    }

    private static async Task ServerErrorAsync(HttpContext context, int status)
    {
        if (status == 500)
        {
            if (context.Request.Path.StartsWithSegments("/accounting", StringComparison.Ordinal))
            {
                await Errors.AccountingAsync(context, 500, new ApiError(500, null, "An unexpected error occurred.", null, null));
            }
            else
            {
                await Errors.MessageAsync(context, 500, "Internal Server Error");
            }

            return;
        }

        // Gateways in front of FreshBooks answer 502/503/504 with HTML, not JSON: clients must cope with that.
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        var reason = status switch { 502 => "Bad Gateway", 504 => "Gateway Time-out", _ => "Service Temporarily Unavailable" };
        await context.Response.WriteAsync(
            $"<html><head><title>{status} {reason}</title></head><body><center><h1>{status} {reason}</h1></center></body></html>\n",
            context.RequestAborted);
    }

    private static async Task FalseCountersAsync(HttpContext context, Func<Task> next, FaultRule fault)
    {
        var bytes = await RunBufferedAsync(context, next);
        if (context.Response.StatusCode == 200 && JsonNode.Parse(bytes) is JsonObject root &&
            ((root["response"] as JsonObject)?["result"] as JsonObject ?? root["meta"] as JsonObject) is { } counters &&
            counters.ContainsKey("pages"))
        {
            if (fault.Pages is { } pages)
            {
                counters["pages"] = pages;
            }

            if (fault.Total is { } total)
            {
                counters["total"] = total;
            }

            bytes = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

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

        // Promise the whole body, deliver half, then cut the connection.
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(half, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Items[DroppedKey] = true;
        context.Abort();
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
}
