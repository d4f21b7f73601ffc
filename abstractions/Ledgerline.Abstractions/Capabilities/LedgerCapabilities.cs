namespace Ledgerline;

/// <summary>The operations a store can perform.</summary>
[Flags]
public enum StoreOperations
{
    /// <summary>Nothing: the store is not offered.</summary>
    None = 0,

    /// <summary><c>GetAsync</c>.</summary>
    Get = 1,

    /// <summary><c>ListAsync</c> and <c>ListPageAsync</c>.</summary>
    List = 2,

    /// <summary><c>CreateAsync</c>.</summary>
    Create = 4,

    /// <summary><c>UpdateAsync</c>.</summary>
    Update = 8,

    /// <summary><c>ArchiveAsync</c>.</summary>
    Archive = 16,

    /// <summary><c>DeleteAsync</c>.</summary>
    Delete = 32,

    /// <summary><c>RestoreAsync</c>.</summary>
    Restore = 64,

    /// <summary>
    /// <c>IInvoiceStore.MarkAsSentAsync</c> and <c>IEstimateStore.MarkAsSentAsync</c>: a draft becomes sent without Ledgerline sending anything (FreshBooks
    /// <c>action_mark_as_sent</c>; Xero <c>SentToContact</c>).
    /// </summary>
    MarkSent = 128,

    /// <summary><c>IInvoiceStore.VoidAsync</c>: an issued invoice with nothing paid is cancelled, kept for the record (Xero <c>VOIDED</c>).</summary>
    Void = 256,

    /// <summary><c>IEstimateStore.AcceptAsync</c>.</summary>
    Accept = 512,

    /// <summary><c>IEstimateStore.DeclineAsync</c>.</summary>
    Decline = 1024,

    /// <summary><c>IEstimateStore.ConvertToInvoiceAsync</c>.</summary>
    ConvertToInvoice = 2048,

    /// <summary><c>ICreditNoteStore.AllocateAsync</c>: applying credit to an invoice.</summary>
    Allocate = 4096,

    /// <summary>Get, list, create and update.</summary>
    ReadWrite = Get | List | Create | Update,

    /// <summary>Every operation every store shares (the entity-specific actions such as <see cref="MarkSent"/> are named on their own).</summary>
    All = ReadWrite | Archive | Delete | Restore,
}

/// <summary>What one store of a provider supports.</summary>
public sealed record StoreCapabilities
{
    /// <summary>A store the provider does not offer at all.</summary>
    public static StoreCapabilities Unsupported { get; } = new() { Operations = StoreOperations.None, Filters = new HashSet<string>() };

    /// <summary>The operations supported.</summary>
    public required StoreOperations Operations { get; init; }

    /// <summary>
    /// The query filters supported, by query property name (<c>UpdatedSince</c>, <c>ContactId</c>, <c>States</c>, …;
    /// see <see cref="RecordQuery.GetAppliedFilters"/>). A query that sets any other filter is refused before any request.
    /// </summary>
    public required IReadOnlySet<string> Filters { get; init; }

    /// <summary>Which states a list can be asked for (<see cref="RecordQuery.States"/>).</summary>
    public RecordStates QueryableStates { get; init; } = RecordStates.All;

    /// <summary>Whether a deleted record stays readable by id and restorable (soft delete) rather than gone.</summary>
    public bool SoftDelete { get; init; } = true;

    /// <summary>
    /// The operations of this store that honour an idempotency key (<see cref="CreateOptions.IdempotencyKey"/>):
    /// <see cref="StoreOperations.Create"/> and, for credit notes, <see cref="StoreOperations.Allocate"/>. A key given to any
    /// other operation, or to a store that declares none (the default, <see cref="StoreOperations.None"/>), is refused with
    /// <see cref="OperationNotSupportedException"/> before any request: a provider never takes a key it cannot honour.
    /// </summary>
    /// <remarks>
    /// Declaring an operation here promises: the same key with the same input returns the record the first call made, and
    /// never makes a second record; the same key with a different input fails with
    /// <see cref="IdempotencyKeyConflictException"/>. A first call that was refused made nothing: a repeat is refused again
    /// (Xero replays its refusal) or runs (InMemory). The conformance suite checks the promise.
    /// </remarks>
    public StoreOperations IdempotencyKeys { get; init; } = StoreOperations.None;

    /// <summary>Whether <paramref name="operation"/> of this store honours an idempotency key.</summary>
    /// <param name="operation">One operation, e.g. <see cref="StoreOperations.Create"/>.</param>
    public bool HonoursIdempotencyKey(StoreOperations operation) =>
        operation != StoreOperations.None && (IdempotencyKeys & operation) == operation && Supports(operation);

    /// <summary>
    /// Whether the store takes unit prices that include tax (<c>UnitPricesIncludeTax</c> <see langword="true"/> on
    /// <see cref="NewInvoice"/>, <see cref="InvoiceChanges"/>, <see cref="NewBill"/>, <see cref="BillChanges"/>,
    /// <see cref="NewCreditNote"/>, <see cref="CreditNoteChanges"/>, <see cref="NewEstimate"/> and
    /// <see cref="EstimateChanges"/>; Xero <c>LineAmountTypes</c> <c>Inclusive</c>).
    /// When <see langword="false"/> (the default), Ledgerline refuses such a draft or change before any request, with a
    /// <see cref="LedgerValidationException"/> on <c>UnitPricesIncludeTax</c>, code <c>NotSupportedByProvider</c>.
    /// Meaningful for invoices, bills, credit notes and estimates only.
    /// </summary>
    public bool TaxInclusivePrices { get; init; }

    /// <summary>Whether this store is offered at all.</summary>
    public bool IsSupported => Operations != StoreOperations.None;

    /// <summary>Whether every one of <paramref name="operations"/> is supported.</summary>
    public bool Supports(StoreOperations operations) => (Operations & operations) == operations;
}

/// <summary>What a provider supports, store by store. Checked before any request is sent.</summary>
public sealed class LedgerCapabilities
{
    private readonly IReadOnlyDictionary<EntityKind, StoreCapabilities> _stores;

    /// <summary>Creates capabilities from a per-entity map; missing entities are unsupported.</summary>
    public LedgerCapabilities(IReadOnlyDictionary<EntityKind, StoreCapabilities> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        _stores = stores;
    }

    /// <summary>The capabilities of every store the provider offers.</summary>
    public IReadOnlyDictionary<EntityKind, StoreCapabilities> Stores => _stores;

    /// <summary>The capabilities of one store.</summary>
    public StoreCapabilities For(EntityKind entity) =>
        _stores.TryGetValue(entity, out var capabilities) ? capabilities : StoreCapabilities.Unsupported;

    /// <summary>Whether <paramref name="entity"/>'s store supports every one of <paramref name="operations"/>.</summary>
    public bool Supports(EntityKind entity, StoreOperations operations) => For(entity).Supports(operations);

    /// <summary>Whether <paramref name="entity"/>'s store supports the named filter.</summary>
    public bool SupportsFilter(EntityKind entity, string filter) => For(entity).Filters.Contains(filter);
}
