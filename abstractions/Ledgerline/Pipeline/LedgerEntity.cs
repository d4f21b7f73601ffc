namespace Ledgerline.Pipeline;

/// <summary>One canonical entity as the pipeline knows it: its kind, its store interface, and how to build both.</summary>
internal abstract class LedgerEntity(EntityKind kind, Type storeType)
{
    public EntityKind Kind { get; } = kind;

    public Type StoreType { get; } = storeType;

    /// <summary>The entity's <c>IValidator&lt;T&gt;</c>s for draft, changes and query, as registered.</summary>
    public abstract EntityValidators ResolveValidators(IServiceProvider services);

    /// <summary>The store applications get: the pipeline in front of <paramref name="provider"/> (the provider's store, or null).</summary>
    public abstract object OpenStore(StoreScope scope, object? provider, IReadOnlyList<StoreMiddleware> middleware);
}
