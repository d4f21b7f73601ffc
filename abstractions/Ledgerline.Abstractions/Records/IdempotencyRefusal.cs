namespace Ledgerline;

/// <summary>The refusal of a key by a store that does not implement the keyed overload of an operation.</summary>
internal static class IdempotencyRefusal
{
    public static LedgerlineException For(Type store, Type record, string operation)
    {
        var feature = $"idempotency keys on {operation}";
        return Enum.TryParse<EntityKind>(record.Name, out var entity)
            ? new OperationNotSupportedException(store.Name, entity, feature)
            : new LedgerlineException($"{store.Name} does not support {feature}.");
    }
}
