using Ledgerline.FreshBooks.Http;
using Refit;

namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// Time tracking query parameters: plain names (not <c>search[…]</c>), booleans as <c>true/false</c>, instants as
/// ISO 8601 UTC.
/// </summary>
internal sealed class TimeEntrySearch
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("per_page")]
    public int? PerPage { get; set; }

    [AliasAs("client_id")]
    public long? ClientId { get; set; }

    [AliasAs("project_id")]
    public long? ProjectId { get; set; }

    [AliasAs("started_from")]
    public string? StartedFrom { get; set; }

    [AliasAs("started_to")]
    public string? StartedTo { get; set; }

    [AliasAs("updated_since")]
    public string? UpdatedSince { get; set; }

    [AliasAs("billable")]
    public string? Billable { get; set; }

    [AliasAs("billed")]
    public string? Billed { get; set; }
}
