using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Mapping;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>The accounting entities Ledgerline reads and writes, one descriptor each.</summary>
internal static class AccountingEntities
{
    /// <summary>Contacts over FreshBooks clients (<c>users/clients</c>).</summary>
    public static AccountingEntity<Contact, ContactQuery, ClientWire, ClientBody, ClientResult> Contacts { get; } = new()
    {
        Entity = EntityKind.Contact,
        ScopeObject = "clients",
        Path = RecordPath.Accounting(ClientResult.SingleKey, ClientResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetClientAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListClientsAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateClientAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateClientAsync(account, id, search, body, connection, t),
        StateBody = static visState => new ClientBody(new ClientWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.Email = query.Email;
            search.OrganizationLike = query.OrganizationContains;
        },
        ServerFiltersExact = static query => query.UpdatedSince is null,
    };

    /// <summary>
    /// Invoices (<c>invoices/invoices</c>), always with <c>include[]=lines</c>. <c>DueDate</c> is sent as
    /// <c>search[due_date_min|max]</c>; <c>Statuses</c> as one listing per <c>search[payment_status]</c> value the
    /// statuses can have (see <see cref="InvoiceStatusMapping.PaymentStatusesCovering"/>). Both cover the query and the
    /// exact client-side match decides, so FreshBooks' total is the query's only without them.
    /// </summary>
    public static AccountingEntity<Invoice, InvoiceQuery, InvoiceWire, InvoiceBody, InvoiceResult> Invoices { get; } = new()
    {
        Entity = EntityKind.Invoice,
        ScopeObject = "invoices",
        Path = RecordPath.Accounting(InvoiceResult.SingleKey, InvoiceResult.ListKey),
        Includes = ["lines"],
        Get = static (api, account, id, search, connection, t) => api.GetInvoiceAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListInvoicesAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateInvoiceAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateInvoiceAsync(account, id, search, body, connection, t),
        StateBody = static visState => new InvoiceBody(new InvoiceWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.CustomerId = FreshBooksValues.ParseId(query.ContactId);
            ApplyDateRange(query.IssueDate, search);
            if (query.DueDate is { } due)
            {
                search.DueDateMin = due.From is { } from ? FreshBooksValues.Date(from) : null;
                search.DueDateMax = due.To is { } to ? FreshBooksValues.Date(to) : null;
            }
        },

        // A status filter is fetched as one listing per payment_status it can match (Unpaid: unpaid, partial).
        Splits = static query => InvoiceStatusMapping.PaymentStatusesCovering(query.Statuses),
        ApplySplit = static (paymentStatus, search) => search.PaymentStatus = paymentStatus,
        ServerFiltersExact = static query => query.UpdatedSince is null && query.Statuses is null && query.DueDate is null,
    };

    /// <summary>Payments (<c>payments/payments</c>).</summary>
    public static AccountingEntity<Payment, PaymentQuery, PaymentWire, PaymentBody, PaymentResult> Payments { get; } = new()
    {
        Entity = EntityKind.Payment,
        ScopeObject = "payments",
        Path = RecordPath.Accounting(PaymentResult.SingleKey, PaymentResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetPaymentAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListPaymentsAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreatePaymentAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdatePaymentAsync(account, id, search, body, connection, t),
        StateBody = static visState => new PaymentBody(new PaymentWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.InvoiceId = FreshBooksValues.ParseId(query.InvoiceId);
            search.ClientId = FreshBooksValues.ParseId(query.ContactId);
            ApplyDateRange(query.Date, search);
        },
        ServerFiltersExact = static query => query.UpdatedSince is null,
    };

    /// <summary>Expenses (<c>expenses/expenses</c>).</summary>
    public static AccountingEntity<Expense, ExpenseQuery, ExpenseWire, ExpenseBody, ExpenseResult> Expenses { get; } = new()
    {
        Entity = EntityKind.Expense,
        ScopeObject = "expenses",
        Path = RecordPath.Accounting(ExpenseResult.SingleKey, ExpenseResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetExpenseAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListExpensesAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateExpenseAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateExpenseAsync(account, id, search, body, connection, t),
        StateBody = static visState => new ExpenseBody(new ExpenseWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.ClientId = FreshBooksValues.ParseId(query.ContactId);
            search.CategoryId = FreshBooksValues.ParseId(query.CategoryId);
            ApplyDateRange(query.Date, search);
        },
        ServerFiltersExact = static query => query.UpdatedSince is null,
    };

    /// <summary>
    /// Tax rates over FreshBooks taxes (<c>taxes/taxes</c>, scope <c>user:taxes:*</c>): no <c>vis_state</c>, so no archive
    /// or restore, one plain listing, and HTTP DELETE removes a tax for good. <c>NameContains</c> is sent as
    /// <c>search[name_like]</c> (a covering filter whose case handling FreshBooks does not document, so the query's own
    /// match decides and the total is FreshBooks' only without it).
    /// </summary>
    public static AccountingEntity<TaxRate, TaxRateQuery, TaxWire, TaxBody, TaxResult> TaxRates { get; } = new()
    {
        Entity = EntityKind.TaxRate,
        ScopeObject = "taxes",
        Path = RecordPath.Accounting(TaxResult.SingleKey, TaxResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetTaxAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListTaxesAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateTaxAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateTaxAsync(account, id, search, body, connection, t),
        StateBody = null,
        HardDelete = static (api, account, id, connection, t) => api.DeleteTaxAsync(account, id, connection, t),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.NameLike = query.NameContains;
        },
        ServerFiltersExact = static query => query.UpdatedSince is null && query.NameContains is null,
    };

    /// <summary>
    /// Items (<c>items/items</c>, scope <c>user:billable_items:*</c>). <c>Code</c> is sent as <c>search[sku]</c>, then
    /// matched case-sensitively here (FreshBooks' match is not documented as such); <c>NameContains</c> is client-side only,
    /// FreshBooks documents no name filter for items.
    /// </summary>
    public static AccountingEntity<Item, ItemQuery, ItemWire, ItemBody, ItemResult> Items { get; } = new()
    {
        Entity = EntityKind.Item,
        ScopeObject = "billable_items",
        Path = RecordPath.Accounting(ItemResult.SingleKey, ItemResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetItemAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListItemsAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateItemAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateItemAsync(account, id, search, body, connection, t),
        StateBody = static visState => new ItemBody(new ItemWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.Sku = query.Code;
        },
        ServerFiltersExact = static query => query.UpdatedSince is null && query.Code is null && query.NameContains is null,
    };

    /// <summary>Expense categories (<c>expenses/categories</c>), read only to choose a new expense's default.</summary>
    public static RecordPath ExpenseCategories { get; } = RecordPath.Accounting(ExpenseCategoryResult.SingleKey, ExpenseCategoryResult.ListKey);

    /// <summary>Estimates (<c>estimates/estimates</c>), always with <c>include[]=lines</c> and <c>include[]=invoices</c>.</summary>
    public static AccountingEntity<Estimate, EstimateQuery, EstimateWire, EstimateBody, EstimateResult> Estimates { get; } = new()
    {
        Entity = EntityKind.Estimate,
        ScopeObject = "estimates",
        Path = RecordPath.Accounting(EstimateResult.SingleKey, EstimateResult.ListKey),
        Includes = ["lines", "invoices"],
        Get = static (api, account, id, search, connection, t) => api.GetEstimateAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListEstimatesAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateEstimateAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateEstimateAsync(account, id, search, body, connection, t),
        StateBody = static visState => new EstimateBody(new EstimateWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.CustomerId = FreshBooksValues.ParseId(query.ContactId);
            search.StatusIds = EstimateStatusMapping.StatusIds(query.Statuses);
            ApplyDateRange(query.IssueDate, search);
        },
        ServerFiltersExact = static query => query.UpdatedSince is null && query.Statuses is null,
    };

    /// <summary>
    /// Credit notes (<c>credit_notes/credit_notes</c>, scope <c>user:credit_notes:*</c>), always with <c>include[]=lines</c>.
    /// <c>Statuses</c> is client-side (the status is computed from <c>paid</c>).
    /// </summary>
    public static AccountingEntity<CreditNote, CreditNoteQuery, CreditNoteWire, CreditNoteBody, CreditNoteResult> CreditNotes { get; } = new()
    {
        Entity = EntityKind.CreditNote,
        ScopeObject = "credit_notes",
        Path = RecordPath.Accounting(CreditNoteResult.SingleKey, CreditNoteResult.ListKey),
        Includes = ["lines"],
        Get = static (api, account, id, search, connection, t) => api.GetCreditNoteAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListCreditNotesAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateCreditNoteAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateCreditNoteAsync(account, id, search, body, connection, t),
        StateBody = static visState => new CreditNoteBody(new CreditNoteWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.ClientId = FreshBooksValues.ParseId(query.ContactId);
            ApplyDateRange(query.IssueDate, search);
        },
        ServerFiltersExact = static query => query.UpdatedSince is null && query.Statuses is null,
    };

    /// <summary>
    /// Vendors over FreshBooks bill vendors (<c>bill_vendors/bill_vendors</c>, keyed by <c>vendorid</c>).
    /// <c>NameContains</c> is sent as <c>search[vendor_name_like]</c>, then matched exactly here.
    /// </summary>
    public static AccountingEntity<Vendor, VendorQuery, BillVendorWire, BillVendorBody, BillVendorResult> Vendors { get; } = new()
    {
        Entity = EntityKind.Vendor,
        ScopeObject = "bill_vendors",
        Path = RecordPath.Accounting(BillVendorResult.SingleKey, BillVendorResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetBillVendorAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListBillVendorsAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateBillVendorAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateBillVendorAsync(account, id, search, body, connection, t),
        StateBody = static visState => new BillVendorBody(new BillVendorWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.VendorNameLike = query.NameContains;
        },
        ServerFiltersExact = static query => query.UpdatedSince is null && query.NameContains is null,
    };

    /// <summary>
    /// Bills (<c>bills/bills</c>; FreshBooks returns the lines without an include). <c>VendorId</c>, <c>IssueDate</c> and
    /// <c>DueDate</c> are sent as <c>search[vendorid]</c>, <c>search[issue_date_min/max]</c> and
    /// <c>search[due_date_min/max]</c>; <c>Statuses</c> is client-side.
    /// </summary>
    public static AccountingEntity<Bill, BillQuery, BillWire, BillBody, BillResult> Bills { get; } = new()
    {
        Entity = EntityKind.Bill,
        ScopeObject = "bills",
        Path = RecordPath.Accounting(BillResult.SingleKey, BillResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetBillAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListBillsAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateBillAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateBillAsync(account, id, search, body, connection, t),
        StateBody = static visState => new BillBody(new BillWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.UpdatedMin = UpdatedMin(query);
            search.VendorId = FreshBooksValues.ParseId(query.VendorId);
            if (query.IssueDate is { } issued)
            {
                search.IssueDateMin = issued.From is { } from ? FreshBooksValues.Date(from) : null;
                search.IssueDateMax = issued.To is { } to ? FreshBooksValues.Date(to) : null;
            }

            if (query.DueDate is { } due)
            {
                search.DueDateMin = due.From is { } from ? FreshBooksValues.Date(from) : null;
                search.DueDateMax = due.To is { } to ? FreshBooksValues.Date(to) : null;
            }
        },
        ServerFiltersExact = static query => query.UpdatedSince is null && query.Statuses is null && query.DueDate is null,
    };

    /// <summary>
    /// Bill payments (<c>bill_payments/bill_payments</c>). FreshBooks sends a bill payment with no timestamp at all, so
    /// records read with a null <see cref="LedgerRecord.UpdatedAt"/> and <c>UpdatedSince</c> is not offered. <c>BillId</c>
    /// and <c>Date</c> are sent as <c>search[billid]</c> and <c>search[paid_date_min/max]</c>, which FreshBooks' reference
    /// does not document for this resource, so the exact check always runs on every record as well (a server that ignores
    /// them costs pages, never a wrong listing).
    /// </summary>
    public static AccountingEntity<BillPayment, BillPaymentQuery, BillPaymentWire, BillPaymentBody, BillPaymentResult> BillPayments { get; } = new()
    {
        Entity = EntityKind.BillPayment,
        ScopeObject = "bill_payments",
        Path = RecordPath.Accounting(BillPaymentResult.SingleKey, BillPaymentResult.ListKey),
        Get = static (api, account, id, search, connection, t) => api.GetBillPaymentAsync(account, id, search, connection, t),
        List = static (api, account, search, connection, t) => api.ListBillPaymentsAsync(account, search, connection, t),
        Create = static (api, account, search, body, connection, t) => api.CreateBillPaymentAsync(account, search, body, connection, t),
        Update = static (api, account, id, search, body, connection, t) => api.UpdateBillPaymentAsync(account, id, search, body, connection, t),
        StateBody = static visState => new BillPaymentBody(new BillPaymentWrite { VisState = visState }),
        ServerFilters = static (query, search) =>
        {
            search.BillId = FreshBooksValues.ParseId(query.BillId);
            if (query.Date is { } paid)
            {
                search.PaidDateMin = paid.From is { } from ? FreshBooksValues.Date(from) : null;
                search.PaidDateMax = paid.To is { } to ? FreshBooksValues.Date(to) : null;
            }
        },
        ServerFiltersExact = static _ => false,
    };

    /// <summary>The day-granular <c>search[updated_min]</c> covering <c>UpdatedSince</c> (FreshBooks compares Eastern dates).</summary>
    private static string? UpdatedMin(RecordQuery query) =>
        query.UpdatedSince is { } since ? FreshBooksValues.Date(EasternTime.DateOf(since)) : null;

    /// <summary>A date range as <c>search[date_min]</c>/<c>search[date_max]</c> (both inclusive, like <see cref="DateRange"/>).</summary>
    private static void ApplyDateRange(DateRange? range, AccountingSearch search)
    {
        if (range is { } r)
        {
            search.DateMin = r.From is { } from ? FreshBooksValues.Date(from) : null;
            search.DateMax = r.To is { } to ? FreshBooksValues.Date(to) : null;
        }
    }
}
