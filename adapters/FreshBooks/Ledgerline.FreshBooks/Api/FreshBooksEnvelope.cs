using Ledgerline.FreshBooks.Http;
using System.Buffers;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Mapster;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Api;

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
