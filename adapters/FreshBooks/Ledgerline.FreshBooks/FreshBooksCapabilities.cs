namespace Ledgerline.FreshBooks;

/// <summary>
/// What the FreshBooks provider supports, store by store. Filters marked "client-side" below are answered by a covering
/// server-side fetch followed by an exact filter in the adapter, so they are correct but may read more than they return
/// (and a page from <c>ListPageAsync</c> can then hold fewer than <c>PageSize</c> records).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Contacts: <c>UpdatedSince</c> (<c>search[updated_min]</c> by Eastern day, then exact), <c>Email</c>
/// (<c>search[email]</c>, then case-insensitive exact), <c>OrganizationContains</c> (<c>search[organization_like]</c>).</item>
/// <item>Invoices: <c>UpdatedSince</c>, <c>ContactId</c> (<c>search[customerid]</c>), <c>IssueDate</c>
/// (<c>search[date_min/max]</c>), <c>Statuses</c> and <c>DueDate</c> (client-side).</item>
/// <item>Payments: <c>UpdatedSince</c>, <c>InvoiceId</c> (<c>search[invoiceid]</c>), <c>ContactId</c> (<c>search[clientid]</c>),
/// <c>Date</c> (<c>search[date_min/max]</c>).</item>
/// <item>Expenses: <c>UpdatedSince</c>, <c>ContactId</c> (<c>search[clientid]</c>), <c>CategoryId</c>
/// (<c>search[categoryid]</c>), <c>Date</c>.</item>
/// <item>Invoices also mark as sent (<c>action_mark_as_sent</c>); FreshBooks has no void.</item>
/// <item>Tax rates: <c>UpdatedSince</c>, <c>NameContains</c> (<c>search[name_like]</c>). No <c>vis_state</c>: no archive or
/// restore, hard delete (HTTP DELETE), active only.</item>
/// <item>Items: <c>UpdatedSince</c>, <c>Code</c> (<c>search[sku]</c>, then case-sensitive exact), <c>NameContains</c>
/// (client-side).</item>
/// <item>Projects: <c>UpdatedSince</c> (<c>updated_since</c>), <c>IsComplete</c> (<c>complete</c>), <c>ContactId</c>
/// (client-side). Archive and restore set <c>active</c> false/true (inactive projects list as archived); delete is hard
/// (HTTP DELETE → 204).</item>
/// <item>Company: read from <c>/users/me</c> (scope <c>user:profile:read</c>): the membership of the connection's business
/// gives its name, time zone and address. No base currency: FreshBooks' identity answer names none.</item>
/// <item>Time entries: every filter, as FreshBooks' plain parameters (<c>client_id</c>, <c>project_id</c>,
/// <c>started_from/to</c>, <c>billable</c>, <c>billed</c>, <c>updated_since</c>). No archive or restore, hard delete,
/// active entries only.</item>
/// <item>Estimates: <c>UpdatedSince</c>, <c>ContactId</c> (<c>search[customerid]</c>), <c>Statuses</c>
/// (<c>search[statusids][]</c>, then exact), <c>IssueDate</c> (<c>search[date_min/max]</c>). Mark sent, accept and convert
/// to invoice; no decline (FreshBooks has none).</item>
/// <item>Credit notes: <c>UpdatedSince</c>, <c>ContactId</c> (<c>search[clientid]</c>), <c>IssueDate</c>
/// (<c>search[date_min/max]</c>), <c>Statuses</c> (client-side). Allocate, as a payment of type Credit naming the credit
/// note; allocations are read back from the payments that spent it.</item>
/// <item>Vendors (bill vendors): <c>UpdatedSince</c> (<c>search[updated_min]</c>), <c>NameContains</c>
/// (<c>search[vendor_name_like]</c>, then exact).</item>
/// <item>Bills: <c>UpdatedSince</c>, <c>VendorId</c> (<c>search[vendorid]</c>), <c>IssueDate</c>
/// (<c>search[issue_date_min/max]</c>), <c>DueDate</c> (<c>search[due_date_min/max]</c>, then exact), <c>Statuses</c>
/// (client-side). No notes (refused).</item>
/// <item>Bill payments: <c>BillId</c> (<c>search[billid]</c>) and <c>Date</c> (<c>search[paid_date_min/max]</c>), both
/// checked exactly afterwards. FreshBooks sends a bill payment without any timestamp, so records read with a null
/// <c>UpdatedAt</c> and there is no <c>UpdatedSince</c>.</item>
/// </list>
/// Every accounting store with <c>vis_state</c> supports every state: FreshBooks keeps deleted records readable (<c>vis_state</c> 1).
/// </remarks>
internal static class FreshBooksCapabilities
{
    public static LedgerCapabilities Ledger { get; } = new(new Dictionary<EntityKind, StoreCapabilities>
    {
        [EntityKind.Contact] = Accounting(nameof(ContactQuery.Email), nameof(ContactQuery.OrganizationContains)),
        [EntityKind.Invoice] = Accounting(nameof(InvoiceQuery.ContactId), nameof(InvoiceQuery.Statuses), nameof(InvoiceQuery.IssueDate), nameof(InvoiceQuery.DueDate))
            with { Operations = StoreOperations.All | StoreOperations.MarkSent },
        [EntityKind.Payment] = Accounting(nameof(PaymentQuery.InvoiceId), nameof(PaymentQuery.ContactId), nameof(PaymentQuery.Date)),
        [EntityKind.Expense] = Accounting(nameof(ExpenseQuery.ContactId), nameof(ExpenseQuery.CategoryId), nameof(ExpenseQuery.Date)),
        [EntityKind.Item] = Accounting(nameof(ItemQuery.Code), nameof(ItemQuery.NameContains)),
        [EntityKind.TaxRate] = new StoreCapabilities
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Set(nameof(TaxRateQuery.NameContains)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.Project] = new StoreCapabilities
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete | StoreOperations.Archive | StoreOperations.Restore,
            Filters = Set(nameof(ProjectQuery.ContactId), nameof(ProjectQuery.IsComplete)),
            QueryableStates = RecordStates.NotDeleted,
            SoftDelete = false,
        },
        [EntityKind.TimeEntry] = new StoreCapabilities
        {
            Operations = StoreOperations.ReadWrite | StoreOperations.Delete,
            Filters = Set(nameof(TimeEntryQuery.ContactId), nameof(TimeEntryQuery.ProjectId), nameof(TimeEntryQuery.StartedFrom),
                nameof(TimeEntryQuery.StartedTo), nameof(TimeEntryQuery.Billable), nameof(TimeEntryQuery.Billed)),
            QueryableStates = RecordStates.Active,
            SoftDelete = false,
        },
        [EntityKind.Estimate] = Accounting(nameof(EstimateQuery.ContactId), nameof(EstimateQuery.Statuses), nameof(EstimateQuery.IssueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.MarkSent | StoreOperations.Accept | StoreOperations.ConvertToInvoice,
        },
        [EntityKind.CreditNote] = Accounting(nameof(CreditNoteQuery.ContactId), nameof(CreditNoteQuery.Statuses), nameof(CreditNoteQuery.IssueDate)) with
        {
            Operations = StoreOperations.All | StoreOperations.Allocate,
        },
        [EntityKind.Vendor] = Accounting(nameof(VendorQuery.NameContains)),
        [EntityKind.Bill] = Accounting(nameof(BillQuery.VendorId), nameof(BillQuery.Statuses), nameof(BillQuery.IssueDate), nameof(BillQuery.DueDate)),

        [EntityKind.Company] = new StoreCapabilities { Operations = StoreOperations.Get, Filters = new HashSet<string>() },

        // No UpdatedSince: FreshBooks sends a bill payment with no timestamp at all.
        [EntityKind.BillPayment] = new StoreCapabilities
        {
            Operations = StoreOperations.All,
            Filters = new HashSet<string>([nameof(BillPaymentQuery.BillId), nameof(BillPaymentQuery.Date)], StringComparer.Ordinal),
            QueryableStates = RecordStates.All,
            SoftDelete = true,
        },
    });

    private static StoreCapabilities Accounting(params string[] filters) => new()
    {
        Operations = StoreOperations.All,
        Filters = Set(filters),
        QueryableStates = RecordStates.All,
        SoftDelete = true,
    };

    private static HashSet<string> Set(params string[] filters) =>
        new([nameof(RecordQuery.UpdatedSince), .. filters], StringComparer.Ordinal);
}
