using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class CreditNoteTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string Credits => f.Accounting("credit_notes/credit_notes");

    private string Invoices => f.Accounting("invoices/invoices");

    private string Payments => f.Accounting("payments/payments");

    private int NewClient(string currency = "USD") =>
        f.Sandbox.Data.AddClient(f.AccountId, "Credit Test " + Guid.NewGuid().ToString("N")[..6], currencyCode: currency);

    private static string Amount(JsonNode o, string field) => o[field]!["amount"]!.GetValue<string>();

    private async Task<JsonNode> CreateCreditAsync(int client, string unitCost = "50.00", string envelope = "credit_note")
    {
        var r = await f.PostAsync(Credits + "?include[]=lines", J.Wrap(envelope, ("clientid", client), ("credit_type", "goodwill"),
            ("create_date", "2025-02-01"), ("lines", new JsonArray(J.Obj(("name", "Refund"), ("qty", 1), ("unit_cost", J.Money(unitCost)))))));
        Assert.Equal(200, r.Status);
        return r.Result["credit_note"]!;
    }

    private async Task<JsonNode> CreateInvoiceAsync(int client, string unitCost = "80.00")
    {
        var r = await f.PostAsync(Invoices, J.Wrap("invoice", ("customerid", client), ("status", 2),
            ("lines", new JsonArray(J.Obj(("name", "Work"), ("qty", 1), ("unit_cost", J.Money(unitCost)))))));
        Assert.Equal(200, r.Status);
        return r.Result["invoice"]!;
    }

    [Fact]
    public async Task Create_SingularEnvelope_FieldsAndTotalsWithLineTaxes()
    {
        var r = await f.PostAsync(Credits, J.Wrap("credit_note", ("clientid", NewClient("CAD")), ("credit_type", "prepayment"),
            ("lines", new JsonArray(
                J.Obj(("name", "A"), ("qty", "2"), ("unit_cost", J.Money("10.00")), ("taxName1", "HST"), ("taxAmount1", "13.175")),
                J.Obj(("name", "B"), ("qty", 1), ("unit_cost", J.Money("5")))))));
        Assert.Equal(200, r.Status);
        var c = r.Result["credit_note"]!;
        Assert.Null(r.Result["credit_notes"]);
        Assert.Equal(c["id"]!.GetValue<int>(), c["creditid"]!.GetValue<int>());
        Assert.Equal("27.64", Amount(c, "amount")); // 20 + 2.635 → 2.64 tax + 5
        Assert.Equal("CAD", c["amount"]!["code"]!.GetValue<string>());
        Assert.Equal("0.00", Amount(c, "paid"));
        Assert.Equal("unpaid", c["payment_status"]!.GetValue<string>());
        Assert.Equal("prepayment", c["credit_type"]!.GetValue<string>());
        Assert.Equal("created", c["status"]!.GetValue<string>());
        Assert.Equal("created", c["display_status"]!.GetValue<string>());
        Assert.Matches("^[0-9]{7}$", c["credit_number"]!.GetValue<string>());
        Assert.Null(c["lines"]);
        var withLines = await f.GetAsync($"{Credits}/{c["id"]}?include[]=lines");
        var line = withLines.Result["credit_note"]!["lines"]![0]!;
        Assert.Equal("13.175", line["taxAmount1"]!.GetValue<string>());
        Assert.Equal(c["id"]!.GetValue<int>(), line["creditid"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_NodeSdkPluralEnvelope_IsAccepted()
    {
        var c = await CreateCreditAsync(NewClient(), envelope: "credit_notes");
        Assert.Equal("50.00", Amount(c, "amount"));
    }

    [Fact]
    public async Task Update_LinesSentBackWithIds_AreAccepted()
    {
        var c = await CreateCreditAsync(NewClient());
        var lines = c["lines"]!.DeepClone().AsArray();
        lines[0]!["id"] = c["id"]!.GetValue<int>() + "-1";
        lines.Add(J.Obj(("name", "More"), ("qty", 1), ("unit_cost", J.Money("5"))));
        var r = await f.PutAsync($"{Credits}/{c["id"]}", J.Wrap("credit_note", ("lines", lines)));
        Assert.Equal(200, r.Status);
        Assert.Equal("55.00", Amount(r.Result["credit_note"]!, "amount"));
    }

    [Fact]
    public async Task Create_BadInput_AccountingErrors()
    {
        var missing = await f.PostAsync(Credits, J.Wrap("credit_note", ("notes", "x")));
        Assert.Equal(422, missing.Status);
        Assert.Equal(1001, missing.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("clientid", missing.FirstError["field"]!.GetValue<string>());
        var badType = await f.PostAsync(Credits, J.Wrap("credit_note", ("clientid", NewClient()), ("credit_type", "gift")));
        Assert.Equal(422, badType.Status);
        var unknownClient = await f.PostAsync(Credits, J.Wrap("credit_note", ("clientid", 999999)));
        Assert.Equal(1012, unknownClient.FirstError["errno"]!.GetValue<int>());
        var noEnvelope = await f.PostAsync(Credits, J.Obj(("credit", J.Obj())));
        Assert.Equal(1001, noEnvelope.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreditPayment_SpendsCreditAndPaysInvoice()
    {
        var client = NewClient();
        var credit = await CreateCreditAsync(client);
        var invoice = await CreateInvoiceAsync(client);
        var pay = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("30.00")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal(200, pay.Status);
        Assert.Equal(credit["id"]!.GetValue<int>(), pay.Result["payment"]!["creditid"]!.GetValue<int>());
        Assert.True(pay.Result["payment"]!["from_credit"]!.GetValue<bool>());
        var c = (await f.GetAsync($"{Credits}/{credit["id"]}")).Result["credit_note"]!;
        Assert.Equal("30.00", Amount(c, "paid"));
        Assert.Equal("partial", c["payment_status"]!.GetValue<string>());
        var inv = (await f.GetAsync($"{Invoices}/{invoice["id"]}")).Result["invoice"]!;
        Assert.Equal("30.00", Amount(inv, "paid"));
        Assert.Equal("50.00", Amount(inv, "outstanding"));
        var balance = await f.GetAsync($"{f.Accounting("users/clients")}/{client}?include[]=credit_balance");
        Assert.Equal("20.00", balance.Result["client"]!["credit_balance"]![0]!["amount"]!["amount"]!.GetValue<string>());

        var rest = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("20.00")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal(200, rest.Status);
        var spent = (await f.GetAsync($"{Credits}/{credit["id"]}")).Result["credit_note"]!;
        Assert.Equal("paid", spent["payment_status"]!.GetValue<string>());

        // Deleting a credit payment gives the credit back.
        await f.PutAsync($"{Payments}/{rest.Result["payment"]!["id"]}", J.Wrap("payment", ("vis_state", 1)));
        var back = (await f.GetAsync($"{Credits}/{credit["id"]}")).Result["credit_note"]!;
        Assert.Equal("30.00", Amount(back, "paid"));
        var byCredit = await f.GetAsync($"{Payments}?search[creditid]={credit["id"]}");
        Assert.Equal(1, byCredit.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreditPayment_AboveCreditRemaining_Refused()
    {
        var client = NewClient();
        var credit = await CreateCreditAsync(client, "10.00");
        var invoice = await CreateInvoiceAsync(client);
        var r = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("10.01")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal(422, r.Status);
        Assert.Equal(1004, r.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("amount", r.FirstError["field"]!.GetValue<string>());
        Assert.Equal("0.00", Amount((await f.GetAsync($"{Invoices}/{invoice["id"]}")).Result["invoice"]!, "paid"));
    }

    [Fact]
    public async Task CreditPayment_AboveInvoiceOutstanding_Refused_AlsoOnUpdate()
    {
        var client = NewClient();
        var credit = await CreateCreditAsync(client, "500.00");
        var invoice = await CreateInvoiceAsync(client, "40.00");
        var over = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("40.01")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal(422, over.Status);
        Assert.Contains("outstanding", over.FirstError["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var ok = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("40.00")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal(200, ok.Status);
        var raise = await f.PutAsync($"{Payments}/{ok.Result["payment"]!["id"]}", J.Wrap("payment", ("amount", J.Money("41.00"))));
        Assert.Equal(422, raise.Status);
        var lower = await f.PutAsync($"{Payments}/{ok.Result["payment"]!["id"]}", J.Wrap("payment", ("amount", J.Money("15.00"))));
        Assert.Equal(200, lower.Status);
        Assert.Equal("15.00", Amount((await f.GetAsync($"{Credits}/{credit["id"]}")).Result["credit_note"]!, "paid"));
    }

    [Fact]
    public async Task CreditPayment_RestoringADeletedOne_CheckedAgainstCreditRemaining()
    {
        var client = NewClient();
        var credit = await CreateCreditAsync(client, "10.00");
        var invoice = await CreateInvoiceAsync(client);
        JsonObject Pay() => J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("10.00")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>()));
        var first = await f.PostAsync(Payments, Pay());
        var firstId = first.Result["payment"]!["id"]!.GetValue<int>();
        await f.PutAsync($"{Payments}/{firstId}", J.Wrap("payment", ("vis_state", 1)));
        Assert.Equal(200, (await f.PostAsync(Payments, Pay())).Status);
        var restore = await f.PutAsync($"{Payments}/{firstId}", J.Wrap("payment", ("vis_state", 0)));
        Assert.Equal(422, restore.Status);
        Assert.Equal("amount", restore.FirstError["field"]!.GetValue<string>());
        Assert.Equal("10.00", Amount((await f.GetAsync($"{Credits}/{credit["id"]}")).Result["credit_note"]!, "paid"));
    }

    [Fact]
    public async Task CreditPayment_WrongTypeClientOrUnknownCredit_Refused()
    {
        var client = NewClient();
        var credit = await CreateCreditAsync(client);
        var invoice = await CreateInvoiceAsync(client);
        var wrongType = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("1")),
            ("type", "Cash"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal("type", wrongType.FirstError["field"]!.GetValue<string>());
        var unknown = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("1")),
            ("type", "Credit"), ("creditid", 99999999)));
        Assert.Equal(1012, unknown.FirstError["errno"]!.GetValue<int>());
        var otherInvoice = await CreateInvoiceAsync(NewClient());
        var otherClient = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", otherInvoice["id"]!.GetValue<int>()), ("amount", J.Money("1")),
            ("type", "Credit"), ("creditid", credit["id"]!.GetValue<int>())));
        Assert.Equal("creditid", otherClient.FirstError["field"]!.GetValue<string>());
        var notNumber = await f.PostAsync(Payments, J.Wrap("payment", ("invoiceid", invoice["id"]!.GetValue<int>()), ("amount", J.Money("1")),
            ("type", "Credit"), ("creditid", "abc")));
        Assert.Equal(1015, notNumber.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_ByVisState_ReturnsFullObject_AndFilters()
    {
        var client = NewClient();
        var a = await CreateCreditAsync(client);
        var b = await CreateCreditAsync(client);
        var del = await f.PutAsync($"{Credits}/{a["id"]}", J.Wrap("credit_note", ("vis_state", 1)));
        Assert.Equal(1, del.Result["credit_note"]!["vis_state"]!.GetValue<int>());
        var listed = await f.GetAsync($"{Credits}?search[clientid]={client}");
        Assert.Equal(1, listed.Result["total"]!.GetValue<int>());
        Assert.Equal(b["id"]!.GetValue<int>(), listed.Result["credit_notes"]![0]!["creditid"]!.GetValue<int>());
        var byIds = await f.GetAsync($"{Credits}?search[creditids][]={b["id"]}&search[payment_status]=unpaid");
        Assert.Equal(1, byIds.Result["total"]!.GetValue<int>());
    }
}
