using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary><c>/TaxRates</c> (read-only in this sandbox): the organisation's regime, unpaged, no <c>If-Modified-Since</c>.</summary>
internal static class TaxRateResource
{
    public static XeroResource<TaxRate> Create(Hosting.SandboxServices s) => new()
    {
        Services = s,
        Name = "TaxRates",
        IdName = "TaxType",
        ReadScopes = ["accounting.settings.read"],
        WriteScopes = ["accounting.settings"],
        Store = b => b.TaxRates,
        Write = Write,
        ModifiedSince = false,
        MatchesKey = (t, key) => string.Equals(t.TaxType, key, StringComparison.OrdinalIgnoreCase),
        Filters = q => q["TaxType"].ToString() is { Length: > 0 } type ? t => string.Equals(t.TaxType, type, StringComparison.OrdinalIgnoreCase) : null,
    };

    public static void Write(Utf8JsonWriter w, TaxRate t, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("Name", t.Name);
        w.WriteString("TaxType", t.TaxType);
        w.WriteString("ReportTaxType", t.ReportTaxType);
        w.WriteBoolean("CanApplyToAssets", t.CanApplyToExpenses);
        w.WriteBoolean("CanApplyToEquity", t.CanApplyToExpenses);
        w.WriteBoolean("CanApplyToExpenses", t.CanApplyToExpenses);
        w.WriteBoolean("CanApplyToLiabilities", t.CanApplyToExpenses);
        w.WriteBoolean("CanApplyToRevenue", t.CanApplyToRevenue);
        w.WriteNumber("DisplayTaxRate", t.Rate + 0.0000m);
        w.WriteNumber("EffectiveRate", t.Rate + 0.0000m);
        w.WriteString("Status", t.Status);
        w.WriteStartArray("TaxComponents");
        w.WriteStartObject();
        w.WriteString("Name", t.ComponentName);
        w.WriteNumber("Rate", t.Rate + 0.0000m);
        w.WriteBoolean("IsCompound", false);
        w.WriteBoolean("IsNonRecoverable", false);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
