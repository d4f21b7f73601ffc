namespace Ledgerline.Pipeline;

/// <summary>What every request to one store of one ledger shares.</summary>
internal sealed record StoreScope(string ProviderName, string ConnectionId, EntityKind Entity, StoreCapabilities Capabilities)
{
    public StoreRequest Request(StoreOperation operation, string? id = null, object? input = null, RecordQuery? query = null, string? cursor = null, string? idempotencyKey = null) =>
        new(ProviderName, ConnectionId, Entity, Capabilities, operation) { Id = id, Input = input, Query = query, Cursor = cursor, IdempotencyKey = idempotencyKey };
}
