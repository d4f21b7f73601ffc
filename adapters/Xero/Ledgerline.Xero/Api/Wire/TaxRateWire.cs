using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A tax rate as Xero sends it (the members the invoice mapping reads to name a line's tax).</summary>
internal sealed class TaxRateWire
{
    public string? Name { get; set; }

    public string? TaxType { get; set; }

    public string? Status { get; set; }

    public decimal? EffectiveRate { get; set; }

    public decimal? DisplayTaxRate { get; set; }
}

/// <summary>The answer of the TaxRates endpoint (unpaged).</summary>
internal sealed class TaxRatesResult : IXeroList<TaxRateWire>
{
    public const string ListKey = "TaxRates";

    public List<TaxRateWire>? TaxRates { get; set; }

    [JsonIgnore]
    public PaginationWire? Pagination => null;

    [JsonIgnore]
    public List<TaxRateWire>? Records => TaxRates;
}
