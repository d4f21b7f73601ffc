using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>A Projects API page: <c>page</c> (from 1) and <c>pageSize</c> (1–500, Xero's default 50).</summary>
internal sealed class XeroPageQuery
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("pageSize")]
    public int? PageSize { get; set; }
}
