using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>Project list parameters: plain names, booleans as <c>true/false</c>, <c>updated_since</c> ISO UTC.</summary>
internal sealed class ProjectSearch
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("per_page")]
    public int? PerPage { get; set; }

    [AliasAs("active")]
    public string? Active { get; set; }

    [AliasAs("complete")]
    public string? Complete { get; set; }

    [AliasAs("updated_since")]
    public string? UpdatedSince { get; set; }
}
