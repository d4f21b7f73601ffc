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
/// <item>Not yet offered: expenses, time entries, items, tax rates, estimates, projects, company.</item>
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
    });

    private static HashSet<string> Set(params string[] filters) =>
        new([nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal);
}
