using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>Xero's <c>pagination</c> object, sent with a paged list (<c>page</c> given).</summary>
internal sealed class PaginationWire
{
    [JsonPropertyName("page")]
    public int? Page { get; set; }

    [JsonPropertyName("pageSize")]
    public int? PageSize { get; set; }

    [JsonPropertyName("pageCount")]
    public int? PageCount { get; set; }

    [JsonPropertyName("itemCount")]
    public int? ItemCount { get; set; }
}
