using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>expenses/expenses</c>: <c>expense</c>, or <c>expenses[]</c> with the page counters beside it.</summary>
internal sealed record ExpenseResult : PageCounters, IWireResult<ExpenseWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "expense";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "expenses";

    [JsonPropertyName(SingleKey)]
    public ExpenseWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<ExpenseWire>))]

    public IReadOnlyList<ExpenseWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
