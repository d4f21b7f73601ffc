using System.Buffers;
using System.Text.Json;

namespace Ledgerline.FreshBooks.Sandbox.Hosting;

/// <summary>
/// A response body written into memory rented from the shared array pool and returned when disposed. A list page of
/// 100 invoices with their lines is about 400 KB: built in a new array (and grown by doubling), every page would land
/// on the large object heap, and those allocations are what drove the sandbox's full garbage collections.
/// </summary>
internal sealed class PooledBody : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _written;

    /// <summary>What has been written so far; valid until the body is disposed.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _written);

    /// <summary>Writes JSON with the same options as <see cref="HttpJson.Build"/>, so the bytes are the same.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        using var writer = new Utf8JsonWriter(this, HttpJson.WriterOptions);
        write(writer);
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
