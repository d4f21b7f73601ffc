using System.Text.Json;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Mapster;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>What the accounting stores and the time entry store (which has its own API and envelope) do alike.</summary>
internal static class FreshBooksStoreRecords
{
    /// <summary>FreshBooks' integer id; an id that is not one cannot exist.</summary>
    public static long Number(EntityKind entity, string id) =>
        FreshBooksValues.ParseId(id) ?? throw new RecordNotFoundException(entity, id) { Provider = FreshBooksRequest.ProviderName };

    /// <summary>Maps every element of a list envelope's array, keeping each element as its record's raw representation when asked.</summary>
    public static FetchedPage<TRecord> Page<TWire, TRecord>(FreshBooksResponse response, JsonElement items, PageInfo info, TypeAdapterConfig config, bool keepRaw)
        where TRecord : LedgerRecord
    {
        var records = new List<TRecord>(items.GetArrayLength());
        foreach (var element in items.EnumerateArray())
        {
            records.Add(FreshBooksEnvelope.Record<TWire, TRecord>(response, element, config, keepRaw));
        }

        return new FetchedPage<TRecord>(records, info);
    }

    /// <summary>A cursor that did not come from this store's <c>NextCursor</c>.</summary>
    public static InvalidCursorException InvalidCursor() =>
        new("The cursor does not name a FreshBooks page. Pass back NextCursor exactly as received.");
}
