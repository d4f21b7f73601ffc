using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Http;

/// <summary>A successful FreshBooks answer, read whole into memory.</summary>
/// <param name="Call">The call it answers.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body bytes.</param>
internal sealed record FreshBooksResponse(FreshBooksCall Call, int Status, ReadOnlyMemory<byte> Body);
