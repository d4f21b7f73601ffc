namespace Ledgerline.FreshBooks.Http;

/// <summary>A body that stopped arriving part way; carries the status and what did arrive.</summary>
internal sealed class TruncatedBodyException(int status, byte[] received, Exception innerException)
    : IOException("The FreshBooks response ended before its declared length.", innerException)
{
    /// <summary>The HTTP status of the answer that was cut short.</summary>
    public int Status { get; } = status;

    /// <summary>The bytes that arrived.</summary>
    public byte[] Received { get; } = received;
}
