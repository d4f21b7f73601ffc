using System.Globalization;
using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// <c>/TaxRates</c>: the organisation's regime (system rates, which cannot be changed) and the rates it adds with
/// <c>PUT</c>/<c>POST</c> (named <c>TAX001</c>, <c>TAX002</c>, …), changed by <c>POST</c> naming their <c>TaxType</c> and
/// deleted with <c>Status</c> <c>DELETED</c> (kept and listed). Unpaged, no <c>If-Modified-Since</c> (Xero supports
/// neither here, and a tax rate carries no <c>UpdatedDateUTC</c>).
/// </summary>
internal static class TaxRateResource
{
    public const string SystemRate = "System tax rates cannot be changed or deleted.";
    public const string DeletedRate = "A deleted tax rate cannot be changed.";

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

        // An element names the rate it changes by TaxType (not a GUID), on PUT and POST alike.
        ElementKey = (book, e) => e.Str("TaxType", 50) is { Length: > 0 } type ? (true, book.TaxRate(type)) : (false, null),
        Save = Save,
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
        w.WriteNumber("DisplayTaxRate", Rate(t.DisplayRate));
        w.WriteNumber("EffectiveRate", Rate(t.Rate));
        w.WriteString("Status", t.Status);
        w.WriteStartArray("TaxComponents");
        foreach (var c in t.Components)
        {
            w.WriteStartObject();
            w.WriteString("Name", c.Name);
            w.WriteNumber("Rate", Rate(c.Rate));
            w.WriteBoolean("IsCompound", c.IsCompound);
            w.WriteBoolean("IsNonRecoverable", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Rates are written with Xero's four decimals (<c>15.0000</c>).</summary>
    private static decimal Rate(decimal rate) => decimal.Round(rate, 4, MidpointRounding.AwayFromZero) + 0.0000m;

    private static SaveOutcome<TaxRate> Save(SaveContext ctx, ElementReader e, TaxRate? existing)
    {
        var book = ctx.Book;
        if (existing is { IsSystem: true })
        {
            return SaveOutcome<TaxRate>.Refused([SystemRate]);
        }

        if (existing is { Status: not "ACTIVE" })
        {
            return SaveOutcome<TaxRate>.Refused([DeletedRate]);
        }

        var status = e.Str("Status")?.ToUpperInvariant();
        if (existing is not null && status == "DELETED")
        {
            // A delete applies only the status, as for invoices.
            var deleted = (TaxRate)existing.Copy();
            deleted.Status = "DELETED";
            return new SaveOutcome<TaxRate>(deleted, []);
        }

        var errors = new List<string>();
        if (status is not (null or "ACTIVE"))
        {
            errors.Add(existing is null ? "A tax rate can only be created as ACTIVE." : "A tax rate's Status can only be set to DELETED.");
        }

        var rate = (TaxRate?)existing?.Copy() ?? new TaxRate
        {
            Id = Guid.NewGuid(),
            Name = "",
            TaxType = NextTaxType(book),
            ReportTaxType = "",
            CanApplyToRevenue = false,
            CanApplyToExpenses = false,
        };

        if (e.Has("Name") || existing is null)
        {
            rate.Name = e.Str("Name", 50)?.Trim() ?? "";
            if (rate.Name.Length == 0)
            {
                errors.Add("Tax rate Name must be specified.");
            }
            else if (book.TaxRates.All.Any(o => o.Id != rate.Id && o.Status != "DELETED" && string.Equals(o.Name, rate.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"The tax rate name '{rate.Name}' is already in use.");
            }
        }

        if (e.Arr("TaxComponents") is { } components)
        {
            rate.Components = [];
            foreach (var c in components)
            {
                var name = c.Str("Name", 50)?.Trim();
                var value = c.Dec("Rate");
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add("Each tax component needs a Name.");
                }

                if (value is not (>= 0m and <= 100m))
                {
                    errors.Add("Each tax component needs a Rate from 0 to 100.");
                }

                if (c.Bool("IsNonRecoverable") == true)
                {
                    errors.Add("Non-recoverable tax components are only available to Canadian organisations.");
                }

                rate.Components.Add(new TaxComponent(name ?? "", decimal.Round(value ?? 0m, 4, MidpointRounding.AwayFromZero), c.Bool("IsCompound") ?? false));
            }
        }

        if (rate.Components.Count == 0)
        {
            errors.Add("A tax rate needs at least one tax component.");
        }

        if (e.Has("ReportTaxType") || existing is null)
        {
            var report = e.Str("ReportTaxType", 50)?.ToUpperInvariant();
            var regime = book.TaxRates.All.Where(t => t.IsSystem && t.ReportTaxType == report).ToList();
            if (report is null)
            {
                errors.Add("ReportTaxType is required for tax rates of organisations in this region.");
            }
            else if (regime.Count == 0)
            {
                errors.Add($"ReportTaxType '{report}' is not valid for this organisation.");
            }
            else
            {
                // A rate reports like the organisation's own rates of that type, and applies where they do.
                rate.ReportTaxType = report;
                rate.CanApplyToRevenue = regime.Exists(t => t.CanApplyToRevenue);
                rate.CanApplyToExpenses = regime.Exists(t => t.CanApplyToExpenses);
            }
        }

        return errors.Count > 0 ? SaveOutcome<TaxRate>.Refused(errors) : new SaveOutcome<TaxRate>(rate, []);
    }

    private static string NextTaxType(TenantBook book)
    {
        for (var n = 1; ; n++)
        {
            var candidate = "TAX" + n.ToString("D3", CultureInfo.InvariantCulture);
            if (book.TaxRate(candidate) is null)
            {
                return candidate;
            }
        }
    }
}
