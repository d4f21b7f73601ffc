namespace Ledgerline.FreshBooks.Http;

/// <summary>A successful answer with its body read as <typeparamref name="T"/>, or the reason it could not be.</summary>
/// <typeparam name="T">The wire type of the body.</typeparam>
/// <param name="Response">The answer: call, status and body bytes (kept for error excerpts and raw representations).</param>
/// <param name="Content">The typed body; null when it could not be read.</param>
/// <param name="ReadError">Why the body could not be read, explained by <c>FreshBooksEnvelope</c>.</param>
internal sealed record FreshBooksResult<T>(FreshBooksResponse Response, T? Content, Exception? ReadError);
