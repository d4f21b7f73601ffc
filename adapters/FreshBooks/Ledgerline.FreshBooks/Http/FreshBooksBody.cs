using System.Net;
using System.Runtime.InteropServices;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// An answer's body already read whole by <see cref="FreshBooksBodyHandler"/>, exposed as its bytes so that the content
/// serializer can read it in one synchronous pass instead of streaming it again.
/// </summary>
internal sealed class FreshBooksBody(ReadOnlyMemory<byte> bytes) : HttpContent
{
    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Bytes, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Bytes.Length;
        return true;
    }

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        MemoryMarshal.TryGetArray(Bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(Bytes.ToArray(), writable: false);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(CancellationToken.None));
}
