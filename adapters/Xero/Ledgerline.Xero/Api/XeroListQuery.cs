using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>The query of an Accounting list call: Xero's paging and the filters Ledgerline sends.</summary>
internal sealed class XeroListQuery
{
    /// <summary>The 1-based page; always sent, because only paged invoice lists carry their lines.</summary>
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("pageSize")]
    public int? PageSize { get; set; }

    /// <summary>Xero's filter expression, e.g. <c>Contact.ContactID==Guid("…")</c>.</summary>
    [AliasAs("where")]
    public string? Where { get; set; }

    /// <summary>Xero's sort, e.g. <c>UpdatedDateUTC ASC</c>.</summary>
    [AliasAs("order")]
    public string? Order { get; set; }

    /// <summary>Contacts only: include archived contacts.</summary>
    [AliasAs("includeArchived")]
    public string? IncludeArchived { get; set; }

    /// <summary>Invoices only: comma-separated statuses.</summary>
    [AliasAs("Statuses")]
    public string? Statuses { get; set; }

    /// <summary>Invoices only: comma-separated contact ids.</summary>
    [AliasAs("ContactIDs")]
    public string? ContactIds { get; set; }

    /// <summary>Quotes only: quotes dated on or after this day (<c>YYYY-MM-DD</c>).</summary>
    [AliasAs("DateFrom")]
    public string? DateFrom { get; set; }

    /// <summary>Quotes only: quotes dated on or before this day (<c>YYYY-MM-DD</c>).</summary>
    [AliasAs("DateTo")]
    public string? DateTo { get; set; }

    /// <summary>Quotes only: one contact id.</summary>
    [AliasAs("ContactID")]
    public string? ContactId { get; set; }

    /// <summary>Quotes only: one status.</summary>
    [AliasAs("Status")]
    public string? Status { get; set; }
}
