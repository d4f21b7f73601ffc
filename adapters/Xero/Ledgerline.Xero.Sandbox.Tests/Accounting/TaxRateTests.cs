using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

/// <summary>Tax rate writes: rates the organisation adds are created, changed by TaxType and deleted; system rates are not.</summary>
public sealed class TaxRateTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private static JsonObject Rate(string name, string report = "OUTPUT", params JsonObject[] components) =>
        J.Obj(("Name", name), ("ReportTaxType", report),
            ("TaxComponents", new JsonArray(components.Length > 0 ? components : [J.Obj(("Name", "Levy"), ("Rate", 2.5m))])));

    private async Task<JsonNode> CreateAsync(JsonObject rate)
    {
        var r = await f.PutAsync(Api("TaxRates"), J.Batch("TaxRates", rate));
        Assert.Equal(200, r.Status);
        return r.First("TaxRates");
    }

    [Fact]
    public async Task Create_GetsATaxTypeAndAppliesWhereItsReportTypeDoes()
    {
        var sales = await CreateAsync(Rate("Sales levy"));
        var purchases = await CreateAsync(Rate("Purchase levy", "INPUT"));

        Assert.Matches("^TAX\\d{3}$", sales["TaxType"]!.GetValue<string>());
        Assert.NotEqual(sales["TaxType"]!.GetValue<string>(), purchases["TaxType"]!.GetValue<string>());
        Assert.Equal((true, false, "ACTIVE", 2.5000m), (sales["CanApplyToRevenue"]!.GetValue<bool>(), sales["CanApplyToExpenses"]!.GetValue<bool>(),
            sales["Status"]!.GetValue<string>(), sales["EffectiveRate"]!.GetValue<decimal>()));
        Assert.Equal((false, true), (purchases["CanApplyToRevenue"]!.GetValue<bool>(), purchases["CanApplyToExpenses"]!.GetValue<bool>()));
        var read = (await f.GetAsync(Api("TaxRates/" + sales["TaxType"]!.GetValue<string>()))).First("TaxRates");
        Assert.Equal("Sales levy", read["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_CompoundComponent_IsChargedOnTheSimpleOnes()
    {
        var rate = await CreateAsync(Rate("GST and QST", "OUTPUT",
            J.Obj(("Name", "GST"), ("Rate", 5m)), J.Obj(("Name", "QST"), ("Rate", 9.975m), ("IsCompound", true))));

        Assert.Equal(14.9750m, rate["DisplayTaxRate"]!.GetValue<decimal>());
        Assert.Equal(15.4738m, rate["EffectiveRate"]!.GetValue<decimal>());
        Assert.True(rate["TaxComponents"]![1]!["IsCompound"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(null, "OUTPUT", "Tax rate Name must be specified.")]
    [InlineData("No report type", null, "ReportTaxType is required for tax rates of organisations in this region.")]
    [InlineData("Foreign report type", "USSALESTAX", "ReportTaxType 'USSALESTAX' is not valid for this organisation.")]
    [InlineData("15% GST on Income", "OUTPUT", "The tax rate name '15% GST on Income' is already in use.")]
    public async Task Create_Invalid_IsRefusedAsXeroDoes(string? name, string? report, string message)
    {
        var rate = Rate(name ?? "", report ?? "");
        if (name is null)
        {
            rate.Remove("Name");
        }

        if (report is null)
        {
            rate.Remove("ReportTaxType");
        }

        var r = await f.PutAsync(Api("TaxRates"), J.Batch("TaxRates", rate));

        Assert.Equal(400, r.Status);
        Assert.Equal(message, r.FirstValidationMessage);
    }

    [Fact]
    public async Task Create_WithoutComponentsOrWithBadRate_IsRefused()
    {
        var none = J.Obj(("Name", "Empty"), ("ReportTaxType", "OUTPUT"));
        var bad = Rate("Too high", "OUTPUT", J.Obj(("Name", "X"), ("Rate", 120m)));
        var nonRecoverable = Rate("Canadian", "OUTPUT", J.Obj(("Name", "PST"), ("Rate", 7m), ("IsNonRecoverable", true)));

        Assert.Equal("A tax rate needs at least one tax component.", (await f.PutAsync(Api("TaxRates"), J.Batch("TaxRates", none))).FirstValidationMessage);
        Assert.Equal("Each tax component needs a Rate from 0 to 100.", (await f.PutAsync(Api("TaxRates"), J.Batch("TaxRates", bad))).FirstValidationMessage);
        Assert.StartsWith("Non-recoverable", (await f.PutAsync(Api("TaxRates"), J.Batch("TaxRates", nonRecoverable))).FirstValidationMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NamingTheTaxType_ChangesOnlyWhatItNames()
    {
        var rate = await CreateAsync(Rate("Tourism levy"));
        var type = rate["TaxType"]!.GetValue<string>();

        var renamed = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates", J.Obj(("TaxType", type), ("Name", "Visitor levy"))));
        var repriced = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates",
            J.Obj(("TaxType", type), ("TaxComponents", J.Arr(J.Obj(("Name", "Levy"), ("Rate", 3m)))))));

        Assert.Equal(("Visitor levy", 2.5000m), (renamed.First("TaxRates")["Name"]!.GetValue<string>(), renamed.First("TaxRates")["EffectiveRate"]!.GetValue<decimal>()));
        Assert.Equal(("Visitor levy", 3.0000m), (repriced.First("TaxRates")["Name"]!.GetValue<string>(), repriced.First("TaxRates")["EffectiveRate"]!.GetValue<decimal>()));
        var unknown = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates", J.Obj(("TaxType", "TAX999"), ("Name", "Ghost"))));
        Assert.Equal("The document with the supplied id was not found for this endpoint.", unknown.FirstValidationMessage);
    }

    [Fact]
    public async Task SystemRates_CannotBeChangedOrDeleted()
    {
        var rename = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates", J.Obj(("TaxType", "OUTPUT2"), ("Name", "Mine now"))));
        var delete = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates", J.Obj(("TaxType", "OUTPUT2"), ("Status", "DELETED"))));

        Assert.Equal("System tax rates cannot be changed or deleted.", rename.FirstValidationMessage);
        Assert.Equal("System tax rates cannot be changed or deleted.", delete.FirstValidationMessage);
        Assert.Equal(405, (await f.SendAsync(HttpMethod.Delete, Api("TaxRates/OUTPUT2"), null, null, null, [])).Status);
    }

    [Fact]
    public async Task Delete_KeepsTheRateListedButUnusableAndUnchangeable()
    {
        var rate = await CreateAsync(Rate("Short-lived levy"));
        var type = rate["TaxType"]!.GetValue<string>();

        var deleted = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates", J.Obj(("TaxType", type), ("Status", "DELETED"))));
        var listed = (await f.GetAsync(Api("TaxRates"))).Body["TaxRates"]!.AsArray().Single(t => t!["TaxType"]!.GetValue<string>() == type)!;
        var again = await f.PostAsync(Api("TaxRates"), J.Batch("TaxRates", J.Obj(("TaxType", type), ("Name", "Back"))));
        var onLine = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("Work", 1, 10m, "200", type))));

        Assert.Equal("DELETED", deleted.First("TaxRates")["Status"]!.GetValue<string>());
        Assert.Equal("DELETED", listed["Status"]!.GetValue<string>());
        Assert.Equal("A deleted tax rate cannot be changed.", again.FirstValidationMessage);
        Assert.StartsWith($"The TaxType code '{type}' does not exist", onLine.FirstValidationMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatedRate_TaxesInvoiceLines()
    {
        var rate = await CreateAsync(Rate("Eight percent", "OUTPUT", J.Obj(("Name", "Eight"), ("Rate", 8m))));

        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices",
            J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("Work", 1, 50m, "200", rate["TaxType"]!.GetValue<string>()))));

        Assert.Equal(4.00m, r.First("Invoices")["TotalTax"]!.GetValue<decimal>());
    }
}
