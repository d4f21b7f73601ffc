using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Ledgerline;

/// <summary>
/// A provider's JSON for one record exactly as it was received: its UTF-8 bytes, parsed only when asked
/// (<see cref="RootElement"/>). Adapters whose provider speaks JSON put one in <see cref="LedgerRecord.RawRepresentation"/>
/// so that fields the canonical model does not carry stay reachable without paying for a parse of every record.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Utf8"/> may be a slice of the whole response body the record came in (one page of a listing, typically a
/// few hundred KB): listing makes no copy per record, and a page's records share its body. Keeping one record alive keeps
/// that body alive; to keep a few records of many pages for long, call <see cref="Detach"/> (or drop the raw form, or turn
/// it off in the adapter's options, e.g. <c>KeepRawRepresentation = false</c>).
/// </para>
/// <para>Instances are immutable and safe to share between threads; <see cref="RootElement"/> is parsed once.</para>
/// </remarks>
public sealed class RawJson
{
    // A reference, so that a reader on another thread sees a whole element or none (a struct could tear).
    private StrongBox<JsonElement>? _root;

    /// <summary>Wraps the UTF-8 JSON of one value (the bytes are not copied, not validated until parsed).</summary>
    /// <param name="utf8">The JSON text, UTF-8 encoded: one complete value, normally an object.</param>
    public RawJson(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    /// <summary>The JSON text as received, UTF-8 encoded.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>
    /// The value as a <see cref="JsonElement"/>, parsed from <see cref="Utf8"/> on first use and kept (it owns its own
    /// copy, needs no disposal and stays valid for the life of this instance).
    /// </summary>
    /// <exception cref="JsonException">The bytes are not one valid JSON value (never for what an adapter received and read).</exception>
    public JsonElement RootElement
    {
        get
        {
            if (Volatile.Read(ref _root) is { } root)
            {
                return root.Value;
            }

            var reader = new Utf8JsonReader(Utf8.Span);
            var parsed = JsonElement.ParseValue(ref reader);
            Volatile.Write(ref _root, new StrongBox<JsonElement>(parsed));
            return parsed;
        }
    }

    /// <summary>A copy that owns exactly its own bytes, so that it no longer keeps a whole response body alive.</summary>
    /// <returns>A new instance over a copy of <see cref="Utf8"/>.</returns>
    public RawJson Detach() => new(Utf8.ToArray());

    /// <summary>Writes the value, unchanged, to <paramref name="writer"/>.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Utf8.Span, skipInputValidation: false);
    }

    /// <summary>The JSON text as received.</summary>
    /// <returns>The value's JSON text.</returns>
    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);
}
