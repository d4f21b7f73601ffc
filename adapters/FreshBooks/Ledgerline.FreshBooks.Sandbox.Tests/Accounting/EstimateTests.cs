using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class EstimateTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string Estimates => f.Accounting("estimates/estimates");

    private string Invoices => f.Accounting("invoices/invoices");

    private int NewClient(string currency = "CAD") =>
        f.Sandbox.Data.AddClient(f.AccountId, "Estimate Test " + Guid.NewGuid().ToString("N")[..6], currencyCode: currency);

    private static JsonArray Lines() =>
    [
        J.Obj(("name", "Design"), ("qty", 1), ("unit_cost", J.Money("20.00")), ("taxName1", "HST"), ("taxAmount1", "13")),
        J.Obj(("name", "Hosting"), ("qty", "2"), ("unit_cost", J.Money("12"))),
    ];

    private async Task<JsonNode> CreateAsync(int customer, string discount = "0", params (string Key, JsonNode? Value)[] extra)
    {
        (string, JsonNode?)[] props = [("customerid", customer), ("create_date", "2025-01-10"), ("discount_value", discount), ("lines", Lines()), .. extra];
        var r = await f.PostAsync(Estimates + "?include[]=lines", J.Wrap("estimate", props));
        Assert.Equal(200, r.Status);
        return r.Result["estimate"]!;
    }

    private static string Amount(JsonNode o, string field) => o[field]!["amount"]!.GetValue<string>();

    [Fact]
    public async Task Create_TotalsLikeInvoices_DraftWithNumberAndClientCopy()
    {
        var est = await CreateAsync(NewClient(), "10");
        Assert.Equal("41.94", Amount(est, "amount"));
        Assert.Equal("-4.40", Amount(est, "discount_total"));
        Assert.Equal("CAD", est["currency_code"]!.GetValue<string>());
        Assert.Equal(est["id"]!.GetValue<int>(), est["estimateid"]!.GetValue<int>());
        Assert.Equal(1, est["status"]!.GetValue<int>());
        Assert.Equal("draft", est["ui_status"]!.GetValue<string>());
        Assert.Equal("draft", est["display_status"]!.GetValue<string>());
        Assert.False(est["accepted"]!.GetValue<bool>());
        Assert.False(est["invoiced"]!.GetValue<bool>());
        Assert.Matches("^[0-9]{7}$", est["estimate_number"]!.GetValue<string>());
        Assert.StartsWith("Estimate Test", est["organization"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(est["due_date"]);
        var lines = est["lines"]!.AsArray();
        Assert.Equal("24.00", Amount(lines[1]!, "amount"));
        Assert.Equal(est["id"]!.GetValue<int>(), lines[0]!["estimateid"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_LinesOnlyWithInclude()
    {
        var est = await CreateAsync(NewClient());
        Assert.Null((await f.GetAsync($"{Estimates}/{est["id"]}")).Result["estimate"]!["lines"]);
        Assert.Null((await f.GetAsync($"{Estimates}/{est["id"]}?include=lines")).Result["estimate"]!["lines"]);
        Assert.Equal(2, (await f.GetAsync($"{Estimates}/{est["id"]}?include[]=lines")).Result["estimate"]!["lines"]!.AsArray().Count);
    }

    [Fact]
    public async Task Create_JpyEstimate_RoundsToWholeYen()
    {
        var r = await f.PostAsync(Estimates, J.Wrap("estimate", ("customerid", NewClient("JPY")),
            ("lines", new JsonArray(J.Obj(("name", "x"), ("qty", "3"), ("unit_cost", J.Money("333.5")))))));
        Assert.Equal("1001", Amount(r.Result["estimate"]!, "amount"));
    }

    [Fact]
    public async Task Create_BadInput_AccountingErrors()
    {
        var missing = await f.PostAsync(Estimates, J.Wrap("estimate", ("create_date", "2025-01-10")));
        Assert.Equal(422, missing.Status);
        Assert.Equal(1001, missing.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("customerid", missing.FirstError["field"]!.GetValue<string>());
        var unknown = await f.PostAsync(Estimates, J.Wrap("estimate", ("customerid", 999999)));
        Assert.Equal(1012, unknown.FirstError["errno"]!.GetValue<int>());
        var badStatus = await f.PostAsync(Estimates, J.Wrap("estimate", ("customerid", NewClient()), ("status", 5)));
        Assert.Equal(1004, badStatus.FirstError["errno"]!.GetValue<int>());
        var badField = await f.PostAsync(Estimates, J.Wrap("estimate", ("customerid", NewClient()), ("bogus", 1)));
        Assert.Equal(1006, badField.FirstError["errno"]!.GetValue<int>());
        var badLine = await f.PostAsync(Estimates, J.Wrap("estimate", ("customerid", NewClient()),
            ("lines", new JsonArray(J.Obj(("qty", "lots"))))));
        Assert.Equal(1015, badLine.FirstError["errno"]!.GetValue<int>());
        Assert.Equal(400, (await f.PostAsync(Estimates, "{not json")).Status);
    }

    [Fact]
    public async Task Actions_MarkAsSentThenAccept()
    {
        var est = await CreateAsync(NewClient());
        var path = $"{Estimates}/{est["id"]}";
        var sent = (await f.PutAsync(path, J.Wrap("estimate", ("action_mark_as_sent", true)))).Result["estimate"]!;
        Assert.Equal(2, sent["status"]!.GetValue<int>());
        Assert.Equal("sent", sent["ui_status"]!.GetValue<string>());
        var accepted = (await f.PutAsync(path, J.Wrap("estimate", ("action_accept", true)))).Result["estimate"]!;
        Assert.Equal(5, accepted["status"]!.GetValue<int>());
        Assert.Equal("accepted", accepted["ui_status"]!.GetValue<string>());
        Assert.True(accepted["accepted"]!.GetValue<bool>());
        var unknown = await f.PutAsync(path, J.Wrap("estimate", ("action_convert", true)));
        Assert.Equal(1004, unknown.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status2_MarksDraftSent_OnCreateAndUpdate()
    {
        var created = await CreateAsync(NewClient(), "0", ("status", 2));
        Assert.Equal(2, created["status"]!.GetValue<int>());
        var draft = await CreateAsync(NewClient());
        var updated = await f.PutAsync($"{Estimates}/{draft["id"]}", J.Wrap("estimate", ("status", 2), ("notes", "sent by hand")));
        Assert.Equal(2, updated.Result["estimate"]!["status"]!.GetValue<int>());
        Assert.Equal("sent by hand", updated.Result["estimate"]!["notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoice_WithEstimateId_LinksAndEstimateIsInvoicedOnceSent()
    {
        var client = NewClient();
        var est = await CreateAsync(client);
        var id = est["id"]!.GetValue<int>();
        var inv = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", client), ("estimateid", id), ("lines", Lines())));
        Assert.Equal(200, inv.Status);
        Assert.Equal(id, inv.Result["invoice"]!["estimateid"]!.GetValue<int>());
        var beforeSend = (await f.GetAsync($"{Estimates}/{id}")).Result["estimate"]!;
        Assert.False(beforeSend["invoiced"]!.GetValue<bool>());
        Assert.Equal(1, beforeSend["status"]!.GetValue<int>());
        await f.PutAsync($"{Invoices}/{inv.Result["invoice"]!["id"]}", J.Wrap("invoice", ("action_mark_as_sent", true)));
        var after = (await f.GetAsync($"{Estimates}/{id}?include[]=invoices")).Result["estimate"]!;
        Assert.True(after["invoiced"]!.GetValue<bool>());
        Assert.Equal(6, after["status"]!.GetValue<int>());
        Assert.Equal("invoiced", after["ui_status"]!.GetValue<string>());
        Assert.Equal(inv.Result["invoice"]!["id"]!.GetValue<int>(), after["invoices"]![0]!["invoiceid"]!.GetValue<int>());
        var byStatus = await f.GetAsync($"{Estimates}?search[statusids][]=6&search[customerid]={client}");
        Assert.Equal(1, byStatus.Result["total"]!.GetValue<int>());
        var invoicesOfEstimate = await f.GetAsync($"{Invoices}?search[estimateid]={id}");
        Assert.Equal(1, invoicesOfEstimate.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invoice_WithUnknownEstimate_Errno1012()
    {
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", NewClient()), ("estimateid", 987654)));
        Assert.Equal(422, r.Status);
        Assert.Equal(1012, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("estimateid", r.FirstError["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_ByVisStateAndByHttpDelete()
    {
        var a = await CreateAsync(NewClient());
        var put = await f.PutAsync($"{Estimates}/{a["id"]}", J.Wrap("estimate", ("vis_state", 1)));
        Assert.Equal(1, put.Result["estimate"]!["vis_state"]!.GetValue<int>());
        var write = await f.PutAsync($"{Estimates}/{a["id"]}", J.Wrap("estimate", ("notes", "x")));
        Assert.Equal(1011, write.FirstError["errno"]!.GetValue<int>());
        var b = await CreateAsync(NewClient());
        var del = await f.DeleteAsync($"{Estimates}/{b["id"]}");
        Assert.Equal("""{"response":{}}""", del.Raw);
        Assert.Equal(1, (await f.GetAsync($"{Estimates}/{b["id"]}")).Result["estimate"]!["vis_state"]!.GetValue<int>());
        var listed = await f.GetAsync($"{Estimates}?search[estimateids][]={a["id"]}&search[estimateids][]={b["id"]}");
        Assert.Equal(0, listed.Result["total"]!.GetValue<int>());
        var missing = await f.GetAsync($"{Estimates}/99999999");
        Assert.Equal(404, missing.Status);
        Assert.Equal(1012, missing.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_FiltersByIdCustomerDateAndUpdated()
    {
        var client = NewClient();
        var a = await CreateAsync(client);
        var b = await f.PostAsync(Estimates, J.Wrap("estimate", ("customerid", client), ("create_date", "2025-03-01")));
        var byCustomer = await f.GetAsync($"{Estimates}?search[customerid]={client}");
        Assert.Equal(2, byCustomer.Result["total"]!.GetValue<int>());
        var byId = await f.GetAsync($"{Estimates}?search[estimateid]={a["id"]}");
        Assert.Equal(a["id"]!.GetValue<int>(), byId.Result["estimates"]![0]!["id"]!.GetValue<int>());
        var byDate = await f.GetAsync($"{Estimates}?search[customerid]={client}&search[date_min]=2025-02-01");
        Assert.Equal(b.Result["estimate"]!["id"]!.GetValue<int>(), byDate.Result["estimates"]![0]!["id"]!.GetValue<int>());
        Assert.Equal(1, byDate.Result["total"]!.GetValue<int>());
        var updated = await f.GetAsync($"{Estimates}?search[customerid]={client}&search[updated_min]=2000-01-01");
        Assert.Equal(2, updated.Result["total"]!.GetValue<int>());
        var none = await f.GetAsync($"{Estimates}?search[customerid]={client}&search[updated_max]=2000-01-01");
        Assert.Equal(0, none.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_WithoutEstimatesScope_403()
    {
        var token = f.Sandbox.IssueTokens(["user:invoices:read"]).AccessToken;
        var r = await f.GetAsync(Estimates, token);
        Assert.Equal(403, r.Status);
    }
}
