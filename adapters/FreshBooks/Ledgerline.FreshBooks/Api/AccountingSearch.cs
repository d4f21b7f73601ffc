using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// Accounting query parameters: paging, <c>search[…]</c> filters and <c>include[]</c>. Unset values are not sent.
/// Date filters are day-granular (<c>YYYY-MM-DD</c>), so the adapter narrows client-side afterwards.
/// </summary>
internal sealed class AccountingSearch
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("per_page")]
    public int? PerPage { get; set; }

    [AliasAs("search[vis_state]")]
    public int? VisState { get; set; }

    [AliasAs("search[updated_min]")]
    public string? UpdatedMin { get; set; }

    [AliasAs("search[customerid]")]
    public long? CustomerId { get; set; }

    [AliasAs("search[clientid]")]
    public long? ClientId { get; set; }

    [AliasAs("search[invoiceid]")]
    public long? InvoiceId { get; set; }

    [AliasAs("search[categoryid]")]
    public long? CategoryId { get; set; }

    /// <summary>Invoices: <c>search[payment_status]</c> (<c>unpaid</c>, <c>partial</c>, <c>paid</c>, <c>auto-paid</c>).</summary>
    [AliasAs("search[payment_status]")]
    public string? PaymentStatus { get; set; }

    [AliasAs("search[email]")]
    public string? Email { get; set; }

    [AliasAs("search[organization_like]")]
    public string? OrganizationLike { get; set; }

    [AliasAs("search[name_like]")]
    public string? NameLike { get; set; }

    [AliasAs("search[sku]")]
    public string? Sku { get; set; }

    [AliasAs("search[date_min]")]
    public string? DateMin { get; set; }

    [AliasAs("search[date_max]")]
    public string? DateMax { get; set; }

    [AliasAs("include[]")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<string>? Include { get; set; }

    /// <summary>Estimates: statuses as FreshBooks reports them (6 selects invoiced estimates).</summary>
    [AliasAs("search[statusids][]")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<int>? StatusIds { get; set; }

    /// <summary>Payments: only those that spent this credit note.</summary>
    [AliasAs("search[creditid]")]
    public long? CreditId { get; set; }

    /// <summary>Bill vendors: <c>search[vendor_name_like]</c>.</summary>
    [AliasAs("search[vendor_name_like]")]
    public string? VendorNameLike { get; set; }

    /// <summary>Bills: <c>search[vendorid]</c>.</summary>
    [AliasAs("search[vendorid]")]
    public long? VendorId { get; set; }

    /// <summary>Bills: <c>search[issue_date_min]</c>.</summary>
    [AliasAs("search[issue_date_min]")]
    public string? IssueDateMin { get; set; }

    /// <summary>Bills: <c>search[issue_date_max]</c>.</summary>
    [AliasAs("search[issue_date_max]")]
    public string? IssueDateMax { get; set; }

    /// <summary>Bills: <c>search[due_date_min]</c>.</summary>
    [AliasAs("search[due_date_min]")]
    public string? DueDateMin { get; set; }

    /// <summary>Bills: <c>search[due_date_max]</c>.</summary>
    [AliasAs("search[due_date_max]")]
    public string? DueDateMax { get; set; }

    /// <summary>Bill payments: <c>search[billid]</c>.</summary>
    [AliasAs("search[billid]")]
    public long? BillId { get; set; }

    /// <summary>Bill payments: <c>search[paid_date_min]</c>.</summary>
    [AliasAs("search[paid_date_min]")]
    public string? PaidDateMin { get; set; }

    /// <summary>Bill payments: <c>search[paid_date_max]</c>.</summary>
    [AliasAs("search[paid_date_max]")]
    public string? PaidDateMax { get; set; }
}
