using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledgerline.Xero.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.AspNetCore.Webhooks;

/// <summary>
/// The request pipeline of the webhook endpoint: read the raw body (bounded, bytes kept for the signature), let the
/// receiver judge it, dispatch its changes and unmapped events, and answer as Xero requires (200 or 401 with no body).
/// Nothing here logs a body, a signature or the key.
/// </summary>
internal sealed partial class XeroWebhookEndpoint(Func<LedgerChange, CancellationToken, Task>? handler)
{
    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var receiver = services.GetRequiredService<IXeroWebhookReceiver>();
        var settings = services.GetRequiredService<IOptionsMonitor<XeroWebhookOptions>>().CurrentValue;
        var logger = services.GetRequiredService<ILogger<XeroWebhookEndpoint>>();
        var cancellationToken = context.RequestAborted;

        var body = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {settings.MaxBodyBytes} bytes.");
            return;
        }

        XeroWebhookResult result;
        try
        {
            result = await receiver.ReceiveAsync(body, context.Request.Headers[XeroWebhookSignature.HeaderName].FirstOrDefault(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the connection lookup can fail here (a connection store that is down): Xero delivers again later.
            LogReceiveFailed(logger, ex);
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "The connections of the event's organisation could not be read.");
            return;
        }

        switch (result.Status)
        {
            case XeroWebhookStatus.Accepted:
                await DispatchAsync(context, result, logger, cancellationToken);
                return;
            case XeroWebhookStatus.Unauthorized:
                // Xero's intent to receive wants a bare 401.
                await AnswerAsync(context, StatusCodes.Status401Unauthorized, null);
                return;
            default:
                await AnswerAsync(context, result.HttpStatusCode, result.Error);
                return;
        }
    }

    private async Task DispatchAsync(HttpContext context, XeroWebhookResult result, ILogger logger, CancellationToken cancellationToken)
    {
        var current = "";
        try
        {
            var registered = handler is null ? context.RequestServices.GetServices<ILedgerChangeHandler>().ToList() : [];
            foreach (var change in result.Changes)
            {
                current = $"{change.EventName} {change.EntityId}";
                if (handler is not null)
                {
                    await handler(change, cancellationToken);
                }
                else
                {
                    foreach (var each in registered)
                    {
                        await each.HandleAsync(change, cancellationToken);
                    }
                }
            }

            if (result.Unmapped.Count > 0)
            {
                var unmappedHandlers = context.RequestServices.GetServices<IXeroUnmappedWebhookEventHandler>().ToList();
                foreach (var e in result.Unmapped)
                {
                    current = $"{e.EventCategory}.{e.EventType} {e.ResourceId}";
                    if (unmappedHandlers.Count == 0)
                    {
                        LogUnmapped(logger, e.EventCategory, e.EventType, e.ResourceId, e.TenantId);
                    }

                    foreach (var each in unmappedHandlers)
                    {
                        await each.HandleAsync(e, cancellationToken);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failing handler must not look like success: Xero delivers the batch again after a non-200.
            LogHandlerFailed(logger, ex, current);
            await AnswerAsync(context, StatusCodes.Status500InternalServerError, "The change handler failed.");
            return;
        }

        await AnswerAsync(context, StatusCodes.Status200OK, null);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; <see langword="null"/> when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit, 16 * 1024) + 1);
        try
        {
            using var body = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string? error)
    {
        context.Response.StatusCode = status;
        return error is null
            ? Task.CompletedTask
            : context.Response.WriteAsJsonAsync(new WebhookError(error), WebhookJson.Default.WebhookError, cancellationToken: context.RequestAborted);
    }

    private sealed record WebhookError(string Error);

    /// <summary>The error body's serialization, source-generated (web defaults: <c>{"error": …}</c>), so no reflection.</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(WebhookError))]
    private sealed partial class WebhookJson : JsonSerializerContext;

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler failed for Xero {Event}; answering 500 so Xero delivers the batch again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not receive a Xero webhook")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Xero event {Category}.{Type} for {ResourceId} in {TenantId} has no canonical change and no IXeroUnmappedWebhookEventHandler is registered")]
    private static partial void LogUnmapped(ILogger logger, string category, string type, string resourceId, string tenantId);
}
