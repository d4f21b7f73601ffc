using Refit;

namespace Ledgerline.Xero.Api;

/// <summary>The query of <c>GET /Projects/{id}/Time</c>: paging and Xero's filters on <c>dateUtc</c>, state and chargeability.</summary>
internal sealed class XeroTimeQuery
{
    [AliasAs("page")]
    public int? Page { get; set; }

    [AliasAs("pageSize")]
    public int? PageSize { get; set; }

    /// <summary>Comma-separated <c>ACTIVE</c>, <c>LOCKED</c>, <c>INVOICED</c>.</summary>
    [AliasAs("states")]
    public string? States { get; set; }

    /// <summary>Entries on <c>TIME</c> or <c>FIXED</c> tasks (true) or on <c>NON_CHARGEABLE</c> ones (false).</summary>
    [AliasAs("isChargeable")]
    public string? IsChargeable { get; set; }

    /// <summary>On or after, ISO-8601 UTC, on <c>dateUtc</c>.</summary>
    [AliasAs("dateAfterUtc")]
    public string? DateAfterUtc { get; set; }

    /// <summary>On or before, ISO-8601 UTC, on <c>dateUtc</c>.</summary>
    [AliasAs("dateBeforeUtc")]
    public string? DateBeforeUtc { get; set; }
}
