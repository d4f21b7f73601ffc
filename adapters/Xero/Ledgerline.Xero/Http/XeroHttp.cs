using System.Runtime.ExceptionServices;
using Ledgerline.Xero.Errors;
using Refit;

namespace Ledgerline.Xero.Http;

/// <summary>
/// Sends one Refit call and turns every outcome into either a successful typed answer or an exception from
/// <see cref="XeroErrorTable"/>. The caller's cancellation passes through unwrapped; errors Ledgerline raised lower down
/// (the auth handler's <see cref="ReauthorizationRequiredException"/>) pass through as they are. A body that arrived but
/// could not be read is returned with its <see cref="XeroResult{T}.ReadError"/> for the envelope reader to explain.
/// </summary>
internal sealed class XeroHttp(TimeProvider timeProvider)
{
    // The idempotency key of the call being sent, for XeroHeadersHandler to put on its request: Refit builds the request,
    // so this is how a key reaches every endpoint without a parameter on each. Set per call, so a read made while a keyed
    // write is prepared carries none.
    private static readonly AsyncLocal<string?> SendingIdempotencyKey = new();

    /// <summary>The idempotency key of the call this request is being sent for, or <see langword="null"/>.</summary>
    public static string? CurrentIdempotencyKey => SendingIdempotencyKey.Value;

    /// <summary>Sends and reads a typed answer; throws a <see cref="LedgerlineException"/> for any error answer.</summary>
    public async Task<XeroResult<T>> SendAsync<T>(XeroCall call, Func<CancellationToken, Task<IApiResponse<T>>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var (sent, status, answer) = await ReceiveAsync(call, async t => await send(t), cancellationToken);
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

            return new XeroResult<T>(sent, status, Body(answer), typed.Content, readError);
        }
    }

    /// <summary>Sends a call whose answer has no body worth reading.</summary>
    public async Task SendAsync(XeroCall call, Func<CancellationToken, Task<IApiResponse>> send, CancellationToken cancellationToken)
    {
        var (_, _, answer) = await ReceiveAsync(call, send, cancellationToken);
        answer.Dispose();
    }

    private async Task<(XeroCall Call, int Status, IApiResponse Answer)> ReceiveAsync(XeroCall call, Func<CancellationToken, Task<IApiResponse>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsWrite)
        {
            call = call with { SentAt = timeProvider.GetUtcNow() };
        }

        IApiResponse answer;
        try
        {
            // Restored when this method returns: the key never outlives the call it belongs to.
            SendingIdempotencyKey.Value = call.IsWrite ? call.IdempotencyKey : null;
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
            answer.Dispose();
            var failure = answer.Error?.InnerException ?? (Exception?)answer.Error ?? new HttpRequestException("Xero sent no answer.");
            throw Translate(call, failure, cancellationToken) ?? Rethrow(failure);
        }

        var status = (int)answer.StatusCode;
        if (!answer.IsSuccessStatusCode)
        {
            using (answer)
            {
                throw XeroErrorTable.FromResponse(call, status, answer.Headers, Body(answer), timeProvider.GetUtcNow());
            }
        }

        return (call, status, answer);
    }

    private static LedgerlineException? Translate(XeroCall call, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        LedgerlineException ledgerline => ledgerline,
        ApiRequestException { InnerException: { } inner } => Translate(call, inner, cancellationToken),
        _ when XeroErrorTable.IsTransport(exception, cancellationToken) => XeroErrorTable.FromTransport(call, exception),
        _ => null,
    };

    private static Exception Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Throw(exception);
        return exception;
    }

    /// <summary>The body <see cref="XeroBodyHandler"/> read; an error answer read some other way keeps Refit's text.</summary>
    private static ReadOnlyMemory<byte> Body(IApiResponse answer) =>
        answer.RequestMessage is { } request && request.Options.TryGetValue(XeroRequest.ResponseBody, out var body)
            ? body
            : answer.Error is ApiException { Content: { } text } ? System.Text.Encoding.UTF8.GetBytes(text) : ReadOnlyMemory<byte>.Empty;
}
