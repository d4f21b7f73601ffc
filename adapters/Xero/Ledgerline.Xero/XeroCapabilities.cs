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
/// <item>Not yet offered: time entries, projects.</item>
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
        },
        [EntityKind.Invoice] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.MarkSent | StoreOperations.Void,
            Filters = Set(nameof(InvoiceQuery.ContactId), nameof(InvoiceQuery.Statuses), nameof(InvoiceQuery.IssueDate), nameof(InvoiceQuery.DueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.Payment] = new()
        {
            Operations = StoreOperations.Get | StoreOperations.List | StoreOperations.Create | StoreOperations.Delete,
            Filters = Set(nameof(PaymentQuery.InvoiceId), nameof(PaymentQuery.ContactId), nameof(PaymentQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.Vendor] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Set(nameof(VendorQuery.NameContains)),
            QueryableStates = RecordStates.NotDeleted,
            SoftDelete = true,
        },
        [EntityKind.Bill] = new()
        {
            Operations = StoreOperations.ReadWrite,
            Filters = Set(nameof(BillQuery.VendorId), nameof(BillQuery.Statuses), nameof(BillQuery.IssueDate), nameof(BillQuery.DueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.BillPayment] = new()
        {
            Operations = StoreOperations.Get | StoreOperations.List | StoreOperations.Create | StoreOperations.Delete,
            Filters = Set(nameof(BillPaymentQuery.BillId), nameof(BillPaymentQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.CreditNote] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Allocate,
            Filters = Set(nameof(CreditNoteQuery.ContactId), nameof(CreditNoteQuery.Statuses), nameof(CreditNoteQuery.IssueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.Estimate] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.MarkSent | StoreOperations.Accept |
                StoreOperations.Decline | StoreOperations.ConvertToInvoice,
            Filters = Set(nameof(EstimateQuery.ContactId), nameof(EstimateQuery.Statuses), nameof(EstimateQuery.IssueDate)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.TaxRate] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = new HashSet<string>([nameof(TaxRateQuery.NameContains)], StringComparer.Ordinal),
            QueryableStates = RecordStates.All,
            SoftDelete = true,
        },
        [EntityKind.Item] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Set(nameof(ItemQuery.Code), nameof(ItemQuery.NameContains)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.Expense] = new()
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Set(nameof(ExpenseQuery.CategoryId), nameof(ExpenseQuery.Date)),
            QueryableStates = RecordStates.Active | RecordStates.Deleted,
            SoftDelete = true,
        },
        [EntityKind.Company] = new() { Operations = StoreOperations.Get, Filters = new HashSet<string>() },
    });

    private static HashSet<string> Set(params string[] filters) =>
        new([nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal);
}
