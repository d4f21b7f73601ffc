namespace Ledgerline.Acme;

/// <summary>
/// What the Acme provider supports, store by store. Ledgerline refuses everything else with
/// <see cref="OperationNotSupportedException"/> before any request, and the conformance suite asserts exactly that.
/// </summary>
public static class AcmeCapabilities
{
    /// <summary>The provider's capabilities. Nothing yet: every store is refused until it is implemented and declared here.</summary>
    /// <remarks>
    /// TODO: declare each store once it is implemented (PROVIDER-GUIDE.md, "Capabilities"), for example:
    /// <code>
    /// [EntityKind.Contact] = new()
    /// {
    ///     Operations = StoreOperations.ReadWrite | StoreOperations.Archive | StoreOperations.Restore,
    ///     Filters = new HashSet&lt;string&gt; { nameof(RecordQuery.UpdatedSince), nameof(ContactQuery.Email) },
    ///     QueryableStates = RecordStates.NotDeleted,
    ///     IdempotencyKeys = StoreOperations.Create,   // only if Acme runs a create once per key (see AcmeContactStore)
    /// },
    /// </code>
    /// Declare only what the provider does exactly (a filter applied client-side counts if the result is exact; an
    /// idempotency key only where Acme honours it: a key declared and ignored lets an app duplicate a record it retried).
    /// </remarks>
    public static LedgerCapabilities Ledger { get; } = new(new Dictionary<EntityKind, StoreCapabilities>());
}
