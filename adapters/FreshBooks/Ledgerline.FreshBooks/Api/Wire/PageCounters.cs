using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>FreshBooks' page counters (<c>page</c>, <c>pages</c>, <c>per_page</c>, <c>total</c>), numbers or numeric strings.</summary>
internal record PageCounters
{
    [JsonPropertyName("page")]
    public int? Page { get; set; }

    [JsonPropertyName("pages")]
    public int? Pages { get; set; }

    [JsonPropertyName("per_page")]
    public int? PerPage { get; set; }

    [JsonPropertyName("total")]
    public int? Total { get; set; }
}
