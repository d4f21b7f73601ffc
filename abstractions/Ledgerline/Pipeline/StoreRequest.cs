namespace Ledgerline;

/// <summary>
/// One call to a store as it travels through the store pipeline: which ledger and entity it is for, which operation, and
/// the call's arguments. Middleware may pass an altered copy on (<c>request with { Query = … }</c>).
/// </summary>
public sealed record StoreRequest
{
    /// <summary>Describes a call.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <param name="connectionId">The connection the ledger speaks for.</param>
    /// <param name="entity">The entity whose store was called.</param>
    /// <param name="capabilities">What the provider's store for <paramref name="entity"/> supports.</param>
    /// <param name="operation">The store method called.</param>
    public StoreRequest(string providerName, string connectionId, EntityKind entity, StoreCapabilities capabilities, StoreOperation operation)
    {
        ArgumentNullException.ThrowIfNull(providerName);
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(capabilities);
        ProviderName = providerName;
        ConnectionId = connectionId;
        Entity = entity;
        Capabilities = capabilities;
        Operation = operation;
    }

    /// <summary>The provider's name, e.g. <c>FreshBooks</c>.</summary>
    public string ProviderName { get; }

    /// <summary>The connection the ledger speaks for.</summary>
    public string ConnectionId { get; }

    /// <summary>The entity whose store was called.</summary>
    public EntityKind Entity { get; }

    /// <summary>
    /// What the provider's store supports. A store the provider does not implement is
    /// <see cref="StoreCapabilities.Unsupported"/>, whatever the provider's own capabilities say.
    /// </summary>
    public StoreCapabilities Capabilities { get; }

    /// <summary>The store method called.</summary>
    public StoreOperation Operation { get; }

    /// <summary>The record id, for <see cref="StoreOperation.Get"/>, <see cref="StoreOperation.Update"/> and the state changes.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The draft (<see cref="StoreOperation.Create"/>), the changes (<see cref="StoreOperation.Update"/>) or an entity
    /// operation's input (<see cref="StoreOperation.Allocate"/>: a <see cref="NewCreditAllocation"/>), e.g. a <see cref="NewInvoice"/>.
    /// </summary>
    public object? Input { get; init; }

    /// <summary>
    /// The list query (<see cref="StoreOperation.List"/>, <see cref="StoreOperation.ListPage"/>): never <see langword="null"/>
    /// for those, a default query when the caller passed none.
    /// </summary>
    public RecordQuery? Query { get; init; }

    /// <summary>
    /// The page cursor (<see cref="StoreOperation.ListPage"/>): the opaque cursor the caller passed outside Ledgerline's cursor
    /// binding, the provider's own position inside it (where application middleware runs).
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>
    /// The idempotency key the caller gave (<see cref="CreateOptions.IdempotencyKey"/>), for <see cref="StoreOperation.Create"/>
    /// and <see cref="StoreOperation.Allocate"/>; <see langword="null"/> for none. By the time application middleware sees
    /// it, it is valid and the store honours it. Not a secret, but keep it out of logs: it can carry the application's ids.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The capability <see cref="Operation"/> needs (<see cref="StoreOperation.ListPage"/> needs <see cref="StoreOperations.List"/>).</summary>
    public StoreOperations RequiredCapability => Operation switch
    {
        StoreOperation.Get or StoreOperation.GetCompany => StoreOperations.Get,
        StoreOperation.List or StoreOperation.ListPage => StoreOperations.List,
        StoreOperation.Create => StoreOperations.Create,
        StoreOperation.Update => StoreOperations.Update,
        StoreOperation.Archive => StoreOperations.Archive,
        StoreOperation.Restore => StoreOperations.Restore,
        StoreOperation.Delete => StoreOperations.Delete,
        StoreOperation.MarkSent => StoreOperations.MarkSent,
        StoreOperation.Void => StoreOperations.Void,
        StoreOperation.Accept => StoreOperations.Accept,
        StoreOperation.Decline => StoreOperations.Decline,
        StoreOperation.ConvertToInvoice => StoreOperations.ConvertToInvoice,
        StoreOperation.Allocate => StoreOperations.Allocate,
        _ => throw new InvalidOperationException($"Unknown store operation {Operation}."),
    };
}
