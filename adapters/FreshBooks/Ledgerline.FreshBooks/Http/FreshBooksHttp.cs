using System.Runtime.ExceptionServices;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Microsoft.Extensions.Logging;
using Refit;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Sends one Refit call and turns every outcome into either a successful typed answer or an exception from
/// <see cref="FreshBooksErrorTable"/>. The caller's cancellation passes through unwrapped; errors Ledgerline raised lower
/// down (the auth handler's <see cref="ReauthorizationRequiredException"/>) pass through as they are. A body that arrived
/// but could not be read is returned with its <see cref="FreshBooksResult{T}.ReadError"/> for the envelope reader to
/// explain, because only the reader knows where the records are.
/// </summary>
internal sealed partial class FreshBooksHttp(TimeProvider timeProvider, ILogger<FreshBooksHttp> logger)
{
    /// <summary>Sends and reads a typed answer; throws a <see cref="LedgerlineException"/> for any error answer.</summary>
    public async Task<FreshBooksResult<T>> SendAsync<T>(
        FreshBooksCall call, Func<CancellationToken, Task<IApiResponse<T>>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var (response, answer) = await ReceiveAsync(call, async t => await send(t), cancellationToken);
        using (answer)
        {
            var typed = (IApiResponse<T>)answer;
            var readError = typed.Error?.InnerException ?? typed.Error;

            // Refit keeps a cancellation that struck while the body was deserialized as the answer's error; it is the
            // caller's cancellation, not a body that cannot be read.
            if (readError is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(readError.Message, readError, cancellationToken);
            }

            return new FreshBooksResult<T>(response, typed.Content, readError);
        }
    }

    /// <summary>
    /// Sends a call whose endpoint answers the body untyped (the listings the stores page through) and returns the answer
    /// once its bytes are in hand, unread: the caller reads it typed (<see cref="FreshBooksEnvelope.Deserialize{T}"/>) when it
    /// is ready to, so a listing can send its next request first. The bytes are those <see cref="FreshBooksBodyHandler"/>
    /// holds, so Refit does not copy a page before it is read; or, when a handler outside the body handler replaced the
    /// answer, what that handler hands over, as Refit's typed read would. Throws as <see cref="SendAsync{T}"/> does.
    /// </summary>
    public async Task<FreshBooksResponse> ReceiveBodyAsync(
        FreshBooksCall call, Func<CancellationToken, Task<IApiResponse<HttpContent>>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var (response, answer) = await ReceiveAsync(call, async t => await send(t), cancellationToken);
        using (answer)
        {
            var content = ((IApiResponse<HttpContent>)answer).Content;
            return content is null or FreshBooksBody
                ? response
                : response with { Body = await content.ReadAsByteArrayAsync(cancellationToken) };
        }
    }

    /// <summary>Sends a call whose answer has no body worth reading (a delete).</summary>
    public async Task<FreshBooksResponse> SendAsync(
        FreshBooksCall call, Func<CancellationToken, Task<IApiResponse>> send, CancellationToken cancellationToken)
    {
        var (response, answer) = await ReceiveAsync(call, send, cancellationToken);
        answer.Dispose();
        return response;
    }

    private async Task<(FreshBooksResponse Response, IApiResponse Answer)> ReceiveAsync(
        FreshBooksCall call, Func<CancellationToken, Task<IApiResponse>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsWrite)
        {
            call = call with { SentAt = timeProvider.GetUtcNow() };
            LogWrite(logger, call.Operation, call.Target, call.OperationId, call.RecordId);
        }

        IApiResponse answer;
        try
        {
            answer = await send(cancellationToken);
        }
        catch (LedgerlineException)
        {
            throw;
        }
        catch (Exception exception) when (Translate(call, exception, cancellationToken) is { } error)
        {
            throw error;
        }

        if (!answer.IsReceived || answer.Error is ApiRequestException)
        {
            // Refit kept the failure to get an answer in the response rather than throwing it.
            answer.Dispose();
            var failure = answer.Error?.InnerException ?? (Exception?)answer.Error ?? new HttpRequestException("FreshBooks sent no answer.");
            throw Translate(call, failure, cancellationToken) ?? Rethrow(failure);
        }

        var status = (int)answer.StatusCode;
        var body = Body(answer);
        if (!answer.IsSuccessStatusCode)
        {
            using (answer)
            {
                throw FreshBooksErrorTable.FromResponse(call, status, answer.Headers, body, timeProvider.GetUtcNow());
            }
        }

        return (new FreshBooksResponse(call, status, body), answer);
    }

    /// <summary>
    /// The Ledgerline error for a failure to get an answer, or null when the failure is not one (the caller's cancellation),
    /// which then passes through as it is.
    /// </summary>
    private LedgerlineException? Translate(FreshBooksCall call, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case LedgerlineException ledgerline:
                return ledgerline;
            case ApiRequestException { InnerException: { } inner }:
                return Translate(call, inner, cancellationToken);
            case OversizedBodyException oversized:
                // FreshBooks answered; what it sent is more than Ledgerline reads, so it cannot be read (nor retried usefully).
                return FreshBooksErrorTable.Invalid(call, oversized.Status, oversized.Start, oversized.Reason, oversized);
            case TruncatedBodyException truncated when FreshBooksErrorTable.IsTransport(truncated.InnerException!, cancellationToken):
                // The answer started and was cut short. A read reports what arrived; a write did reach FreshBooks (it
                // answered), but what it did cannot be read, so its outcome is unknown.
                return call.IsWrite
                    ? Failed(call, truncated.InnerException!)
                    : FreshBooksErrorTable.Invalid(call, truncated.Status, truncated.Received, "FreshBooks' answer was cut short", truncated.InnerException);
            case var _ when FreshBooksErrorTable.IsTransport(exception, cancellationToken):
                return Failed(call, exception);
            default:
                return null;
        }
    }

    private static Exception Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Throw(exception);
        return exception;
    }

    /// <summary>The body <see cref="FreshBooksBodyHandler"/> read; an error answer read some other way keeps Refit's text.</summary>
    private static ReadOnlyMemory<byte> Body(IApiResponse answer) =>
        answer.RequestMessage is { } request && request.Options.TryGetValue(FreshBooksRequest.ResponseBody, out var body)
            ? body
            : answer.Error is ApiException { Content: { } text } ? System.Text.Encoding.UTF8.GetBytes(text) : ReadOnlyMemory<byte>.Empty;

    private LedgerlineException Failed(FreshBooksCall call, Exception exception)
    {
        var error = FreshBooksErrorTable.FromTransport(call, exception);
        if (error is OutcomeUnknownException)
        {
            LogOutcomeUnknown(logger, call.Operation, call.Target, call.OperationId, call.RecordId, exception.GetType().Name);
        }

        return error;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "FreshBooks {Operation} {Entity}: sending operation {OperationId} (record {RecordId})")]
    private static partial void LogWrite(ILogger logger, string operation, string entity, string operationId, string? recordId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "FreshBooks {Operation} {Entity}: outcome of operation {OperationId} (record {RecordId}) is unknown after {Failure}; it was not retried")]
    private static partial void LogOutcomeUnknown(ILogger logger, string operation, string entity, string operationId, string? recordId, string failure);
}
