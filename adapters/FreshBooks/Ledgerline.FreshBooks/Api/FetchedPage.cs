using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Api;

/// <summary>One fetched page: its records (already mapped), FreshBooks' counters, and the answer they came in (quoted when the listing proves inconsistent).</summary>
internal sealed record FetchedPage<T>(IReadOnlyList<T> Items, PageInfo Info, FreshBooksResponse Response);
