using Ledgerline.Xero.Sandbox.Hosting;
using Ledgerline.Xero.Sandbox.Identity;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary><c>GET /Organisation</c>: the tenant itself (<c>OrganisationID</c> = tenant id), read-only (Xero answers 501 to writes).</summary>
internal sealed class OrganisationResource(SandboxServices s) : IAccountingResource
{
    public string Name => "Organisation";

    public async Task HandleAsync(HttpContext context, Grant grant, TenantBook book, string? id)
    {
        if (!await ApiGate.ScopeAsync(context, grant, ["accounting.settings", "accounting.settings.read"]))
        {
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await HttpJson.WriteTextAsync(context, 501, "The method is not implemented.");
            return;
        }

        if (id is not null)
        {
            await Problems.NotFoundAsync(context);
            return;
        }

        var now = s.Clock.GetUtcNow();
        var t = book.Tenant;
        await HttpJson.WriteAsync(context, 200, w => Envelope.Write(w, s.Options.AppName, now, "Organisations", w =>
        {
            w.WriteStartObject();
            w.WriteString("OrganisationID", t.TenantId);
            w.WriteString(nameof(t.Name), t.Name);
            w.WriteString("LegalName", t.Name + " Limited");
            w.WriteBoolean("PaysTax", true);
            w.WriteString("Version", t.CountryCode);
            w.WriteString("OrganisationType", "COMPANY");
            w.WriteString("BaseCurrency", t.BaseCurrency);
            w.WriteString("CountryCode", t.CountryCode);
            w.WriteBoolean("IsDemoCompany", false);
            w.WriteString("OrganisationStatus", "ACTIVE");
            w.WriteNumber("FinancialYearEndDay", t.CountryCode == "NZ" ? 31 : 30);
            w.WriteNumber("FinancialYearEndMonth", t.CountryCode == "NZ" ? 3 : 6);
            w.WriteString("SalesTaxBasis", t.CountryCode == "NZ" ? "INVOICE" : "ACCRUALS");
            w.WriteString("SalesTaxPeriod", "TWOMONTHS");
            w.WriteString("DefaultSalesTax", "Tax Exclusive");
            w.WriteString("DefaultPurchasesTax", "Tax Exclusive");
            w.WriteString("CreatedDateUTC", XeroDates.MsBare(now));
            w.WriteString("OrganisationEntityType", "COMPANY");
            w.WriteString("Timezone", t.Timezone);
            w.WriteString("ShortCode", t.ShortCode);
            w.WriteString("Edition", "BUSINESS");
            w.WriteString("Class", "PREMIUM");
            w.WriteStartArray("Addresses");
            foreach (var a in book.Addresses)
            {
                w.WriteStartObject();
                w.WriteString("AddressType", a.AddressType);
                Writers.Opt(w, "AddressLine1", a.AddressLine1);
                Writers.Opt(w, "AddressLine2", a.AddressLine2);
                Writers.Opt(w, "City", a.City);
                Writers.Opt(w, "Region", a.Region);
                Writers.Opt(w, "PostalCode", a.PostalCode);
                Writers.Opt(w, "Country", a.Country);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Writers.EmptyArray(w, "Phones");
            Writers.EmptyArray(w, "ExternalLinks");
            w.WriteEndObject();
        }));
    }
}
