using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class OtherResourceTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Expenses_ListWithCategoryIncludeAndMoneyTaxes()
    {
        var r = await f.GetAsync(f.Accounting("expenses/expenses?include[]=category"));
        var e = r.Result["expenses"]![0]!;
        Assert.Equal("85.50", e["amount"]!["amount"]!.GetValue<string>());
        Assert.Equal("9.84", e["taxAmount1"]!["amount"]!.GetValue<string>());
        Assert.Equal("Office Supplies", e["category"]!["category"]!.GetValue<string>());
        Assert.Equal(e["id"]!.GetValue<int>(), e["expenseid"]!.GetValue<int>());
    }

    [Fact]
    public async Task Expenses_CreateRequiresCategoryAndAmount()
    {
        var missing = await f.PostAsync(f.Accounting("expenses/expenses"), J.Wrap("expense", ("vendor", "X")));
        Assert.Equal(422, missing.Status);
        Assert.Equal(2, missing.Body["response"]!["errors"]!.AsArray().Count);
        var categories = await f.GetAsync(f.Accounting("expenses/categories"));
        var categoryId = categories.Result["categories"]![0]!["categoryid"]!.GetValue<int>();
        var ok = await f.PostAsync(f.Accounting("expenses/expenses"), J.Wrap("expense",
            ("amount", J.Money("12.30", "USD")), ("categoryid", categoryId), ("date", "2025-02-01"), ("vendor", "Café")));
        Assert.Equal(200, ok.Status);
        Assert.Equal("Café", ok.Result["expense"]!["vendor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Categories_AreReadOnly()
    {
        var r = await f.PostAsync(f.Accounting("expenses/categories"), J.Wrap("category", ("category", "New")));
        Assert.Equal(405, r.Status);
    }

    [Fact]
    public async Task Items_CrudWithItemIdAndNameRequired()
    {
        var bad = await f.PostAsync(f.Accounting("items/items"), J.Wrap("item", ("description", "no name")));
        Assert.Equal(1001, bad.FirstError["errno"]!.GetValue<int>());
        var created = await f.PostAsync(f.Accounting("items/items"), J.Wrap("item", ("name", "Widget"), ("qty", "3"), ("unit_cost", J.Money("9.99", "USD"))));
        var item = created.Result["item"]!;
        Assert.Equal(item["id"]!.GetValue<int>(), item["itemid"]!.GetValue<int>());
        Assert.Equal("3", item["qty"]!.GetValue<string>());
        var deleted = await f.PutAsync(f.Accounting($"items/items/{item["id"]}"), J.Wrap("item", ("vis_state", 1)));
        Assert.Equal(1, deleted.Result["item"]!["vis_state"]!.GetValue<int>());
    }

    [Fact]
    public async Task Taxes_HttpDeleteRemovesIt()
    {
        var created = await f.PostAsync(f.Accounting("taxes/taxes"), J.Wrap("tax", ("name", "VAT"), ("amount", "20")));
        var tax = created.Result["tax"]!;
        Assert.Equal("20", tax["amount"]!.GetValue<string>());
        Assert.Null(tax["vis_state"]);
        var del = await f.DeleteAsync(f.Accounting($"taxes/taxes/{tax["taxid"]}"));
        Assert.Equal("""{"response":{}}""", del.Raw);
        Assert.Equal(404, (await f.GetAsync(f.Accounting($"taxes/taxes/{tax["taxid"]}"))).Status);
        var badPercent = await f.PostAsync(f.Accounting("taxes/taxes"), J.Wrap("tax", ("name", "Bad"), ("amount", "abc")));
        Assert.Equal(1018, badPercent.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownAccountingResource_404()
    {
        var r = await f.GetAsync(f.Accounting("nothing/here"));
        Assert.Equal(404, r.Status);
    }
}
