using System.Buffers;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Mapster;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Http;

/// <summary>A successful FreshBooks answer, read whole into memory.</summary>
/// <param name="Call">The call it answers.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body bytes.</param>
internal sealed record FreshBooksResponse(FreshBooksCall Call, int Status, ReadOnlyMemory<byte> Body);

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

/// <summary>A body that stopped arriving part way; carries what did arrive.</summary>
internal sealed class TruncatedBodyException(byte[] received, Exception innerException)
    : IOException("The FreshBooks response ended before its declared length.", innerException)
{
    public byte[] Received { get; } = received;
}

/// <summary>Reads FreshBooks' envelopes and wire records, turning every surprise into <see cref="InvalidProviderResponseException"/>.</summary>
internal static class FreshBooksEnvelope
{
    /// <summary>The most characters of an inner error's message (which may quote provider data) kept in the reason.</summary>
    private const int MaxReasonLength = 256;

    /// <summary>Parses a body; not JSON or cut short → invalid response.</summary>
    public static JsonDocument Parse(FreshBooksResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var document = JsonDocument.Parse(response.Body, FreshBooksJson.DocumentOptions);
            if (ProviderErrorHasList(document.RootElement))
            {
                var error = FreshBooksErrorTable.FromResponse(response.Call, response.Status, null, response.Body, DateTimeOffset.UtcNow);
                document.Dispose();
                throw error;
            }

            return document;
        }
        catch (JsonException exception)
        {
            throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body, "FreshBooks answered with a body that is not valid JSON", exception);
        }
    }

    /// <summary><c>response.result.{key}</c>: an accounting single record.</summary>
    public static JsonElement AccountingSingle(FreshBooksResponse response, JsonDocument document, string key) =>
        Object(response, Path(response, document.RootElement, "response", "result", key), $"response.result.{key}");

    /// <summary><c>response.result.{key}[]</c> with its page counters: an accounting list.</summary>
    public static (JsonElement Items, PageInfo Page) AccountingList(FreshBooksResponse response, JsonDocument document, string key)
    {
        var result = Object(response, Path(response, document.RootElement, "response", "result"), "response.result");
        var items = result.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
            ? list
            : throw Wrong(response, $"response.result.{key}[]");
        return (items, PageInfo.From(response, result));
    }

    /// <summary><c>{key}</c>: a time tracking/projects single record.</summary>
    public static JsonElement ProjectSingle(FreshBooksResponse response, JsonDocument document, string key) =>
        Object(response, Path(response, document.RootElement, key), key);

    /// <summary><c>{key}[]</c> with <c>meta</c>: a time tracking/projects list.</summary>
    public static (JsonElement Items, PageInfo Page) ProjectList(FreshBooksResponse response, JsonDocument document, string key)
    {
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
            ? list
            : throw Wrong(response, $"{key}[]");
        var meta = root.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return (items, meta.ValueKind == JsonValueKind.Object ? PageInfo.From(response, meta) : new PageInfo(1, 1, items.GetArrayLength()));
    }

    /// <summary>Reads one wire record; a shape that cannot be read → invalid response with the element as excerpt.</summary>
    public static T Read<T>(FreshBooksResponse response, JsonElement element)
    {
        try
        {
            return element.Deserialize<T>(FreshBooksJson.Options)
                ?? throw Wrong(response, typeof(T).Name);
        }
        catch (JsonException exception)
        {
            // The converters quote the malformed value; the serializer knows where it was.
            var at = exception.Path is { } path ? $" at {path}" : string.Empty;
            throw FreshBooksErrorTable.Invalid(response.Call, response.Status, System.Text.Encoding.UTF8.GetBytes(element.GetRawText()),
                $"FreshBooks answered with a record Ledgerline cannot read{at}: {Bounded(exception.Message)}", exception);
        }
    }

    /// <summary>
    /// Maps a wire record; a value that does not parse (an amount like <c>"12,5"</c>) → invalid response. The element is
    /// cloned as the record's raw representation only when <paramref name="keepRaw"/> (most of a record's memory).
    /// </summary>
    public static TRecord Map<TRecord>(FreshBooksResponse response, JsonElement element, bool keepRaw, Func<TRecord> map)
        where TRecord : LedgerRecord
    {
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            var record = map();
            return keepRaw ? record with { RawRepresentation = element.Clone() } : record;
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidOperationException)
        {
            throw FreshBooksErrorTable.Invalid(response.Call, response.Status, System.Text.Encoding.UTF8.GetBytes(element.GetRawText()),
                $"FreshBooks answered with a value Ledgerline cannot read: {Bounded(exception.Message)}", exception);
        }
    }

    /// <summary>A message quoting provider data, cut so that a huge value cannot flood the exception (the excerpt is bounded too).</summary>
    private static string Bounded(string message) =>
        message.Length <= MaxReasonLength ? message : string.Concat(message.AsSpan(0, MaxReasonLength), "…");

    /// <summary>Reads and maps one record with the adapter's Mapster configuration, keeping the element as its raw representation when asked.</summary>
    public static TRecord Record<TWire, TRecord>(FreshBooksResponse response, JsonElement element, TypeAdapterConfig config, bool keepRaw)
        where TRecord : LedgerRecord =>
        Map(response, element, keepRaw, () => Read<TWire>(response, element).Adapt<TWire, TRecord>(config));

    private static bool ProviderErrorHasList(JsonElement root) => ProviderError.HasAccountingErrors(root);

    private static JsonElement Path(FreshBooksResponse response, JsonElement element, params string[] names)
    {
        var current = element;
        foreach (var name in names)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                throw Wrong(response, string.Join('.', names));
            }
        }

        return current;
    }

    private static JsonElement Object(FreshBooksResponse response, JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Wrong(response, path);

    private static InvalidProviderResponseException Wrong(FreshBooksResponse response, string expected) =>
        FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body, $"FreshBooks answered with an unexpected envelope (expected {expected})");
}

/// <summary>FreshBooks' page counters (<c>page</c>, <c>pages</c>, <c>per_page</c>, <c>total</c>).</summary>
internal readonly record struct PageInfo(int Page, int Pages, int? Total)
{
    /// <summary>
    /// Reads the counters. <c>pages</c> decides how many pages are fetched, so a missing count, or any counter present
    /// with a value that is not a whole number, is an invalid response rather than a guess that could end a listing early.
    /// </summary>
    public static PageInfo From(FreshBooksResponse response, JsonElement counters)
    {
        var page = Int(response, counters, "page") ?? 1;
        var pages = Int(response, counters, "pages")
            ?? throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                "FreshBooks answered a list without a page count (\"pages\")");
        return new PageInfo(page, Math.Max(pages, 0), Int(response, counters, "total"));
    }

    private static int? Int(FreshBooksResponse response, JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
            _ => throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                $"FreshBooks answered a list whose \"{name}\" counter is not a whole number: {Quote(value)}"),
        };
    }

    private static string Quote(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 64 ? raw : raw[..64] + "…";
    }
}
