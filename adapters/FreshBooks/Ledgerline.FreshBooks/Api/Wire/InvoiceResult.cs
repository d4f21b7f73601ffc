using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>invoices/invoices</c>: <c>invoice</c>, or <c>invoices[]</c> with the page counters beside it.</summary>
internal sealed record InvoiceResult : PageCounters, IWireResult<InvoiceWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "invoice";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "invoices";

    [JsonPropertyName(SingleKey)]
    public InvoiceWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<InvoiceWire>))]

    public IReadOnlyList<InvoiceWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
