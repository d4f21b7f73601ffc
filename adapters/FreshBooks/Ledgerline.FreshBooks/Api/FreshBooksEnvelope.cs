using System.Runtime.InteropServices;
using System.Text.Json;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// Reads FreshBooks' typed answers into canonical records, turning every surprise into
/// <see cref="InvalidProviderResponseException"/> (or, for a 200 that lists errors, the error table's exception).
/// </summary>
/// <remarks>
/// The body is read once, typed, by the serializer (Refit's, or <see cref="Deserialize{T}"/>). Only when that fails, or a
/// value does not map, is the body parsed as a document to say what went wrong and to quote the one record concerned. A
/// record's raw JSON (<see cref="LedgerRecord.RawRepresentation"/>, a <see cref="RawJson"/>) is, for a list, the slice of
/// the body the record was read from (<see cref="WireList{T}"/>), and for one record a copy out of a document of the body.
/// </remarks>
internal static class FreshBooksEnvelope
{
    /// <summary>The most characters of an inner error's message (which may quote provider data) kept in the reason.</summary>
    private const int MaxReasonLength = 256;

    /// <summary>
    /// Reads a body typed, as Refit does for an answer: the listings the stores page through (whose endpoints answer the body
    /// untyped, so that Refit does not copy it first), tests and benchmarks. No body, or a 204, reads as no content, as in
    /// Refit.
    /// </summary>
    public static FreshBooksResult<T> Deserialize<T>(FreshBooksResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body.IsEmpty || response.Status == 204)
        {
            return new FreshBooksResult<T>(response, default, null);
        }

        try
        {
            return new FreshBooksResult<T>(response, JsonSerializer.Deserialize(response.Body.Span, FreshBooksJson.BodyInfo<T>()), null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8, as Refit's path reports it too.
            return new FreshBooksResult<T>(response, default, exception);
        }
    }

    /// <summary>The result object of an accounting answer (<c>response.result</c>).</summary>
    public static TResult Result<TResult>(FreshBooksResult<AccountingEnvelope<TResult>> answer, RecordPath path)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(path);
        var response = answer.Response;
        if (answer.ReadError is { } error)
        {
            throw Explain(response, error, path);
        }

        if (answer.Content?.Response is { HasErrors: true })
        {
            throw FreshBooksErrorTable.FromResponse(response.Call, response.Status, null, response.Body, DateTimeOffset.UtcNow);
        }

        return answer.Content?.Response?.Result ?? throw Wrong(response, path.Result);
    }

    /// <summary>The result object of a time tracking answer (the body itself).</summary>
    public static TResult Result<TResult>(FreshBooksResult<TResult> answer, RecordPath path)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(path);
        return answer.ReadError is { } error
            ? throw Explain(answer.Response, error, path)
            : answer.Content ?? throw Wrong(answer.Response, path.Single);
    }

    /// <summary>Maps the one record of a result, keeping its raw JSON when asked.</summary>
    public static TRecord Single<TWire, TRecord>(
        FreshBooksResponse response, IWireResult<TWire> result, RecordPath path, bool keepRaw, Func<TWire, TRecord> map)
        where TRecord : LedgerRecord
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(map);
        var wire = result.Record ?? throw Wrong(response, path.Single);
        if (!keepRaw)
        {
            return Map(response, path, null, wire, map);
        }

        var record = Map(response, path, null, wire, map);
        using var document = JsonDocument.Parse(response.Body, FreshBooksJson.DocumentOptions);
        return record with { RawRepresentation = new RawJson(RawBytes(path.Find(document.RootElement, list: false))) };
    }

    /// <summary>Maps every record of a list result, in order, keeping each one's raw JSON when asked.</summary>
    public static FetchedPage<TRecord> Page<TWire, TRecord>(
        FreshBooksResponse response, IWireResult<TWire> result, RecordPath path, bool keepRaw, Func<TWire, TRecord> map)
        where TRecord : LedgerRecord
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(map);
        var wires = result.Records ?? throw Wrong(response, path.List);
        var info = PageInfo.From(response, result.Counters, wires.Count);
        var records = new TRecord[wires.Count];
        if (!keepRaw)
        {
            for (var i = 0; i < wires.Count; i++)
            {
                records[i] = Map(response, path, i, wires[i], map);
            }

            return new FetchedPage<TRecord>(records, info, response);
        }

        // Read from the body in one pass (the usual case), the list knows where each record lies: its raw form is that slice
        // of the body, shared, not copied. Otherwise each record's JSON is copied out of a document of the body.
        if (wires is WireList<TWire> { Ranges: { } ranges } && ranges.Count == wires.Count && Within(response.Body, ranges))
        {
            for (var i = 0; i < wires.Count; i++)
            {
                var (start, length) = ranges[i];
                records[i] = Map(response, path, i, wires[i], map) with { RawRepresentation = new RawJson(response.Body.Slice(start, length)) };
            }

            return new FetchedPage<TRecord>(records, info, response);
        }

        using var document = JsonDocument.Parse(response.Body, FreshBooksJson.DocumentOptions);
        var index = 0;
        foreach (var element in path.Find(document.RootElement, list: true).EnumerateArray())
        {
            records[index] = Map(response, path, index, wires[index], map) with { RawRepresentation = new RawJson(RawBytes(element)) };
            index++;
        }

        return new FetchedPage<TRecord>(records, info, response);
    }

    /// <summary>Whether every range lies in the body, in order, each one a JSON object (a cheap check of what the reader noted).</summary>
    private static bool Within(ReadOnlyMemory<byte> body, IReadOnlyList<(int Start, int Length)> ranges)
    {
        var span = body.Span;
        var end = 0;
        foreach (var (start, length) in ranges)
        {
            if (start < end || length < 2 || start + length > span.Length || span[start] != (byte)'{' || span[start + length - 1] != (byte)'}')
            {
                return false;
            }

            end = start + length;
        }

        return true;
    }

    /// <summary>
    /// Says why a body could not be read: not JSON at all, a 200 listing errors (the error table's answer), a record with a
    /// value that cannot be read (quoting that record and the path within it), or an unexpected envelope.
    /// </summary>
    public static LedgerlineException Explain(FreshBooksResponse response, Exception error, RecordPath path)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Body, FreshBooksJson.DocumentOptions);
        }
        catch (JsonException exception)
        {
            return FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body, "FreshBooks answered with a body that is not valid JSON", exception);
        }

        using (document)
        {
            if (ProviderError.HasAccountingErrors(document.RootElement))
            {
                return FreshBooksErrorTable.FromResponse(response.Call, response.Status, null, response.Body, DateTimeOffset.UtcNow);
            }

            if (error is InvalidOperationException { InnerException: System.Text.DecoderFallbackException })
            {
                return FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body, "FreshBooks answered with text that is not valid UTF-8", error);
            }

            // A record of a list that could not be read: the list's path, the record's index, the path within it.
            var at = error is WireListException { Path: { } list } failed
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{list}[{failed.Index}]{failed.Within?[1..]}")
                : (error as JsonException)?.Path;
            if (at is not null && path.Locate(document.RootElement, at) is { } located)
            {
                // The converters quote the malformed value; the serializer knows where it was.
                return FreshBooksErrorTable.Invalid(response.Call, response.Status, RawBytes(located.Record),
                    $"FreshBooks answered with a record Ledgerline cannot read at {located.Within}: {Bounded(error.Message)}", error);
            }

            return FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                $"FreshBooks answered with an unexpected envelope{(at is null ? string.Empty : " at " + at)}: {Bounded(error.Message)}", error);
        }
    }

    /// <summary>Maps one wire record; a value that does not parse (an amount like <c>"12,5"</c>) → invalid response quoting the record.</summary>
    private static TRecord Map<TWire, TRecord>(FreshBooksResponse response, RecordPath path, int? index, TWire wire, Func<TWire, TRecord> map)
    {
        if (wire is null)
        {
            // A list holding null where a record should be: a listing returns every record or fails, never skips one.
            throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                $"FreshBooks answered with null where record {index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"} of {path.List} should be");
        }

        try
        {
            return map(wire);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or InvalidOperationException)
        {
            throw FreshBooksErrorTable.Invalid(response.Call, response.Status, RecordBytes(response, path, index),
                $"FreshBooks answered with a value Ledgerline cannot read: {Bounded(exception.Message)}", exception);
        }
    }

    /// <summary>The raw JSON of one record, to quote it; the whole body when it cannot be found.</summary>
    private static ReadOnlyMemory<byte> RecordBytes(FreshBooksResponse response, RecordPath path, int? index)
    {
        using var document = JsonDocument.Parse(response.Body, FreshBooksJson.DocumentOptions);
        var found = path.Find(document.RootElement, list: index is not null);
        if (index is { } i && found.ValueKind == JsonValueKind.Array && i < found.GetArrayLength())
        {
            found = found[i];
        }

        return found.ValueKind == JsonValueKind.Object ? RawBytes(found) : response.Body;
    }

    /// <summary>
    /// A value's bytes as received: never transcoded, so that a string holding invalid UTF-8 (which the serializer refuses)
    /// can still be quoted; the excerpt decodes it leniently.
    /// </summary>
    private static byte[] RawBytes(JsonElement element) => JsonMarshal.GetRawUtf8Value(element).ToArray();

    /// <summary>A message quoting provider data, cut so that a huge value cannot flood the exception (the excerpt is bounded too).</summary>
    private static string Bounded(string message) =>
        message.Length <= MaxReasonLength ? message : string.Concat(message.AsSpan(0, MaxReasonLength), "…");

    private static LedgerlineException Wrong(FreshBooksResponse response, string expected) =>
        FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body, $"FreshBooks answered with an unexpected envelope (expected {expected})");
}
