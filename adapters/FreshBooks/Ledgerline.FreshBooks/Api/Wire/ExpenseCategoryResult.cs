using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>expenses/categories</c>: <c>categories[]</c> with the page counters beside it.</summary>
internal sealed record ExpenseCategoryResult : PageCounters, IWireResult<ExpenseCategoryWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "category";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "categories";

    [JsonPropertyName(SingleKey)]
    public ExpenseCategoryWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<ExpenseCategoryWire>))]

    public IReadOnlyList<ExpenseCategoryWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
