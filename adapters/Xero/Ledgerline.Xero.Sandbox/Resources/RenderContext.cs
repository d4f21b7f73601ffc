using Ledgerline.Xero.Sandbox.Accounting;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>What a writer needs besides the record: the organisation (for joins), "now", and the request's rendering switches.</summary>
internal sealed record RenderContext(TenantBook Book, DateTimeOffset Now)
{
    /// <summary>Unit amount decimals: 2, or 4 when the request asks <c>unitdp=4</c>.</summary>
    public int Unitdp { get; init; } = 2;

    /// <summary>False for an unpaged list of documents, which Xero sends without line items.</summary>
    public bool WithLines { get; init; } = true;
}
