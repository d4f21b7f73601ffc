using System.Buffers;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Mapster;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Sends one Refit call and turns every outcome into either a successful response or an exception from
/// <see cref="FreshBooksErrorTable"/>. The caller's cancellation passes through unwrapped; errors Ledgerline raised lower
/// down (the auth handler's <see cref="ReauthorizationRequiredException"/>) pass through as they are.
/// </summary>
internal sealed partial class FreshBooksHttp(TimeProvider timeProvider, ILogger<FreshBooksHttp> logger)
{
    /// <summary>The largest body read (FreshBooks' largest page of 100 invoices with lines is a few hundred KB).</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>Sends and reads; throws a <see cref="LedgerlineException"/> for any error answer.</summary>
    public async Task<FreshBooksResponse> SendAsync(
        FreshBooksCall call, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(send);
        if (call.IsWrite)
        {
            call = call with { SentAt = timeProvider.GetUtcNow() };
            LogWrite(logger, call.Operation, call.Entity, call.OperationId, call.RecordId);
        }

        HttpResponseMessage response;
        try
        {
            response = await send(cancellationToken);
        }
        catch (LedgerlineException)
        {
            throw;
        }
        catch (Refit.ApiRequestException wrapped) when (wrapped.InnerException is LedgerlineException inner)
        {
            throw inner;
        }
        catch (Refit.ApiRequestException wrapped) when (wrapped.InnerException is { } inner && FreshBooksErrorTable.IsTransport(inner, cancellationToken))
        {
            throw Failed(call, inner);
        }
        catch (Exception exception) when (FreshBooksErrorTable.IsTransport(exception, cancellationToken))
        {
            throw Failed(call, exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            ReadOnlyMemory<byte> body;
            try
            {
                body = await ReadAsync(response.Content, cancellationToken);
            }
            catch (TruncatedBodyException truncated) when (FreshBooksErrorTable.IsTransport(truncated.InnerException!, cancellationToken))
            {
                // The answer started and was cut short. A read reports what arrived; a write did reach FreshBooks (it
                // answered), but what it did cannot be read, so its outcome is unknown.
                throw call.IsWrite
                    ? Failed(call, truncated.InnerException!)
                    : FreshBooksErrorTable.Invalid(call, status, truncated.Received, "FreshBooks' answer was cut short", truncated.InnerException);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw FreshBooksErrorTable.FromResponse(call, status, response.Headers, body, timeProvider.GetUtcNow());
            }

            return new FreshBooksResponse(call, status, body);
        }
    }

    private LedgerlineException Failed(FreshBooksCall call, Exception exception)
    {
        var error = FreshBooksErrorTable.FromTransport(call, exception);
        if (error is OutcomeUnknownException)
        {
            LogOutcomeUnknown(logger, call.Operation, call.Entity, call.OperationId, call.RecordId, exception.GetType().Name);
        }

        return error;
    }

    /// <summary>
    /// Reads the whole body, at most <see cref="MaxBodyBytes"/>. With a Content-Length the bytes land in one array of that
    /// size; without one (chunked answers) they are read through a pooled buffer into a growing stream whose own buffer is
    /// returned as is: no per-response 80 KB scratch array, no final copy (benchmarks/README.md, hot spot 1).
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var declared = content.Headers.ContentLength;
        if (declared is > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return declared is { } length
            ? await ReadDeclaredAsync(stream, (int)length, cancellationToken)
            : await ReadChunkedAsync(stream, cancellationToken);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadDeclaredAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var total = 0;
        try
        {
            int read;
            while (total < length && (read = await stream.ReadAsync(body.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && total > 0)
        {
            throw new TruncatedBodyException(body[..total], exception);
        }

        return body.AsMemory(0, total);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && buffer.Length > 0)
        {
            throw new TruncatedBodyException(buffer.ToArray(), exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static HttpRequestException TooLarge() =>
        new(HttpRequestError.ConfigurationLimitExceeded, "The FreshBooks response is larger than Ledgerline reads.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "FreshBooks {Operation} {Entity}: sending operation {OperationId} (record {RecordId})")]
    private static partial void LogWrite(ILogger logger, string operation, EntityKind entity, string operationId, string? recordId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FreshBooks {Operation} {Entity}: outcome of operation {OperationId} (record {RecordId}) is unknown after {Failure}; it was not retried")]
    private static partial void LogOutcomeUnknown(ILogger logger, string operation, EntityKind entity, string operationId, string? recordId, string failure);
}
