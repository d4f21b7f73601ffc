namespace Ledgerline.InMemory;

/// <summary>Settings of the in-memory provider.</summary>
public sealed class InMemoryOptions
{
    /// <summary>
    /// Everything: every store, every operation, every filter, every state, soft delete, idempotency keys on every create
    /// (and allocation). The default
    /// <see cref="Capabilities"/>.
    /// </summary>
    public static LedgerCapabilities AllCapabilities { get; } = new(new Dictionary<EntityKind, StoreCapabilities>
    {
        [EntityKind.Contact] = Full(nameof(ContactQuery.Email), nameof(ContactQuery.OrganizationContains)),
        [EntityKind.Invoice] = Full(
            nameof(InvoiceQuery.ContactId), nameof(InvoiceQuery.Statuses), nameof(InvoiceQuery.IssueDate), nameof(InvoiceQuery.DueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.MarkSent | StoreOperations.Void,
        },
        [EntityKind.Payment] = Full(nameof(PaymentQuery.InvoiceId), nameof(PaymentQuery.ContactId), nameof(PaymentQuery.Date)),
        [EntityKind.Expense] = Full(nameof(ExpenseQuery.ContactId), nameof(ExpenseQuery.CategoryId), nameof(ExpenseQuery.Date)),
        [EntityKind.TimeEntry] = Full(
            nameof(TimeEntryQuery.ContactId), nameof(TimeEntryQuery.ProjectId), nameof(TimeEntryQuery.StartedFrom),
            nameof(TimeEntryQuery.StartedTo), nameof(TimeEntryQuery.Billable), nameof(TimeEntryQuery.Billed)),
        [EntityKind.Item] = Full(nameof(ItemQuery.Code), nameof(ItemQuery.NameContains)),
        [EntityKind.TaxRate] = Full(nameof(TaxRateQuery.NameContains)),
        [EntityKind.Estimate] = Full(nameof(EstimateQuery.ContactId), nameof(EstimateQuery.Statuses), nameof(EstimateQuery.IssueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.MarkSent | StoreOperations.Accept | StoreOperations.Decline | StoreOperations.ConvertToInvoice,
        },
        [EntityKind.Vendor] = Full(nameof(VendorQuery.NameContains)),
        [EntityKind.Bill] = Full(nameof(BillQuery.VendorId), nameof(BillQuery.Statuses), nameof(BillQuery.IssueDate), nameof(BillQuery.DueDate)),
        [EntityKind.BillPayment] = Full(nameof(BillPaymentQuery.BillId), nameof(BillPaymentQuery.Date)),
        [EntityKind.Project] = Full(nameof(ProjectQuery.ContactId), nameof(ProjectQuery.IsComplete)),
        [EntityKind.Company] = new StoreCapabilities { Operations = StoreOperations.Get, Filters = new HashSet<string>() },
        [EntityKind.CreditNote] = Full(nameof(CreditNoteQuery.ContactId), nameof(CreditNoteQuery.Statuses), nameof(CreditNoteQuery.IssueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.Allocate,
            IdempotencyKeys = StoreOperations.Create | StoreOperations.Allocate,
        },
    });

    /// <summary>
    /// What the provider claims to support; Ledgerline refuses anything else before the provider sees it. Restrict it to
    /// make the in-memory provider behave like a more limited one in tests. A store whose capabilities say
    /// <see cref="StoreCapabilities.SoftDelete"/> is <see langword="false"/> removes deleted records for good.
    /// </summary>
    public LedgerCapabilities Capabilities { get; set; } = AllCapabilities;

    /// <summary>
    /// The business every in-memory connection reaches (<c>ledger.Company</c>); its <see cref="Ledgerline.Company.Id"/> is
    /// replaced by the connection id. Default: "In-memory company", USD, UTC.
    /// </summary>
    public Company Company { get; set; } = new()
    {
        Id = "in-memory",
        Name = "In-memory company",
        BaseCurrency = CurrencyCode.USD,
        TimeZone = "Etc/UTC",
    };

    /// <summary>Replaces one store's capabilities, e.g. <c>o.ConfigureStore(EntityKind.TimeEntry, s =&gt; s with { SoftDelete = false })</c>.</summary>
    /// <param name="entity">The store to change.</param>
    /// <param name="configure">Receives the current capabilities and returns the new ones.</param>
    /// <returns>These options, for chaining.</returns>
    public InMemoryOptions ConfigureStore(EntityKind entity, Func<StoreCapabilities, StoreCapabilities> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var stores = Capabilities.Stores.ToDictionary();
        stores[entity] = configure(Capabilities.For(entity)) ?? throw new InvalidOperationException("The configure delegate returned null.");
        Capabilities = new LedgerCapabilities(stores);
        return this;
    }

    private static StoreCapabilities Full(params string[] filters) => new()
    {
        Operations = StoreOperations.All,
        IdempotencyKeys = StoreOperations.Create,
        Filters = new HashSet<string>([nameof(RecordQuery.States), nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal),
        QueryableStates = RecordStates.All,
        SoftDelete = true,
    };
}
