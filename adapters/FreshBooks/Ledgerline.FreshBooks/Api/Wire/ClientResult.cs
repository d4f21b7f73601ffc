using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary><c>result</c> of <c>users/clients</c>: <c>client</c>, or <c>clients[]</c> with the page counters beside it.</summary>
internal sealed record ClientResult : PageCounters, IWireResult<ClientWire>
{
    /// <summary>The key of one record.</summary>
    public const string SingleKey = "client";

    /// <summary>The key of a page of records.</summary>
    public const string ListKey = "clients";

    [JsonPropertyName(SingleKey)]
    public ClientWire? Record { get; set; }

    [JsonPropertyName(ListKey)]

    [JsonConverter(typeof(WireListConverter<ClientWire>))]

    public IReadOnlyList<ClientWire>? Records { get; set; }

    [JsonIgnore]
    public PageCounters Counters => this;
}
