using System.Globalization;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

/// <summary>
/// What the sandbox accepts where one could expect a refusal, decided from the FreshBooks reference (see the README,
/// "Accepted because the reference documents no refusal"), and the lines FreshBooks holds that a client must be able to
/// send back: negative amounts, rebilled expenses, compound taxes.
/// </summary>
public sealed class ReferenceDecisionTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private const string DatedVersion = "2023-02-20";

    private string Invoices => f.Accounting("invoices/invoices");

    private int NewClient(string currency = "USD") =>
        f.Sandbox.Data.AddClient(f.AccountId, "Decisions " + Guid.NewGuid().ToString("N")[..6], currencyCode: currency);

    private static string Amount(JsonNode node, string field) => node[field]!["amount"]!.GetValue<string>();

    private string EasternToday() => TimeZoneInfo.ConvertTime(f.Sandbox.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Create_WithoutCreateDate_AcceptedAndDatedTodayInEastern()
    {
        var before = EasternToday();
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", NewClient()),
            ("lines", new JsonArray(J.Obj(("name", "Work"), ("qty", "1"), ("unit_cost", J.Money("10.00")))))));
        var after = EasternToday();

        Assert.Equal(200, r.Status);
        Assert.Contains(r.Result["invoice"]!["create_date"]!.GetValue<string>(), new[] { before, after });
    }

    [Fact]
    public async Task Create_MoneyAndQuantitiesAsJsonNumbersUnderDatedApiVersion_AcceptedAndAnsweredAsStrings()
    {
        var r = await f.PostAsync(Invoices + "?include[]=lines", J.Wrap("invoice", ("customerid", NewClient()), ("create_date", "2025-01-10"),
            ("lines", new JsonArray(J.Obj(("name", "Work"), ("qty", 2), ("unit_cost", J.Obj(("amount", 12.5), ("code", "USD"))), ("taxName1", "HST"), ("taxAmount1", 13))))),
            null, ("X-API-VERSION", DatedVersion));
        var invoice = r.Result["invoice"]!;
        var payment = await f.PostAsync(f.Accounting("payments/payments"), J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()),
            ("amount", J.Obj(("amount", 10.25))), ("date", "2025-01-11"), ("type", "Cash")), null, ("X-API-VERSION", DatedVersion));

        Assert.Equal(200, r.Status);
        Assert.Equal("28.25", Amount(invoice, "amount"));
        Assert.Equal("12.50", Amount(invoice["lines"]![0]!, "unit_cost"));
        Assert.Equal("2", invoice["lines"]![0]!["qty"]!.GetValue<string>());
        Assert.Equal(200, payment.Status);
        Assert.Equal("10.25", Amount(payment.Result["payment"]!, "amount"));
    }

    [Fact]
    public async Task Create_BadInputUnderDatedApiVersion_RefusedInTheNewErrorFormat()
    {
        // The dated header is in effect (it selects the error format); what it does not do is refuse numbers.
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", NewClient()),
            ("lines", new JsonArray(J.Obj(("name", "Work"), ("qty", "lots"))))), null, ("X-API-VERSION", DatedVersion));

        Assert.Equal(422, r.Status);
        Assert.Equal(3, r.Body["code"]!.GetValue<int>());
        Assert.Equal("1015", r.Body["details"]![0]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("JPY", "1000.5", "3", "3002", "1000.5")]
    [InlineData("JPY", "1200", "2", "2400", "1200")]
    [InlineData("KWD", "1.2345", "2", "2.469", "1.2345")]
    [InlineData("KWD", "7.5", "1", "7.500", "7.500")]
    [InlineData("USD", "0.125", "3", "0.38", "0.125")]
    public async Task Create_UnitCostFinerThanTheCurrency_KeptAsSentWhileAmountsRound(string currency, string unitCost, string qty, string amount, string shown)
    {
        var r = await f.PostAsync(Invoices + "?include[]=lines", J.Wrap("invoice", ("customerid", NewClient(currency)), ("create_date", "2025-01-10"),
            ("currency_code", currency), ("lines", new JsonArray(J.Obj(("name", "Work"), ("qty", qty), ("unit_cost", J.Money(unitCost, currency)))))));
        var line = r.Result["invoice"]!["lines"]![0]!;

        Assert.Equal(200, r.Status);
        Assert.Equal(shown, Amount(line, "unit_cost"));
        Assert.Equal(amount, Amount(line, "amount"));
        Assert.Equal(amount, Amount(r.Result["invoice"]!, "amount"));
    }

    [Fact]
    public async Task Update_NegativeRebilledAndCompoundLinesPutBackAsRead_KeptExactly()
    {
        var client = NewClient();
        var category = (await f.GetAsync(f.Accounting("expenses/categories"))).Result["categories"]![0]!["categoryid"]!.GetValue<int>();
        var expense = await f.PostAsync(f.Accounting("expenses/expenses"), J.Wrap("expense", ("amount", J.Money("30.00")), ("categoryid", category),
            ("clientid", client), ("date", "2025-01-05")));
        var expenseId = expense.Result["expense"]!["expenseid"]!.GetValue<int>();
        var created = await f.PostAsync(Invoices + "?include[]=lines", J.Wrap("invoice", ("customerid", client), ("create_date", "2025-01-10"),
            ("lines", new JsonArray(
                J.Obj(("name", "Design"), ("qty", "2"), ("unit_cost", J.Money("100.00")), ("taxName1", "GST"), ("taxAmount1", "5"),
                    ("taxName2", "QST"), ("taxAmount2", "9.975"), ("compounded_tax", true)),
                J.Obj(("type", 1), ("expenseid", expenseId), ("name", "Courier"), ("qty", "1"), ("unit_cost", J.Money("30.00"))),
                J.Obj(("name", "Deposit received"), ("qty", "1"), ("unit_cost", J.Money("-50.00")))))));
        var invoice = created.Result["invoice"]!;

        // A client that read the invoice sends its lines back as they came (read-only keys included).
        var put = await f.PutAsync($"{Invoices}/{invoice["id"]}?include[]=lines", J.Wrap("invoice", ("lines", invoice["lines"]!.DeepClone())));
        var lines = put.Result["invoice"]!["lines"]!.AsArray();

        Assert.Equal(200, created.Status);
        Assert.Equal("210.95", Amount(invoice, "amount"));
        Assert.Equal(200, put.Status);
        Assert.Equal("210.95", Amount(put.Result["invoice"]!, "amount"));
        Assert.Equal([true, false, false], lines.Select(l => l!["compounded_tax"]!.GetValue<bool>()));
        Assert.Equal([0, 1, 0], lines.Select(l => l!["type"]!.GetValue<int>()));
        Assert.Equal(expenseId, lines[1]!["expenseid"]!.GetValue<int>());
        Assert.Equal("-50.00", Amount(lines[2]!, "amount"));
    }
}
