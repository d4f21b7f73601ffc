using System.Buffers.Text;
using System.Text;
using Ledgerline.Paging;

namespace Ledgerline.Tests.Paging;

public sealed class PageCursorTests
{
    private static readonly InvoiceQuery Query = new() { ContactId = "7", PageSize = 25, States = RecordStates.NotDeleted };

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("opaque|with|bars")]
    [InlineData("ünïcode")]
    [InlineData("")]
    public void Decode_EncodedForSameQuery_ReturnsPosition(string position)
    {
        var cursor = PageCursor.Encode(Query, position);

        Assert.Equal(position, PageCursor.Decode(Query with { }, cursor));
        Assert.StartsWith("ll1.", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EqualQueryBuiltSeparately_Accepts()
    {
        var a = new InvoiceQuery { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Paid, InvoiceStatus.Draft } };
        var b = new InvoiceQuery { Statuses = new HashSet<InvoiceStatus> { InvoiceStatus.Draft, InvoiceStatus.Paid } };

        Assert.Equal("3", PageCursor.Decode(b, PageCursor.Encode(a, "3")));
    }

    public static TheoryData<RecordQuery> OtherQueries =>
    [
        Query with { ContactId = "8" },
        Query with { PageSize = 26 },
        Query with { States = RecordStates.All },
        Query with { UpdatedSince = DateTimeOffset.UnixEpoch },
        new PaymentQuery { ContactId = "7", PageSize = 25, States = RecordStates.NotDeleted },
    ];

    [Theory]
    [MemberData(nameof(OtherQueries))]
    public void Decode_OtherQuery_ThrowsInvalidCursor(RecordQuery other)
    {
        var cursor = PageCursor.Encode(Query, "2");

        var error = Assert.Throws<InvalidCursorException>(() => PageCursor.Decode(other, cursor));

        Assert.Contains("different query", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("ll1.")]
    [InlineData("ll1.!!!")]
    [InlineData("ll2.abc")]
    public void Decode_Malformed_ThrowsInvalidCursor(string cursor) =>
        Assert.Throws<InvalidCursorException>(() => PageCursor.Decode(Query, cursor));

    [Fact]
    public void Decode_TamperedFingerprint_ThrowsInvalidCursor()
    {
        var cursor = PageCursor.Encode(Query, "2");
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.AsSpan(4)));
        var tampered = "ll1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes((payload[0] == 'A' ? 'B' : 'A') + payload[1..]));

        Assert.Throws<InvalidCursorException>(() => PageCursor.Decode(Query, tampered));
    }

    [Fact]
    public void Decode_NoSeparator_ThrowsInvalidCursor()
    {
        var cursor = "ll1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes("no-separator"));

        Assert.Throws<InvalidCursorException>(() => PageCursor.Decode(Query, cursor));
    }

    [Fact]
    public void Encode_DifferentPositions_GiveDifferentCursors() =>
        Assert.NotEqual(PageCursor.Encode(Query, "1"), PageCursor.Encode(Query, "2"));
}
