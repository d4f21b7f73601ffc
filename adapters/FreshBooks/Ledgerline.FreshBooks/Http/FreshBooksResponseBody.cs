using System.Buffers;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Reads a whole FreshBooks body, at most <see cref="MaxBytes"/>. With a Content-Length the bytes land in one array of that
/// size; without one (chunked answers) they are read through a pooled buffer into a growing stream whose own buffer is
/// returned as is: no per-response 80 KB scratch array, no final copy (benchmarks/README.md, hot spot 1).
/// </summary>
internal static class FreshBooksResponseBody
{
    /// <summary>The largest body read (FreshBooks' largest page of 100 invoices with lines is a few hundred KB).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>The most bytes of an oversized body kept for its excerpt.</summary>
    private const int StartBytes = 4 * 1024;

    /// <summary>
    /// Reads the body; a body cut short throws <see cref="TruncatedBodyException"/> with what arrived, and one larger than
    /// <see cref="MaxBytes"/> (declared or found while reading) <see cref="OversizedBodyException"/>.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent? content, int status, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var declared = content.Headers.ContentLength;
        if (declared is > MaxBytes)
        {
            throw new OversizedBodyException(status, declared, []);
        }

        using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return declared is { } length
            ? await ReadDeclaredAsync(stream, (int)length, status, cancellationToken)
            : await ReadChunkedAsync(stream, status, cancellationToken);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadDeclaredAsync(Stream stream, int length, int status, CancellationToken cancellationToken)
    {
        // Not zeroed first: every byte handed on is read from the stream (the slice ends at what was read), and a page of
        // 100 invoices is a ~400 KB array that zeroing would write twice.
        var body = GC.AllocateUninitializedArray<byte>(length);
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
            throw new TruncatedBodyException(status, body[..total], exception);
        }

        return body.AsMemory(0, total);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadChunkedAsync(Stream stream, int status, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new OversizedBodyException(status, null, buffer.GetBuffer()[..(int)Math.Min(buffer.Length, StartBytes)]);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && buffer.Length > 0)
        {
            throw new TruncatedBodyException(status, buffer.ToArray(), exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
