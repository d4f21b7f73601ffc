using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>credit_notes/credit_notes</c>: <c>credit_note</c>, or <c>credit_notes[]</c> with the page counters beside it.</summary>
internal sealed record CreditNoteResult : PageCounters, IWireResult<CreditNoteWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "credit_note";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "credit_notes";

    [JsonPropertyName(SingleKey)]
    public CreditNoteWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<CreditNoteWire>))]

    public IReadOnlyList<CreditNoteWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
