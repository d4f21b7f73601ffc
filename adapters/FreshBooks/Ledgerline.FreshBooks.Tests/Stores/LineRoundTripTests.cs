using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

/// <summary>
/// Lines as FreshBooks holds them (made over the sandbox's own API, as FreshBooks' application would: a deposit of
/// −50.00, a rebilled expense line, a second tax compounding on the first) read through the adapter and written back with
/// <see cref="InvoiceLine.ToNewLine"/>: nothing the adapter read is refused, and nothing FreshBooks holds beyond the
/// canonical line is lost.
/// </summary>
public sealed class LineRoundTripTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Accounting => "/accounting/account/" + fixture.Ledgers.AccountId + "/";

    private static JsonObject Usd(string amount) => new() { ["amount"] = amount, ["code"] = "USD" };

    private static JsonObject Line(string name, string qty, string cost) => new() { ["type"] = 0, ["name"] = name, ["qty"] = qty, ["unit_cost"] = Usd(cost) };

    // GST 5 %, then QST 9.975 % charged on the amount plus GST.
    private static JsonObject CompoundLine(string name, string qty, string cost)
    {
        var line = Line(name, qty, cost);
        line["taxName1"] = "GST";
        line["taxAmount1"] = "5";
        line["taxName2"] = "QST";
        line["taxAmount2"] = "9.975";
        line["compounded_tax"] = true;
        return line;
    }

    private async Task<(ILedger Ledger, int ContactId)> OpenAsync()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Lines Ltd.", Currency = CurrencyCode.USD }, Ct);
        return (ledger, int.Parse(contact.Id, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task UpdateAsync_InvoiceWithMinusFiftyDepositLine_WritesBackUnchanged()
    {
        var (ledger, contactId) = await OpenAsync();
        var id = await PostAsync("invoices/invoices", "invoice", Invoice(contactId, Line("Work", "1", "200.00"), Line("Deposit received", "1", "-50.00")));
        var read = await ledger.Invoices.GetAsync(id, Ct);

        var updated = await ledger.Invoices.UpdateAsync(
            id, new InvoiceChanges { Lines = [.. read.Lines.Select(l => l.ToNewLine())], Notes = "Deposit deducted" }, Ct);

        Assert.Equal(new Money(-50m, CurrencyCode.USD), read.Lines[1].UnitPrice);
        Assert.Equal(["1", "2"], read.Lines.Select(l => l.Id));
        Assert.Equal(read.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice, l.Amount)), updated.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice, l.Amount)));
        Assert.Equal(new Money(150m, CurrencyCode.USD), updated.Total);
        Assert.Equal("Deposit deducted", updated.Notes);
    }

    [Fact]
    public async Task UpdateAsync_RebilledExpenseAndCompoundTax_KeptWhenLinesComeBackById()
    {
        var (ledger, contactId) = await OpenAsync();
        var expenseId = await ExpenseAsync(contactId);
        var rebilled = Line("Courier", "1", "30.00");
        rebilled["type"] = 1;
        rebilled["expenseid"] = expenseId;
        var id = await PostAsync("invoices/invoices", "invoice", Invoice(contactId, CompoundLine("Design", "2", "100.00"), rebilled));
        var read = await ledger.Invoices.GetAsync(id, Ct);

        // Three hours instead of two: the tax is recomputed, still compounded; the courier line stays a rebilled expense.
        var updated = await ledger.Invoices.UpdateAsync(id, new InvoiceChanges
        {
            Lines = [read.Lines[0].ToNewLine() with { Quantity = 3m }, read.Lines[1].ToNewLine() with { Description = "Same-day courier" }],
        }, Ct);
        var lines = await RawLinesAsync("invoices/invoices", "invoice", id);

        // 200 + GST 10 + QST 9.975 % of 210 (20.95) + 30 = 260.95 before; 300 + 15 + 31.42 + 30 = 376.42 after.
        Assert.Equal(new Money(260.95m, CurrencyCode.USD), read.Total);
        Assert.Equal(new Money(376.42m, CurrencyCode.USD), updated.Total);
        Assert.Equal(new Money(46.42m, CurrencyCode.USD), updated.Tax);
        Assert.Equal([true, false], lines.Select(l => l["compounded_tax"]!.GetValue<bool>()));
        Assert.Equal([0, 1], lines.Select(l => l["type"]!.GetValue<int>()));
        Assert.Equal(expenseId, lines[1]["expenseid"]!.GetValue<int>());
        Assert.Equal("Same-day courier", updated.Lines[1].Description);
    }

    [Fact]
    public async Task UpdateAsync_LineGivenWithoutId_IsANewPlainLine()
    {
        var (ledger, contactId) = await OpenAsync();
        var id = await PostAsync("invoices/invoices", "invoice", Invoice(contactId, CompoundLine("Design", "2", "100.00")));
        var read = await ledger.Invoices.GetAsync(id, Ct);

        var updated = await ledger.Invoices.UpdateAsync(id, new InvoiceChanges { Lines = [read.Lines[0].ToNewLine() with { Id = null }] }, Ct);
        var lines = await RawLinesAsync("invoices/invoices", "invoice", id);

        // Without its id the line is new: its taxes are both charged on the amount (10 + 19.95).
        Assert.False(lines[0]["compounded_tax"]!.GetValue<bool>());
        Assert.Equal(new Money(229.95m, CurrencyCode.USD), updated.Total);
    }

    [Fact]
    public async Task UpdateAsync_LineIdFreshBooksDoesNotHave_RefusedAfterOneReadAndNothingWritten()
    {
        var (ledger, contactId) = await OpenAsync();
        var id = await PostAsync("invoices/invoices", "invoice", Invoice(contactId, Line("Work", "1", "200.00")));
        fixture.Ledgers.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.UpdateAsync(id, new InvoiceChanges
        {
            Lines = [new NewInvoiceLine { Id = "7", Name = "Work", Quantity = 1m, UnitPrice = new Money(1m, CurrencyCode.USD) }],
        }, Ct));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("Lines[0].Id", "UnknownLine"), (error.Field, error.Code));
        Assert.Contains("line ids: 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("FreshBooks", refused.Provider);
        Assert.Equal(["GET"], fixture.Ledgers.RequestsTo(Accounting + "invoices").Select(r => r.Method));
    }

    [Fact]
    public async Task UpdateAsync_LinesWithoutIdsOrCurrency_OneReadForTheInvoiceCurrencyThenThePut()
    {
        var (ledger, contactId) = await OpenAsync();
        var id = await PostAsync("invoices/invoices", "invoice", Invoice(contactId, Line("Work", "1", "200.00")));
        fixture.Ledgers.Sandbox.ClearRequests();

        await ledger.Invoices.UpdateAsync(id, new InvoiceChanges
        {
            Lines = [new NewInvoiceLine { Name = "Refund", Quantity = -1m, UnitPrice = new Money(20m, CurrencyCode.USD) }, new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = new Money(200m, CurrencyCode.USD) }],
        }, Ct);

        // The read is what keeps lines priced in another currency from being relabelled as the invoice's.
        Assert.Equal(["GET", "PUT"], fixture.Ledgers.RequestsTo(Accounting + "invoices").Select(r => r.Method));
    }

    [Fact]
    public async Task UpdateAsync_EstimateAndCreditNoteCompoundTax_KeptWhenLinesComeBackById()
    {
        var (ledger, contactId) = await OpenAsync();
        var estimateId = await PostAsync("estimates/estimates", "estimate", Invoice(contactId, CompoundLine("Design", "2", "100.00"), Line("Discount", "1", "-10.00")));
        var creditId = await PostAsync("credit_notes/credit_notes", "credit_note", new JsonObject
        {
            ["clientid"] = contactId, ["create_date"] = "2025-03-10", ["currency_code"] = "USD", ["lines"] = new JsonArray(CompoundLine("Refund", "1", "100.00")),
        });
        var estimate = await ledger.Estimates.GetAsync(estimateId, Ct);
        var credit = await ledger.CreditNotes.GetAsync(creditId, Ct);

        var estimated = await ledger.Estimates.UpdateAsync(estimateId, new EstimateChanges { Lines = [.. estimate.Lines.Select(l => l.ToNewLine())], Notes = "Kept" }, Ct);
        var credited = await ledger.CreditNotes.UpdateAsync(creditId, new CreditNoteChanges { Lines = [.. credit.Lines.Select(l => l.ToNewLine())], Notes = "Kept" }, Ct);

        Assert.Equal(new Money(220.95m, CurrencyCode.USD), estimate.Total);
        Assert.Equal(estimate.Total, estimated.Total);
        Assert.Equal(new Money(-10m, CurrencyCode.USD), estimated.Lines[1].Amount);
        Assert.True((await RawLinesAsync("estimates/estimates", "estimate", estimateId))[0]["compounded_tax"]!.GetValue<bool>());
        Assert.Equal(new Money(115.47m, CurrencyCode.USD), credit.Total);
        Assert.Equal(credit.Total, credited.Total);
        Assert.True((await RawLinesAsync("credit_notes/credit_notes", "credit_note", creditId))[0]["compounded_tax"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConvertToInvoiceAsync_EstimateWithCompoundTax_InvoiceKeepsItAndTheTotal()
    {
        var (ledger, contactId) = await OpenAsync();
        var estimateId = await PostAsync("estimates/estimates", "estimate", Invoice(contactId, CompoundLine("Design", "2", "100.00"), Line("Discount", "1", "-10.00")));
        await ledger.Estimates.AcceptAsync(estimateId, Ct);

        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(estimateId, Ct);
        var lines = await RawLinesAsync("invoices/invoices", "invoice", invoice.Id);

        Assert.Equal(new Money(220.95m, CurrencyCode.USD), invoice.Total);
        Assert.Equal([true, false], lines.Select(l => l["compounded_tax"]!.GetValue<bool>()));
        Assert.Equal(new Money(-10m, CurrencyCode.USD), invoice.Lines[1].Amount);
    }

    [Fact]
    public async Task UpdateAsync_BillCompoundTaxAndRefundLine_KeptWhenLinesComeBackById()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var vendor = await ledger.Vendors.CreateAsync(new NewVendor { Name = "Lines Supply", Currency = CurrencyCode.USD }, Ct);
        var category = await CategoryAsync();
        var id = await PostAsync("bills/bills", "bill", new JsonObject
        {
            ["vendorid"] = int.Parse(vendor.Id, CultureInfo.InvariantCulture),
            ["issue_date"] = "2025-03-10",
            ["currency_code"] = "USD",
            ["lines"] = new JsonArray(
                new JsonObject
                {
                    ["categoryid"] = category, ["description"] = "Toner", ["quantity"] = "2", ["unit_cost"] = Usd("100.00"),
                    ["tax_name1"] = "GST", ["tax_percent1"] = "5", ["tax_name2"] = "QST", ["tax_percent2"] = "9.975", ["compounded_tax"] = true,
                },
                new JsonObject { ["categoryid"] = category, ["description"] = "Returned toner", ["quantity"] = "-1", ["unit_cost"] = Usd("20.00") }),
        });
        var read = await ledger.Bills.GetAsync(id, Ct);

        var updated = await ledger.Bills.UpdateAsync(id, new BillChanges { Lines = [.. read.Lines.Select(l => l.ToNewLine())] }, Ct);
        var lines = await RawLinesAsync("bills/bills", "bill", id);

        Assert.Equal(new Money(-20m, CurrencyCode.USD), read.Lines[1].Amount);
        Assert.Equal(new Money(210.95m, CurrencyCode.USD), read.Total);
        Assert.Equal(read.Total, updated.Total);
        Assert.Equal([true, false], lines.Select(l => l["compounded_tax"]!.GetValue<bool>()));
    }

    private static JsonObject Invoice(int contactId, params JsonObject[] lines) => new()
    {
        ["customerid"] = contactId,
        ["create_date"] = "2025-03-10",
        ["currency_code"] = "USD",
        ["lines"] = new JsonArray([.. lines]),
    };

    private async Task<int> ExpenseAsync(int contactId) => int.Parse(await PostAsync("expenses/expenses", "expense", new JsonObject
    {
        ["amount"] = Usd("30.00"), ["categoryid"] = await CategoryAsync(), ["clientid"] = contactId, ["date"] = "2025-03-01", ["vendor"] = "Courier Co",
    }), CultureInfo.InvariantCulture);

    private async Task<int> CategoryAsync() =>
        (await SendAsync(HttpMethod.Get, "expenses/categories", null))["categories"]![0]!["categoryid"]!.GetValue<int>();

    private async Task<string> PostAsync(string path, string key, JsonObject fields)
    {
        var result = await SendAsync(HttpMethod.Post, path, new JsonObject { [key] = fields });
        return result[key]!["id"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
    }

    private async Task<List<JsonNode>> RawLinesAsync(string path, string key, string id) =>
        [.. (await SendAsync(HttpMethod.Get, $"{path}/{id}?include[]=lines", null))[key]!["lines"]!.AsArray().Select(l => l!)];

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Ledgers.Sandbox.BaseAddress, Accounting) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Ledgers.Sandbox.IssueTokens().AccessToken);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["response"]!["result"]!;
    }
}
