using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>An expense category (<c>expenses/categories</c>, read-only).</summary>
internal sealed record ExpenseCategoryWire
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("categoryid")]
    public long? CategoryId { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("parentid")]
    public long? ParentId { get; init; }

    [JsonPropertyName("vis_state")]
    public int? VisState { get; init; }
}
