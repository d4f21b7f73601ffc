using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A quote as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class QuoteWire
{
    public string? QuoteID { get; set; }

    public string? QuoteNumber { get; set; }

    public string? Reference { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Terms { get; set; }

    public ContactRefWire? Contact { get; set; }

    public string? Date { get; set; }

    public string? ExpiryDate { get; set; }

    public string? Status { get; set; }

    /// <summary>Xero's quote enum: <c>EXCLUSIVE</c>, <c>INCLUSIVE</c> or <c>NOTAX</c> (upper-case, unlike invoices).</summary>
    public string? LineAmountTypes { get; set; }

    public List<LineItemWire>? LineItems { get; set; }

    public decimal? SubTotal { get; set; }

    public decimal? TotalTax { get; set; }

    public decimal? Total { get; set; }

    public decimal? TotalDiscount { get; set; }

    public string? CurrencyCode { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>The answer of the Quotes endpoints. Xero sends no <c>pagination</c> object on quotes.</summary>
internal sealed class QuotesResult : IXeroList<QuoteWire>
{
    public const string ListKey = "Quotes";

    public List<QuoteWire>? Quotes { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonIgnore]
    public List<QuoteWire>? Records => Quotes;
}
