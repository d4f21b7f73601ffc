using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

public sealed class BankTransactionTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private static JsonObject Spend(string type = "SPEND", string bank = "090", params JsonNode[] lines) =>
        J.Obj(("Type", type), ("Contact", J.Obj(("Name", "PowerDirect"))), ("BankAccount", J.Obj(("Code", bank))), ("Date", "2026-11-05"),
            ("LineAmountTypes", "Inclusive"), ("Reference", "Receipt 42"),
            ("LineItems", new JsonArray(lines.Length > 0 ? lines : [J.Line("Stationery", 1, 23m, "429")])));

    [Fact]
    public async Task Spend_CreatedAuthorised_WithInvoiceArithmetic_ThenDeleted()
    {
        var r = await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", Spend()));
        Assert.Equal(200, r.Status);
        var t = r.First("BankTransactions");
        Assert.Equal("AUTHORISED", t["Status"]!.GetValue<string>());
        Assert.Equal("SPEND", t["Type"]!.GetValue<string>());
        Assert.Equal("INPUT2", t["LineItems"]![0]!["TaxType"]!.GetValue<string>());
        Assert.Equal(23.00m, t["Total"]!.GetValue<decimal>());
        Assert.Equal(3.00m, t["TotalTax"]!.GetValue<decimal>());
        Assert.Equal(20.00m, t["SubTotal"]!.GetValue<decimal>());
        Assert.Equal("090", t["BankAccount"]!["Code"]!.GetValue<string>());
        var id = t["BankTransactionID"]!.GetValue<string>();

        var deleted = await f.PostAsync(Api($"BankTransactions/{id}"), J.Batch("BankTransactions", J.Obj(("Status", "DELETED"))));
        Assert.Equal("DELETED", deleted.First("BankTransactions")["Status"]!.GetValue<string>());
        var edit = await f.PostAsync(Api($"BankTransactions/{id}"), J.Batch("BankTransactions", J.Obj(("Reference", "late"))));
        Assert.Equal(400, edit.Status);
    }

    [Fact]
    public async Task Currency_IsTheBankAccounts_AndCannotBeSetOtherwise()
    {
        var usd = await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", Spend(bank: "092")));
        var nzd = Spend();
        nzd["CurrencyCode"] = "USD";
        var refused = await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", nzd));
        var same = Spend();
        same["CurrencyCode"] = "NZD";

        Assert.Equal(("USD", 0.590000m), (usd.First("BankTransactions")["CurrencyCode"]!.GetValue<string>(), usd.First("BankTransactions")["CurrencyRate"]!.GetValue<decimal>()));
        Assert.StartsWith("Setting currency is only supported on overpayments", refused.FirstValidationMessage, StringComparison.Ordinal);
        Assert.Equal("NZD", (await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", same))).First("BankTransactions")["CurrencyCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Receive_UsesSalesTax()
    {
        var r = await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", Spend("RECEIVE", "090", J.Line("Refund", 1, 11.50m, "260"))));
        Assert.Equal("OUTPUT2", r.First("BankTransactions")["LineItems"]![0]!["TaxType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SPEND", "200", "The BankAccount must be an active bank account, given by AccountID or Code.")]
    [InlineData("SPEND-TRANSFER", "090", "The sandbox does not serve SPEND-TRANSFER bank transactions yet; use SPEND or RECEIVE.")]
    [InlineData("SPENDING", "090", "Bank transaction Type must be SPEND or RECEIVE.")]
    public async Task Invalid_Refused(string type, string bank, string message)
    {
        var r = await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", Spend(type, bank)));
        Assert.Equal(400, r.Status);
        Assert.Equal(message, r.FirstValidationMessage);
    }

    [Fact]
    public async Task LinesNeedAccounts_NoDiscounts()
    {
        var noAccount = J.Obj(("Description", "x"), ("UnitAmount", 1));
        Assert.StartsWith("Account code must be specified", (await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", Spend(lines: noAccount)))).FirstValidationMessage, StringComparison.Ordinal);
        var discounted = J.Line("x", 1, 10m, "429");
        discounted["DiscountRate"] = 5;
        Assert.Equal(400, (await f.PutAsync(Api("BankTransactions"), J.Batch("BankTransactions", Spend(lines: discounted)))).Status);
    }

    [Fact]
    public async Task List_PagedWithSeededSpend_AndWhere()
    {
        var page = await f.GetAsync(Api("BankTransactions?page=1&where=" + Uri.EscapeDataString("Type==\"SPEND\" AND Status==\"AUTHORISED\"")));
        Assert.Equal(200, page.Status);
        Assert.NotNull(page.Body["pagination"]);
        Assert.Contains(page.Body["BankTransactions"]!.AsArray(), t => t!["LineItems"]![0]!["Description"]!.GetValue<string>() == "Office supplies");
        var unpaged = await f.GetAsync(Api("BankTransactions"));
        Assert.All(unpaged.Body["BankTransactions"]!.AsArray(), t => Assert.Empty(t!["LineItems"]!.AsArray()));
    }
}
