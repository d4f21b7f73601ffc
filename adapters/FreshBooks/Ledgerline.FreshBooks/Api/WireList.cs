using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The records of a list answer, with where each one's JSON object lies in the body when the body was read from memory in
/// one pass (<see cref="FreshBooksJson.BodyOptions"/>): a record's raw form is then a slice of the body, found for free
/// while reading, instead of a parse of the whole body into a document.
/// </summary>
/// <typeparam name="T">The wire record.</typeparam>
internal sealed class WireList<T>(List<T?> items, List<(int Start, int Length)>? ranges) : IReadOnlyList<T?>
{
    /// <summary>Each record's byte range in the body, in order; null when the body was not read from one buffer.</summary>
    public IReadOnlyList<(int Start, int Length)>? Ranges => ranges;

    public int Count => items.Count;

    public T? this[int index] => items[index];

    public IEnumerator<T?> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Reads a list of records as the generated metadata would, noting each record's byte range when the reader runs over a
/// whole body in memory (only then are its positions offsets into that body). A record that cannot be read fails with a
/// <see cref="WireListException"/> saying which one, since the record's own read knows only the path within it.
/// </summary>
/// <typeparam name="T">The wire record.</typeparam>
internal sealed class WireListConverter<T> : JsonConverter<IReadOnlyList<T?>>
    where T : class
{
    public override IReadOnlyList<T?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"FreshBooks sent {EntityNames.WithArticle(reader.TokenType.ToString())} where a list of records was expected.");
        }

        // The element's own converter reads in place; JsonSerializer.Deserialize(ref reader, …) would first skip over the
        // whole value to scope a reader to it, reading every record twice.
        var converter = (JsonConverter<T>)options.GetTypeInfo(typeof(T)).Converter;
        var ranges = ReferenceEquals(options, FreshBooksJson.BodyOptions) ? new List<(int, int)>() : null;
        var items = new List<T?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader.TokenStartIndex;
            var before = reader;
            try
            {
                items.Add(reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), options));
            }
            catch (JsonException exception)
            {
                // Read directly, the converter does not track where in the record it was; the serializer, reading the
                // record again from its start, does (the failure is deterministic, so it fails the same way).
                throw new WireListException(items.Count, Located(ref before, options) ?? exception);
            }

            ranges?.Add(((int)start, (int)(reader.BytesConsumed - start)));
        }

        return new WireList<T>(items, ranges);
    }

    private static JsonException? Located(ref Utf8JsonReader record, JsonSerializerOptions options)
    {
        try
        {
            JsonSerializer.Deserialize(ref record, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            return null;
        }
        catch (JsonException exception)
        {
            return exception;
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, item, info);
            }
        }

        writer.WriteEndArray();
    }
}

/// <summary>
/// A record of a list that could not be read: its index and the path within it (the serializer adds the list's own path
/// as <see cref="JsonException.Path"/>).
/// </summary>
internal sealed class WireListException(int index, JsonException inner)
    : JsonException(inner.Message, inner)
{
    /// <summary>The record's index in the list.</summary>
    public int Index { get; } = index;

    /// <summary>The path within the record, <c>$</c>-rooted (e.g. <c>$.amount.amount</c>), when the record's read knew it.</summary>
    public string? Within { get; } = inner.Path;
}
