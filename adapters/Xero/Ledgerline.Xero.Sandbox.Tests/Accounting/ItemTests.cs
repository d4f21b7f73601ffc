using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

public sealed class ItemTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    [Fact]
    public async Task CreateReadByCode_UpdateByCodeOnPost_Delete204()
    {
        var item = J.Obj(("Code", "WIDGET"), ("Name", "Widget"), ("Description", "A widget"),
            ("SalesDetails", J.Obj(("UnitPrice", 12.3456m), ("AccountCode", "200"))), ("PurchaseDetails", J.Obj(("UnitPrice", 5), ("AccountCode", "310"))));
        var created = await f.PutAsync(Api("Items?unitdp=4"), J.Batch("Items", item));
        Assert.Equal(200, created.Status);
        var id = created.First("Items")["ItemID"]!.GetValue<string>();
        Assert.Equal(12.3456m, created.First("Items")["SalesDetails"]!["UnitPrice"]!.GetValue<decimal>());
        Assert.Equal(12.35m, (await f.GetAsync(Api("Items/WIDGET"))).First("Items")["SalesDetails"]!["UnitPrice"]!.GetValue<decimal>());

        var updated = await f.PostAsync(Api("Items"), J.Batch("Items", J.Obj(("Code", "WIDGET"), ("Name", "Widget v2"))));
        Assert.Equal(id, updated.First("Items")["ItemID"]!.GetValue<string>());
        Assert.Equal("Widget v2", updated.First("Items")["Name"]!.GetValue<string>());

        var duplicate = await f.PutAsync(Api("Items"), J.Batch("Items", J.Obj(("Code", "widget"))));
        Assert.Equal("Item code 'widget' already exists.", duplicate.FirstValidationMessage);

        var deleted = await f.SendAsync(HttpMethod.Delete, Api($"Items/{id}"), null, null, null, []);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, (await f.GetAsync(Api($"Items/{id}"))).Status);
        Assert.Equal(404, (await f.SendAsync(HttpMethod.Delete, Api($"Items/{id}"), null, null, null, [])).Status);
    }

    [Fact]
    public async Task InvoiceLine_TakesTheItemsSalesDefaults()
    {
        var line = J.Obj(("ItemCode", "CONSULT"), ("Quantity", 2));
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "AUTHORISED", "Exclusive", line)));
        Assert.Equal(200, r.Status);
        var l = r.First("Invoices")["LineItems"]![0]!;
        Assert.Equal("Consulting hour", l["Description"]!.GetValue<string>());
        Assert.Equal(150.00m, l["UnitAmount"]!.GetValue<decimal>());
        Assert.Equal("200", l["AccountCode"]!.GetValue<string>());
        Assert.Equal(300.00m, l["LineAmount"]!.GetValue<decimal>());

        var unknown = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Obj(("ItemCode", "NOPE")))));
        Assert.Equal("Item code 'NOPE' is not valid.", unknown.FirstValidationMessage);
    }

    [Fact]
    public async Task NotSold_LosesSalesDescriptionAndDetails()
    {
        var created = await f.PutAsync(Api("Items"), J.Batch("Items", J.Obj(("Code", "UNSOLD"), ("Description", "For sale"),
            ("SalesDetails", J.Obj(("UnitPrice", 3m), ("AccountCode", "200"))))));
        var id = created.First("Items")["ItemID"]!.GetValue<string>();

        var updated = (await f.PostAsync(Api($"Items/{id}"), J.Batch("Items", J.Obj(("IsSold", false))))).First("Items");

        Assert.Null(updated["Description"]);
        Assert.Null(updated["SalesDetails"]!["UnitPrice"]);
    }

    [Fact]
    public async Task Details_Validated()
    {
        var r = await f.PutAsync(Api("Items"), J.Batch("Items", J.Obj(("Code", "BAD"), ("SalesDetails", J.Obj(("AccountCode", "999"), ("TaxType", "INPUT2"))))));
        Assert.Equal(400, r.Status);
        Assert.Equal(2, r.Body["Elements"]![0]!["ValidationErrors"]!.AsArray().Count);
        Assert.Equal(400, (await f.PutAsync(Api("Items"), J.Batch("Items", J.Obj(("Name", "No code"))))).Status);
    }
}
