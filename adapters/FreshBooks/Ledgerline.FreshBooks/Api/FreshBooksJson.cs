using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The JSON settings of every FreshBooks body. Reading accepts FreshBooks' inconsistent spellings (numbers sent as strings
/// and strings as numbers, <c>0/1</c> booleans) and maps a missing field or an explicit <c>null</c> to
/// <see langword="null"/>; a value that is present but cannot be read (<c>"id": "abc"</c>, <c>"status": {}</c>) fails with
/// a <see cref="JsonException"/> quoting its raw text, so bad provider data is reported, never silently dropped. Amounts
/// are kept as the exact text received.
/// </summary>
internal static class FreshBooksJson
{
    /// <summary>The deepest nesting read; FreshBooks' deepest documented body is far shallower.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most characters of a malformed value quoted in an error.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>Options for wire records.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// <see cref="Options"/> for a whole body read from memory in one pass: the same settings and metadata, and list
    /// results note where each record lies in the body (<see cref="WireList{T}.Ranges"/>), which only a reader over the
    /// whole body can tell.
    /// </summary>
    public static JsonSerializerOptions BodyOptions { get; } = CreateOptions();

    /// <summary>Options for parsing whole bodies.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>The generated metadata of a wire type, bound to <see cref="Options"/>.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>The generated metadata of a wire type, bound to <see cref="BodyOptions"/>.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> BodyInfo<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)BodyOptions.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxDepth,
            Converters = { new StrictStringConverter(), new StrictIntegerConverter<long>(), new StrictIntegerConverter<int>(), new StrictBooleanConverter() },
            TypeInfoResolver = FreshBooksJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// The error for a value that is present but cannot be read as <paramref name="expected"/>. Consumes the value (a
    /// whole object or array) and quotes its raw JSON text, cut to <see cref="MaxQuotedLength"/> characters; the
    /// serializer adds the property path.
    /// </summary>
    private static JsonException Malformed(ref Utf8JsonReader reader, string expected)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        var raw = value.RootElement.GetRawText();
        var quoted = raw.Length <= MaxQuotedLength ? raw : string.Concat(raw.AsSpan(0, MaxQuotedLength), "…");
        return new JsonException($"FreshBooks sent {quoted} where {expected} was expected.");
    }

    /// <summary>The bytes of the current scalar token, unescaped for strings.</summary>
    private static string Text(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? reader.GetString() ?? string.Empty
        : Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    /// <summary>Reads any scalar as its exact text (numbers keep every digit); an object or array is an error.</summary>
    private sealed class StrictStringConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String or JsonTokenType.Number => Text(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw Malformed(ref reader, "text"),
        };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }

    /// <summary>
    /// Reads an integer sent as a number or a numeric string (an optional sign and digits, invariant culture); null stays
    /// null and anything else (fractions, words, objects, out of range) is an error.
    /// </summary>
    private sealed class StrictIntegerConverter<T> : JsonConverter<T?>
        where T : struct, IBinaryInteger<T>
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
            {
                // Ids are on every record: parse the UTF-8 bytes in place unless they are split or escaped.
                var utf8 = reader.HasValueSequence || reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(Text(ref reader)) : reader.ValueSpan;
                if (T.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }

            throw Malformed(ref reader, $"a {typeof(T).Name} integer");
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                writer.WriteNumberValue(long.CreateChecked(v));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>Reads <c>true/false</c>, integers (non-zero is true) and the strings <c>true/false/1/0</c>; anything else is an error.</summary>
    private sealed class StrictBooleanConverter : JsonConverter<bool?>
    {
        public override bool HandleNull => true;

        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number when reader.TryGetInt64(out var n):
                    return n != 0;
                case JsonTokenType.String when reader.GetString() is "true" or "True" or "1":
                    return true;
                case JsonTokenType.String when reader.GetString() is "false" or "False" or "0":
                    return false;
                default:
                    throw Malformed(ref reader, "a boolean");
            }
        }

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                writer.WriteBooleanValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
