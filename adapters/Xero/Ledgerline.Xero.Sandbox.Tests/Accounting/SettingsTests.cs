using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

/// <summary>TaxRates, Accounts and Organisation: per tenant (tax rate writes: <see cref="TaxRateTests"/>).</summary>
public sealed class SettingsTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private string Au => f.Sandbox.SecondaryTenant.TenantId.ToString();

    [Fact]
    public async Task TaxRates_DifferPerTenant()
    {
        var nz = await f.GetAsync(Api("TaxRates"));
        var gst = nz.Body["TaxRates"]!.AsArray().First(t => t!["TaxType"]!.GetValue<string>() == "OUTPUT2")!;
        Assert.Equal(15.0000m, gst["EffectiveRate"]!.GetValue<decimal>());
        Assert.Equal("15% GST on Income", gst["Name"]!.GetValue<string>());
        Assert.True(gst["CanApplyToRevenue"]!.GetValue<bool>());
        Assert.Null(nz.Body["pagination"]);

        var au = await f.GetAsync(Api("TaxRates?TaxType=OUTPUT"), tenant: Au);
        Assert.Equal(10.0000m, Assert.Single(au.Body["TaxRates"]!.AsArray())!["TaxComponents"]![0]!["Rate"]!.GetValue<decimal>());
        Assert.Equal("INPUT2", (await f.GetAsync(Api("TaxRates/INPUT2"))).First("TaxRates")["TaxType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accounts_ChartWithBankAccounts_WhereFilter()
    {
        var bank = await f.GetAsync(Api("Accounts?where=" + Uri.EscapeDataString("Status==\"ACTIVE\" AND Type==\"BANK\"")));
        Assert.Equal(["090", "091", "092"], bank.Body["Accounts"]!.AsArray().Select(a => a!["Code"]!.GetValue<string>()));
        var sales = (await f.GetAsync(Api("Accounts"))).Body["Accounts"]!.AsArray().First(a => a!["Code"]!.GetValue<string>() == "200")!;
        Assert.Equal("REVENUE", sales["Class"]!.GetValue<string>());
        Assert.Equal("OUTPUT2", sales["TaxType"]!.GetValue<string>());
        var id = sales["AccountID"]!.GetValue<string>();
        Assert.Equal("200", (await f.GetAsync(Api($"Accounts/{id}"))).First("Accounts")["Code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Organisation_IsTheTenant()
    {
        var nz = (await f.GetAsync(Api("Organisation"))).First("Organisations");
        Assert.Equal(f.Tenant, nz["OrganisationID"]!.GetValue<string>());
        Assert.Equal("NZD", nz["BaseCurrency"]!.GetValue<string>());
        Assert.Equal("NEWZEALANDSTANDARDTIME", nz["Timezone"]!.GetValue<string>());
        var postal = nz["Addresses"]!.AsArray().Single(a => a!["AddressType"]!.GetValue<string>() == "POBOX")!;
        Assert.Equal(("PO Box 1010", "Auckland", "1140", "New Zealand"),
            (postal["AddressLine1"]!.GetValue<string>(), postal["City"]!.GetValue<string>(), postal["PostalCode"]!.GetValue<string>(), postal["Country"]!.GetValue<string>()));
        var au = (await f.GetAsync(Api("Organisation"), tenant: Au)).First("Organisations");
        Assert.Equal("AUD", au["BaseCurrency"]!.GetValue<string>());
        Assert.Equal("AUSEASTERNSTANDARDTIME", au["Timezone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accounts_UsdBankAccount_CarriesItsCurrency()
    {
        var usd = (await f.GetAsync(Api("Accounts?where=" + Uri.EscapeDataString("Code==\"092\"")))).First("Accounts");
        Assert.Equal(("BANK", "USD"), (usd["Type"]!.GetValue<string>(), usd["CurrencyCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Tenants_AreIsolated()
    {
        var r = await f.PutAsync(Api("Contacts"), J.Batch("Contacts", J.Obj(("Name", "Only In NZ"))));
        var id = r.First("Contacts")["ContactID"]!.GetValue<string>();
        Assert.Equal(404, (await f.GetAsync(Api($"Contacts/{id}"), tenant: Au)).Status);
    }

    [Fact]
    public async Task AccountWrites_NotImplementedYet_OrganisationWrites_501()
    {
        var r = await f.PutAsync(Api("Accounts"), J.Batch("Accounts", J.Obj(("Name", "New"))));
        Assert.Equal(501, r.Status);
        Assert.Equal(501, (await f.PostAsync(Api("Organisation"), J.Obj())).Status);
    }
}
