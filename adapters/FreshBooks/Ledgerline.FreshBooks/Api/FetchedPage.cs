using System.Runtime.CompilerServices;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Api;

/// <summary>One fetched page: its records (already mapped) and FreshBooks' counters.</summary>
internal sealed record FetchedPage<T>(IReadOnlyList<T> Items, PageInfo Info);
