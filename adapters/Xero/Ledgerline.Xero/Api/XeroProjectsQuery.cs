using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>The query of <c>GET /Projects</c>: paging (<c>pageSize</c> at most 500) and Xero's filters.</summary>
internal sealed class XeroProjectsQuery
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("pageSize")]
    public int? PageSize { get; set; }

    [AliasAs("contactID")]
    public string? ContactId { get; set; }

    /// <summary><c>INPROGRESS</c> or <c>CLOSED</c>.</summary>
    [AliasAs("states")]
    public string? States { get; set; }
}
