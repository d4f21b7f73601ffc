using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>An expense category (<c>expenses/categories</c>, read-only).</summary>
internal sealed record ExpenseCategoryWire
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }

    [JsonPropertyName("parentid")]
    public long? ParentId { get; set; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; set; }
}
