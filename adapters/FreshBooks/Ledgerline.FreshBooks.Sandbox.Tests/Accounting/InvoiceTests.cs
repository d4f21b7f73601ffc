using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class InvoiceTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string Invoices => f.Accounting("invoices/invoices");

    private string Payments => f.Accounting("payments/payments");

    private int NewClient() => f.Sandbox.Data.AddClient(f.AccountId, "Invoice Test " + Guid.NewGuid().ToString("N")[..6], currencyCode: "CAD");

    private static JsonArray FixtureLines() =>
    [
        J.Obj(("name", "Design"), ("qty", 1), ("unit_cost", J.Money("20.00")), ("taxName1", "HST"), ("taxAmount1", "13")),
        J.Obj(("name", "Hosting"), ("qty", "2"), ("unit_cost", J.Money("12"))),
    ];

    private async Task<JsonNode> CreateAsync(int customer, JsonArray lines, string discount = "0")
    {
        var r = await f.PostAsync(Invoices + "?include[]=lines", J.Wrap("invoice", ("customerid", customer), ("create_date", "2025-01-10"),
            ("due_offset_days", 30), ("discount_value", discount), ("lines", lines)));
        Assert.Equal(200, r.Status);
        return r.Result["invoice"]!;
    }

    private static string Amount(JsonNode invoice, string field) => invoice[field]!["amount"]!.GetValue<string>();

    [Fact]
    public async Task Create_DiscountBeforeTax_MatchesFreshBooksArithmetic()
    {
        var inv = await CreateAsync(NewClient(), FixtureLines(), "10");
        Assert.Equal("41.94", Amount(inv, "amount"));
        Assert.Equal("-4.40", Amount(inv, "discount_total"));
        Assert.Equal("41.94", Amount(inv, "outstanding"));
        Assert.Equal("CAD", inv["amount"]!["code"]!.GetValue<string>());
        Assert.Equal(1, inv["status"]!.GetValue<int>());
        Assert.Equal("draft", inv["v3_status"]!.GetValue<string>());
        Assert.Equal(inv["id"]!.GetValue<int>(), inv["invoiceid"]!.GetValue<int>());
        var lines = inv["lines"]!.AsArray();
        Assert.Equal("24.00", Amount(lines[1]!, "amount"));
        Assert.Equal("2", lines[1]!["qty"]!.GetValue<string>());
        Assert.Equal("13", lines[0]!["taxAmount1"]!.GetValue<string>());
        Assert.Equal(1, lines[0]!["lineid"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_LinesOnlyWithInclude()
    {
        var inv = await CreateAsync(NewClient(), FixtureLines());
        var plain = await f.GetAsync($"{Invoices}/{inv["id"]}");
        Assert.Null(plain.Result["invoice"]!["lines"]);
        var ignored = await f.GetAsync($"{Invoices}/{inv["id"]}?include=lines");
        Assert.Null(ignored.Result["invoice"]!["lines"]);
        var included = await f.GetAsync($"{Invoices}/{inv["id"]}?include[]=lines");
        Assert.Equal(2, included.Result["invoice"]!["lines"]!.AsArray().Count);
    }

    [Fact]
    public async Task Create_WithoutCustomer_Errno1001()
    {
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("create_date", "2025-01-10")));
        Assert.Equal(422, r.Status);
        Assert.Equal(1001, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("customerid", r.FirstError["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_UnknownCustomer_Errno1012()
    {
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", 999999)));
        Assert.Equal(422, r.Status);
        Assert.Equal(1012, r.FirstError["errno"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("qty", "\"lots\"", 1015)]
    [InlineData("taxAmount1", "\"150\"", 1018)]
    [InlineData("unit_cost", "12", 1004)]
    [InlineData("colour", "\"red\"", 1006)]
    public async Task Create_InvalidLine_ErrnoAndNothingStored(string field, string json, int errno)
    {
        var before = f.Sandbox.Data.Count(f.AccountId, "invoices");
        var line = J.Obj(("name", "Bad"), ("unit_cost", J.Money("1")));
        line[field] = JsonNode.Parse(json);
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", NewClient()), ("lines", new JsonArray(line))));
        Assert.Equal(422, r.Status);
        Assert.Equal(errno, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal(before, f.Sandbox.Data.Count(f.AccountId, "invoices"));
    }

    [Fact]
    public async Task Create_BadDate_Errno1033()
    {
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", NewClient()), ("create_date", "10/01/2025")));
        Assert.Equal(1033, r.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task MarkAsSent_ThenPayments_DriveStatuses()
    {
        f.Sandbox.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 12, 12, 0, 0, TimeSpan.Zero));
        var inv = await CreateAsync(NewClient(), FixtureLines(), "10");
        var id = inv["id"]!.GetValue<int>();
        var sent = await f.PutAsync($"{Invoices}/{id}", J.Wrap("invoice", ("action_mark_as_sent", true), ("notes", "ignored")));
        Assert.Equal(2, sent.Result["invoice"]!["status"]!.GetValue<int>());
        Assert.Equal("sent", sent.Result["invoice"]!["v3_status"]!.GetValue<string>());
        Assert.Equal("", sent.Result["invoice"]!["notes"]!.GetValue<string>());

        var p1 = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", id), ("amount", J.Money("20.00")), ("date", "2025-01-15"), ("type", "Check")));
        Assert.Equal(200, p1.Status);
        Assert.Equal(p1.Result["payment"]!["id"]!.GetValue<int>(), p1.Result["payment"]!["logid"]!.GetValue<int>());
        Assert.Equal("CAD", p1.Result["payment"]!["amount"]!["code"]!.GetValue<string>());
        var partial = (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!;
        Assert.Equal(8, partial["status"]!.GetValue<int>());
        Assert.Equal("partial", partial["v3_status"]!.GetValue<string>());
        Assert.Equal("partial", partial["payment_status"]!.GetValue<string>());
        Assert.Equal("20.00", Amount(partial, "paid"));
        Assert.Equal("21.94", Amount(partial, "outstanding"));

        var p2 = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", id), ("amount", J.Money("21.94")), ("date", "2025-01-20"), ("type", "Cash")));
        var paid = (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!;
        Assert.Equal(4, paid["status"]!.GetValue<int>());
        Assert.Equal("paid", paid["v3_status"]!.GetValue<string>());
        Assert.Equal("2025-01-20", paid["date_paid"]!.GetValue<string>());
        Assert.Equal("0.00", Amount(paid, "outstanding"));

        await f.PutAsync($"{Payments}/{p2.Result["payment"]!["id"]}", J.Wrap("payment", ("vis_state", 1)));
        var back = (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!;
        Assert.Equal(8, back["status"]!.GetValue<int>());
        Assert.Equal("21.94", Amount(back, "outstanding"));
        Assert.Equal(JsonValueKind.Null, back["date_paid"]?.GetValueKind() ?? JsonValueKind.Null);

        await f.PutAsync($"{Payments}/{p1.Result["payment"]!["id"]}", J.Wrap("payment", ("amount", J.Money("41.94"))));
        var updated = (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!;
        Assert.Equal("paid", updated["payment_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Overpayment_Accepted_OutstandingClampsAtZero()
    {
        var inv = await CreateAsync(NewClient(), FixtureLines());
        var p = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", inv["id"]!.GetValue<int>()), ("amount", J.Money("100.00")), ("type", "Cash")));
        Assert.Equal(200, p.Status);
        Assert.NotEqual(JsonValueKind.Null, p.Result["payment"]!["overpaymentid"]?.GetValueKind() ?? JsonValueKind.Null);
        var after = (await f.GetAsync($"{Invoices}/{inv["id"]}")).Result["invoice"]!;
        Assert.Equal("0.00", Amount(after, "outstanding"));
        Assert.Equal("100.00", Amount(after, "paid"));
    }

    [Fact]
    public async Task Payment_Invalid_Errnos()
    {
        var missing = await f.PostAsync(Payments, J.Wrap("payment", ("amount", J.Money("1"))));
        Assert.Equal(1001, missing.FirstError["errno"]!.GetValue<int>());
        var badType = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", 150002), ("amount", J.Money("1")), ("type", "Bitcoin")));
        Assert.Equal(1004, badType.FirstError["errno"]!.GetValue<int>());
        var unknownInvoice = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", 1), ("amount", J.Money("1"))));
        Assert.Equal(1012, unknownInvoice.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConcurrentPayments_AllCountedExactlyOnce()
    {
        var inv = await CreateAsync(NewClient(), FixtureLines());
        var id = inv["id"]!.GetValue<int>();
        var posts = Enumerable.Range(0, 20).Select(_ =>
            f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", id), ("amount", J.Money("1.00")), ("type", "Cash"))));
        var results = await Task.WhenAll(posts);
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.Equal(20, results.Select(r => r.Result["payment"]!["id"]!.GetValue<int>()).Distinct().Count());
        var after = (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!;
        Assert.Equal("20.00", Amount(after, "paid"));
        Assert.Equal("26.60", Amount(after, "outstanding"));
    }

    [Fact]
    public async Task Overdue_SentUnpaidPastDueBySandboxClock()
    {
        f.Sandbox.Clock.SetUtcNow(new DateTimeOffset(2025, 1, 20, 12, 0, 0, TimeSpan.Zero));
        var inv = await CreateAsync(NewClient(), FixtureLines());
        var id = inv["id"]!.GetValue<int>();
        await f.PutAsync($"{Invoices}/{id}", J.Wrap("invoice", ("action_mark_as_sent", true)));
        Assert.Equal("sent", (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!["v3_status"]!.GetValue<string>());
        f.Sandbox.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal("overdue", (await f.GetAsync($"{Invoices}/{id}")).Result["invoice"]!["v3_status"]!.GetValue<string>());
        var search = await f.GetAsync($"{Invoices}?search[v3_status]=overdue&search[invoice_id]={id}");
        Assert.Equal(1, search.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task HttpDelete_SoftDeletes_ThenWritesFail1011()
    {
        var inv = await CreateAsync(NewClient(), FixtureLines());
        var del = await f.DeleteAsync($"{Invoices}/{inv["id"]}");
        Assert.Equal(200, del.Status);
        Assert.Equal("""{"response":{}}""", del.Raw);
        Assert.Equal(1, (await f.GetAsync($"{Invoices}/{inv["id"]}")).Result["invoice"]!["vis_state"]!.GetValue<int>());
        var pay = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", inv["id"]!.GetValue<int>()), ("amount", J.Money("1"))));
        Assert.Equal(1011, pay.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_LinesReplaceAndTotalsRecompute()
    {
        var inv = await CreateAsync(NewClient(), FixtureLines());
        var r = await f.PutAsync($"{Invoices}/{inv["id"]}?include[]=lines", J.Wrap("invoice",
            ("lines", new JsonArray(J.Obj(("name", "Only"), ("qty", 3), ("unit_cost", J.Money("10.005")))))));
        Assert.Equal(200, r.Status);
        Assert.Single(r.Result["invoice"]!["lines"]!.AsArray());
        Assert.Equal("30.02", Amount(r.Result["invoice"]!, "amount"));
    }
}
