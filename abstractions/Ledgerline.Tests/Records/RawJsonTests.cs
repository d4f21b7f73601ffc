using System.Text;
using System.Text.Json;

namespace Ledgerline.Tests.Records;

/// <summary><see cref="RawJson"/>, the raw form adapters keep on records, and how records print it.</summary>
public sealed class RawJsonTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("""{"records":[{"id":1,"name":"Ada"},{"id":2,"name":"Émile"}]}""");

    private static RawJson Slice(string record)
    {
        var text = Encoding.UTF8.GetString(Page);
        var start = Encoding.UTF8.GetByteCount(text[..text.IndexOf(record, StringComparison.Ordinal)]);
        return new RawJson(Page.AsMemory(start, Encoding.UTF8.GetByteCount(record)));
    }

    [Fact]
    public void RootElement_SliceOfAPage_ParsesOnlyThatRecord()
    {
        var raw = Slice("""{"id":2,"name":"Émile"}""");

        Assert.Equal(2, raw.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("Émile", raw.RootElement.GetProperty("name").GetString());
        Assert.Equal("""{"id":2,"name":"Émile"}""", raw.ToString());
    }

    [Fact]
    public void RootElement_ParsedOnce_SameValueEveryTime()
    {
        var raw = new RawJson("""{"a":[1,2,3]}"""u8.ToArray());

        var first = raw.RootElement;
        var second = raw.RootElement;

        Assert.Equal(3, first.GetProperty("a").GetArrayLength());
        Assert.True(JsonElement.DeepEquals(first, second));
    }

    [Fact]
    public void RootElement_NotJson_ThrowsJsonException()
    {
        var raw = new RawJson("""{"a":"""u8.ToArray());

        Assert.ThrowsAny<JsonException>(() => raw.RootElement);
    }

    [Fact]
    public void Detach_CopiesExactlyTheRecordsBytes()
    {
        var raw = Slice("""{"id":1,"name":"Ada"}""");

        var detached = raw.Detach();

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(detached.Utf8, out var segment));
        Assert.Equal((0, segment.Array!.Length), (segment.Offset, segment.Count));
        Assert.NotSame(Page, segment.Array);
        Assert.Equal(raw.ToString(), detached.ToString());
    }

    [Fact]
    public void WriteTo_WritesTheValueUnchanged()
    {
        var raw = Slice("""{"id":2,"name":"Émile"}""");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("kept");
            raw.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal("Émile", document.RootElement.GetProperty("kept").GetProperty("name").GetString());
    }

    [Fact]
    public void RecordToString_ShowsTheRawFormBySizeNotItsContent()
    {
        var big = "{\"notes\":\"" + new string('x', 50_000) + "\"}";
        var contact = new Contact
        {
            Id = "7",
            UpdatedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
            Organization = "Ada Ltd",
            RawRepresentation = new RawJson(Encoding.UTF8.GetBytes(big)),
        };

        var text = contact.ToString();

        Assert.StartsWith("Contact { Id = 7, UpdatedAt = 2026-11-30T12:00:00.0000000+00:00, State = Active, RawRepresentation = RawJson (50,012 bytes), ", text, StringComparison.Ordinal);
        Assert.Contains("Organization = Ada Ltd", text, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxxxx", text, StringComparison.Ordinal);
        Assert.True(text.Length < 2_000, text);
    }

    [Fact]
    public void RecordToString_WithoutRawForm_SaysNullAndUnknownChangeTime()
    {
        var rate = new TaxRate { Id = "OUTPUT2", UpdatedAt = null, Name = "GST", Percent = 15m };

        Assert.StartsWith("TaxRate { Id = OUTPUT2, UpdatedAt = null, State = Active, RawRepresentation = null, ", rate.ToString(), StringComparison.Ordinal);
    }
}
