using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledgerline.FreshBooks.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.AspNetCore.Webhooks;

/// <summary>
/// The request pipeline of the webhook endpoint: read the raw body (bounded, order kept for the signature), let the
/// receiver judge it, answer with its status, and dispatch the change. Nothing here logs a body, a signature or a verifier.
/// </summary>
internal sealed partial class FreshBooksWebhookEndpoint(Func<LedgerChange, CancellationToken, Task>? handler)
{
    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var receiver = services.GetRequiredService<IFreshBooksWebhookReceiver>();
        var settings = services.GetRequiredService<IOptionsMonitor<FreshBooksWebhookOptions>>().CurrentValue;
        var logger = services.GetRequiredService<ILogger<FreshBooksWebhookEndpoint>>();
        var cancellationToken = context.RequestAborted;

        var body = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            await AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {settings.MaxBodyBytes} bytes.");
            return;
        }

        FreshBooksWebhookResult result;
        try
        {
            result = await receiver.ReceiveAsync(body, context.Request.Headers[FreshBooksWebhookSignature.HeaderName].FirstOrDefault(), cancellationToken);
        }
        catch (LedgerlineException ex)
        {
            // Only a verification calls FreshBooks while receiving; tell FreshBooks to try again later.
            LogReceiveFailed(logger, ex);
            await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "FreshBooks could not be reached to complete the verification.");
            return;
        }

        switch (result.Status)
        {
            case FreshBooksWebhookStatus.Accepted:
                await DispatchAsync(context, result.Change!, logger, cancellationToken);
                return;
            case FreshBooksWebhookStatus.VerificationReceived:
                if (services.GetService<IFreshBooksWebhookVerificationHandler>() is { } verification)
                {
                    await verification.HandleAsync(result.Verification!, cancellationToken);
                }
                else
                {
                    LogVerificationUnhandled(logger, result.Verification!.CallbackId);
                }

                await AnswerAsync(context, result.HttpStatusCode, null);
                return;
            default:
                await AnswerAsync(context, result.HttpStatusCode, result.Error);
                return;
        }
    }

    private async Task DispatchAsync(HttpContext context, LedgerChange change, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            if (handler is not null)
            {
                await handler(change, cancellationToken);
            }
            else
            {
                foreach (var registered in context.RequestServices.GetServices<ILedgerChangeHandler>())
                {
                    await registered.HandleAsync(change, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failing handler must not look like success: FreshBooks delivers again after a 5xx.
            LogHandlerFailed(logger, ex, change.EventName, change.EntityId);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A change handler failed for FreshBooks {EventName} {EntityId}; answering 500 so FreshBooks delivers again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string eventName, string entityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not complete a FreshBooks webhook verification")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FreshBooks verification notice for callback {CallbackId} was not completed: no connection is known for its account and no IFreshBooksWebhookVerificationHandler is registered")]
    private static partial void LogVerificationUnhandled(ILogger logger, string callbackId);
}
