namespace Ledgerline.Xero;

/// <summary>
/// What the Xero provider supports, store by store; everything else is refused before any request.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Contacts: no delete (Xero only archives contacts), so active and archived states only. Filters <c>Email</c>,
/// <c>OrganizationContains</c>, <c>UpdatedSince</c>.</item>
/// <item>Invoices: no archive and no restore (Xero deletes drafts for good and voids approved invoices); deleted invoices
/// stay readable. Mark as sent (approve) and void. Filters <c>ContactId</c>, <c>Statuses</c>, <c>IssueDate</c>,
/// <c>DueDate</c>, <c>UpdatedSince</c>.</item>
/// <item>Payments: created and deleted only (Xero never changes a payment); deleted payments stay readable. Filters
/// <c>InvoiceId</c>, <c>ContactId</c>, <c>Date</c>, <c>UpdatedSince</c>.</item>
/// <item>Vendors: Xero contacts seen from the payables side (every contact, same id); archived and restored like contacts,
/// never deleted. Filters <c>NameContains</c>, <c>UpdatedSince</c>.</item>
/// <item>Bills (<c>ACCPAY</c> invoices): recorded approved, so no archive, delete or restore (Xero deletes only drafts and
/// voids approved bills); bills deleted in Xero's app stay readable. Filters <c>VendorId</c>, <c>Statuses</c>,
/// <c>IssueDate</c>, <c>DueDate</c>, <c>UpdatedSince</c>.</item>
/// <item>Bill payments: created and deleted only, as payments. Filters <c>BillId</c>, <c>Date</c>, <c>UpdatedSince</c>.</item>
/// <item>Credit notes (<c>ACCRECCREDIT</c>): issued at once, so no archive, delete or restore (as bills); allocation to
/// invoices. Filters <c>ContactId</c>, <c>Statuses</c>, <c>IssueDate</c>, <c>UpdatedSince</c>.</item>
/// <item>Estimates (Xero quotes): created, changed, marked sent, accepted, declined and turned into invoices (the
/// invoice made here, its <c>Reference</c> the quote number, then the quote marked <c>INVOICED</c>); deleted (kept
/// readable), never archived or restored. Filters <c>ContactId</c>, <c>Statuses</c>, <c>IssueDate</c>,
/// <c>UpdatedSince</c>.</item>
/// <item>Tax rates: created, changed and deleted (kept readable), never archived or restored; every state can be listed
/// (Xero's <c>ARCHIVED</c> and <c>PENDING</c> read as archived). Xero keeps no change time on a tax rate, so no
/// <c>UpdatedSince</c>. Filter <c>NameContains</c>.</item>
/// <item>Items: deleted for good, never archived; active only. Filters <c>Code</c>, <c>NameContains</c>, <c>UpdatedSince</c>.</item>
/// <item>Expenses (spent money): deleted (kept readable), never archived or restored. Filters <c>CategoryId</c>,
/// <c>Date</c>, <c>UpdatedSince</c>; not <c>ContactId</c> (Xero records no customer to rebill on spent money).</item>
/// <item>Company: the organisation, read.</item>
/// <item>Projects (Projects API): created for a contact, changed (name, due day, budget; complete ↔ <c>CLOSED</c>), never
/// archived or deleted; no description, billing method, fixed price or hourly rate (Xero prices per task). Filters
/// <c>ContactId</c>, <c>IsComplete</c>; Xero keeps no change time on a project, so no <c>UpdatedSince</c>.</item>
/// <item>Time entries (Projects API): on a project's task by a Projects user, whole minutes only; deleted for good,
/// never archived. Filters <c>ContactId</c>, <c>ProjectId</c>, <c>StartedFrom</c>, <c>StartedTo</c>, <c>Billable</c>
/// (<c>isChargeable</c>), <c>Billed</c> (<c>states</c>); no change time, so no <c>UpdatedSince</c>.</item>
/// <item>Idempotency keys: every Accounting API create honours one (sent as <c>Idempotency-Key</c>); allocations and the
/// Projects API's creates do not yet (refused before any request).</item>
/// <item>Invoices, bills, credit notes and estimates take unit prices that include tax (<see cref="StoreCapabilities.TaxInclusivePrices"/>:
/// <c>LineAmountTypes</c> <c>Inclusive</c>, <c>INCLUSIVE</c> on quotes).</item>
/// </list>
/// </remarks>
internal static class XeroCapabilities
{
    public static LedgerCapabilities Ledger { get; } = new(new Dictionary<EntityKind, StoreCapabilities>
    {
        [EntityKind.Contact] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Set(nameof(ContactQuery.Email), nameof(ContactQuery.OrganizationContains)),
            QueryableStates = RecordStates.NotDeleted,

            // Nothing is deleted; archived contacts stay readable and restorable.
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Invoice] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.MarkSent | StoreOperations.Void,
            Filters = Set(nameof(InvoiceQuery.ContactId), nameof(InvoiceQuery.Statuses), nameof(InvoiceQuery.IssueDate), nameof(InvoiceQuery.DueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.Payment] = new()
        {
            Operations = StoreOperations.Get | StoreOperations.List | StoreOperations.Create | StoreOperations.Delete,
            Filters = Set(nameof(PaymentQuery.InvoiceId), nameof(PaymentQuery.ContactId), nameof(PaymentQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Vendor] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Set(nameof(VendorQuery.NameContains)),
            QueryableStates = RecordStates.NotDeleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Bill] = new()
        {
            Operations = StoreOperations.ReadWrite,
            Filters = Set(nameof(BillQuery.VendorId), nameof(BillQuery.Statuses), nameof(BillQuery.IssueDate), nameof(BillQuery.DueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.BillPayment] = new()
        {
            Operations = StoreOperations.Get | StoreOperations.List | StoreOperations.Create | StoreOperations.Delete,
            Filters = Set(nameof(BillPaymentQuery.BillId), nameof(BillPaymentQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.CreditNote] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Allocate,
            Filters = Set(nameof(CreditNoteQuery.ContactId), nameof(CreditNoteQuery.Statuses), nameof(CreditNoteQuery.IssueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.Estimate] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.MarkSent | StoreOperations.Accept |
                StoreOperations.Decline | StoreOperations.ConvertToInvoice,
            Filters = Set(nameof(EstimateQuery.ContactId), nameof(EstimateQuery.Statuses), nameof(EstimateQuery.IssueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
            TaxInclusivePrices = true,
        },
        [EntityKind.TaxRate] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = new HashSet<string>([nameof(TaxRateQuery.NameContains)], StringComparer.Ordinal),
            QueryableStates = RecordStates.All,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Item] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Set(nameof(ItemQuery.Code), nameof(ItemQuery.NameContains)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Expense] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Set(nameof(ExpenseQuery.CategoryId), nameof(ExpenseQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
            IdempotencyKeys = StoreOperations.Create,
        },
        [EntityKind.Company] = new() { Operations = StoreOperations.Get, Filters = new HashSet<string>() },
        [EntityKind.Project] = new()
        {
            Operations = StoreOperations.ReadWrite,
            Filters = new HashSet<string>([nameof(ProjectQuery.ContactId), nameof(ProjectQuery.IsComplete)], StringComparer.Ordinal),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.TimeEntry] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = new HashSet<string>(
                [nameof(TimeEntryQuery.ContactId), nameof(TimeEntryQuery.ProjectId), nameof(TimeEntryQuery.StartedFrom), nameof(TimeEntryQuery.StartedTo),
                    nameof(TimeEntryQuery.Billable), nameof(TimeEntryQuery.Billed)],
                StringComparer.Ordinal),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
    });

    private static HashSet<string> Set(params string[] filters) =>
        new([nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal);
}
