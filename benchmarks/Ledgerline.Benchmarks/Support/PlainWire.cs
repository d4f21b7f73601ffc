using System.Text.Json.Serialization;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.Benchmarks.Support;

/// <summary>
/// FreshBooks' list envelope, <c>{"response":{"result":{"invoices":[…],"page":1,"pages":20,…}}}</c>, typed so that plain
/// System.Text.Json can read a whole page into the adapter's own wire records in one call: the floor any client pays.
/// </summary>
internal sealed record PlainListEnvelope
{
    [JsonPropertyName("response")]
    public PlainListResponse? Response { get; init; }
}

/// <summary>The <c>response</c> member of <see cref="PlainListEnvelope"/>.</summary>
internal sealed record PlainListResponse
{
    [JsonPropertyName("result")]
    public PlainListResult? Result { get; init; }
}

/// <summary>The <c>result</c> member: the invoices and FreshBooks' page counters.</summary>
internal sealed record PlainListResult
{
    [JsonPropertyName("invoices")]
    public List<InvoiceWire>? Invoices { get; init; }

    [JsonPropertyName("page")]
    public int Page { get; init; }

    [JsonPropertyName("pages")]
    public int Pages { get; init; }

    [JsonPropertyName("per_page")]
    public int PerPage { get; init; }

    [JsonPropertyName("total")]
    public int Total { get; init; }
}

/// <summary><c>{"response":{"result":{"invoice":{…}}}}</c>: one invoice.</summary>
internal sealed record PlainSingleEnvelope
{
    [JsonPropertyName("response")]
    public PlainSingleResponse? Response { get; init; }
}

/// <summary>The <c>response</c> member of <see cref="PlainSingleEnvelope"/>.</summary>
internal sealed record PlainSingleResponse
{
    [JsonPropertyName("result")]
    public PlainSingleResult? Result { get; init; }
}

/// <summary>The <c>result</c> member holding the invoice.</summary>
internal sealed record PlainSingleResult
{
    [JsonPropertyName("invoice")]
    public InvoiceWire? Invoice { get; init; }
}
