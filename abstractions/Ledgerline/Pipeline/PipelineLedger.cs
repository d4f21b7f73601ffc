namespace Ledgerline.Pipeline;

/// <summary>
/// The ledger applications get: the provider's ledger with every canonical store behind the store pipeline. A store the
/// provider does not return from <see cref="ILedger.GetStore"/> is reported unsupported and refused before any request.
/// Stores are built on first use and kept for the ledger's lifetime.
/// </summary>
internal sealed class PipelineLedger : ILedger
{
    private readonly object?[] _providerStores;
    private readonly object?[] _stores;
    private readonly IReadOnlyList<StoreMiddleware> _middleware;

    public PipelineLedger(ILedger provider, IReadOnlyList<StoreMiddleware> middleware)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ProviderName = provider.ProviderName;
        ConnectionId = provider.ConnectionId;
        _middleware = middleware;

        var entities = LedgerEntities.All;
        _providerStores = new object?[entities.Count];
        _stores = new object?[entities.Count];
        var declared = provider.Capabilities;
        var narrowed = false;
        var capabilities = new Dictionary<EntityKind, StoreCapabilities>(entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            var store = provider.GetStore(entities[i].StoreType);
            _providerStores[i] = entities[i].StoreType.IsInstanceOfType(store) ? store : null;
            var declaredStore = declared.For(entities[i].Kind);
            narrowed |= _providerStores[i] is null && declaredStore.IsSupported;
            capabilities[entities[i].Kind] = _providerStores[i] is null ? StoreCapabilities.Unsupported : declaredStore;
        }

        // The provider's own object when nothing was narrowed, so that what it declares is what applications see.
        Capabilities = narrowed ? new LedgerCapabilities(capabilities) : declared;
    }

    public string ProviderName { get; }

    public string ConnectionId { get; }

    public LedgerCapabilities Capabilities { get; }

    public object? GetStore(Type storeType)
    {
        ArgumentNullException.ThrowIfNull(storeType);
        var index = LedgerEntities.IndexOf(storeType);
        if (index < 0)
        {
            return null;
        }

        if (Volatile.Read(ref _stores[index]) is { } existing)
        {
            return existing;
        }

        var entity = LedgerEntities.All[index];
        var scope = new StoreScope(ProviderName, ConnectionId, entity.Kind, Capabilities.For(entity.Kind));
        var created = entity.OpenStore(scope, _providerStores[index], _middleware);
        return Interlocked.CompareExchange(ref _stores[index], created, null) ?? created;
    }
}
