using Ledgerline.Xero.Errors;

namespace Ledgerline.Xero.Http;

/// <summary>A successful Xero answer with its body read as <typeparamref name="T"/>, or the reason it could not be.</summary>
/// <typeparam name="T">The wire type of the body.</typeparam>
/// <param name="Call">The call it answers.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body bytes (kept for error excerpts and raw representations).</param>
/// <param name="Content">The typed body; null when it could not be read.</param>
/// <param name="ReadError">Why the body could not be read.</param>
internal sealed record XeroResult<T>(XeroCall Call, int Status, ReadOnlyMemory<byte> Body, T? Content, Exception? ReadError);
