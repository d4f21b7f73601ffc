using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A tax rate as Xero sends it (the members Ledgerline reads). Xero keeps no change time on a tax rate.</summary>
internal sealed class TaxRateWire
{
    public string? Name { get; set; }

    public string? TaxType { get; set; }

    public string? Status { get; set; }

    public string? ReportTaxType { get; set; }

    public decimal? EffectiveRate { get; set; }

    public decimal? DisplayTaxRate { get; set; }

    public List<TaxComponentWire>? TaxComponents { get; set; }
}

/// <summary>One component of a tax rate.</summary>
internal sealed class TaxComponentWire
{
    public string? Name { get; set; }

    public decimal? Rate { get; set; }

    public bool? IsCompound { get; set; }
}

/// <summary>The answer of the TaxRates endpoints (unpaged).</summary>
internal sealed class TaxRatesResult : IXeroList<TaxRateWire>
{
    public const string ListKey = "TaxRates";

    public List<TaxRateWire>? TaxRates { get; set; }

    [JsonIgnore]
    public PaginationWire? Pagination => null;

    [JsonIgnore]
    public List<TaxRateWire>? Records => TaxRates;
}
