using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Sandbox.Tests.Support;

namespace Ledgerline.FreshBooks.Sandbox.Tests.Accounting;

public sealed class BillTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private string Vendors => f.Accounting("bill_vendors/bill_vendors");

    private string Bills => f.Accounting("bills/bills");

    private string BillPayments => f.Accounting("bill_payments/bill_payments");

    private static string Amount(JsonNode o, string field) => o[field]!["amount"]!.GetValue<string>();

    private async Task<int> CategoryAsync() =>
        (await f.GetAsync(f.Accounting("expenses/categories"))).Result["categories"]![0]!["categoryid"]!.GetValue<int>();

    private async Task<int> VendorAsync(string currency = "USD")
    {
        var r = await f.PostAsync(Vendors, J.Wrap("bill_vendor", ("vendor_name", "Paper Co " + Guid.NewGuid().ToString("N")[..6]),
            ("currency_code", currency), ("is_1099", false)));
        Assert.Equal(200, r.Status);
        return r.Result["bill_vendor"]!["vendorid"]!.GetValue<int>();
    }

    private async Task<JsonNode> BillAsync(int vendor, string issueDate = "2020-10-09", int offset = 39, JsonArray? lines = null)
    {
        var category = await CategoryAsync();
        lines ??=
        [
            J.Obj(("categoryid", category.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("description", "Toner"),
                ("quantity", 1), ("unit_cost", J.Money("125", "USD"))),
            J.Obj(("categoryid", category), ("description", "Paper"), ("quantity", 2), ("unit_cost", J.Money("125", "USD"))),
        ];
        var r = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", vendor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("bill_number", null), ("issue_date", issueDate), ("due_offset_days", offset), ("language", "en"), ("lines", lines), ("attachment", null)));
        Assert.Equal(200, r.Status);
        return r.Result["bill"]!;
    }

    [Fact]
    public async Task Vendor_CreateHasVendorIdOnly_UtcStamps_TaxDefaults()
    {
        var taxes = await f.GetAsync(f.Accounting("taxes/taxes"));
        var taxId = taxes.Result["taxes"]![0]!["taxid"]!.GetValue<int>();
        var r = await f.PostAsync(Vendors, J.Wrap("bill_vendor", ("vendor_name", "Ink Inc"), ("primary_contact_email", "a@ink.test"),
            ("currency_code", "CAD"), ("tax_defaults", new JsonArray(J.Obj(("taxid", taxId), ("enabled", true)))), ("primary_contact", null)));
        Assert.Equal(200, r.Status);
        var v = r.Result["bill_vendor"]!;
        Assert.Null(v["id"]);
        Assert.True(v["vendorid"]!.GetValue<int>() > 0);
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$", v["created_at"]!.GetValue<string>());
        Assert.Equal(taxId, v["tax_defaults"]![0]!["taxid"]!.GetValue<int>());
        Assert.Empty(v["outstanding_balance"]!.AsArray());
        var missing = await f.PostAsync(Vendors, J.Wrap("bill_vendor", ("phone", "555")));
        Assert.Equal(1001, missing.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("vendor_name", missing.FirstError["field"]!.GetValue<string>());
        var badTax = await f.PostAsync(Vendors, J.Wrap("bill_vendor", ("vendor_name", "X"), ("tax_defaults", new JsonArray(J.Obj(("taxid", 1))))));
        Assert.Equal(1012, badTax.FirstError["errno"]!.GetValue<int>());
        var del = await f.PutAsync($"{Vendors}/{v["vendorid"]}", J.Wrap("bill_vendor", ("vis_state", 1)));
        Assert.Equal(1, del.Result["bill_vendor"]!["vis_state"]!.GetValue<int>());
        var notFound = await f.GetAsync($"{Vendors}/99999999");
        Assert.Equal("vendorid", notFound.FirstError["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bill_Create_MatchesRecordedTotalsAndDueDate()
    {
        var bill = await BillAsync(await VendorAsync());
        Assert.Equal("375.00", Amount(bill, "amount"));
        Assert.Equal("375.00", Amount(bill, "total_amount"));
        Assert.Equal("375.00", Amount(bill, "outstanding"));
        Assert.Equal("0.00", Amount(bill, "paid"));
        Assert.Equal("0.00", Amount(bill, "tax_amount"));
        Assert.Equal("2020-11-17", bill["due_date"]!.GetValue<string>());
        Assert.Equal("overdue", bill["status"]!.GetValue<string>()); // 2020 is long past on the sandbox clock
        var lines = bill["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.Equal(2, lines[1]!["list_index"]!.GetValue<int>());
        Assert.Equal("2", lines[1]!["quantity"]!.GetValue<string>());
        Assert.Equal("250.00", Amount(lines[1]!, "amount"));
        Assert.NotNull(lines[0]!["category"]!["categoryid"]);
        Assert.Equal("Toner", bill["overall_description"]!.GetValue<string>());
        Assert.Empty(bill["bill_payments"]!.AsArray());
        Assert.NotNull(bill["vendor"]!["vendor_name"]);
    }

    [Fact]
    public async Task Bill_LineTaxes_ComputedPerLine_TotalIncludesTax()
    {
        var category = await CategoryAsync();
        var bill = await BillAsync(await VendorAsync(), "2099-01-01", 0, [
            J.Obj(("categoryid", category), ("quantity", "3"), ("unit_cost", J.Money("10.05")), ("tax_name1", "HST"), ("tax_percent1", "13"),
                ("tax_name2", "PST"), ("tax_percent2", 7), ("compounded_tax", true)),
        ]);
        var line = bill["lines"]![0]!;
        Assert.Equal("30.15", Amount(line, "amount"));
        Assert.Equal("3.92", Amount(line, "tax_amount1"));   // 3.9195
        Assert.Equal("2.38", Amount(line, "tax_amount2"));   // (30.15 + 3.92) × 7 % = 2.3849
        Assert.Equal("36.45", Amount(line, "total_amount"));
        Assert.Equal("30.15", Amount(bill, "amount"));
        Assert.Equal("6.30", Amount(bill, "tax_amount"));
        Assert.Equal("36.45", Amount(bill, "total_amount"));
        Assert.Equal("unpaid", bill["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bill_BadInput_Refused()
    {
        var vendor = await VendorAsync();
        var missing = await f.PostAsync(Bills, J.Wrap("bill", ("bill_number", "B-1")));
        Assert.Equal(422, missing.Status);
        Assert.Equal(3, missing.Body["response"]!["errors"]!.AsArray().Count);
        var unknownVendor = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", 99999999), ("issue_date", "2025-01-01"),
            ("lines", new JsonArray(J.Obj(("categoryid", await CategoryAsync()), ("unit_cost", J.Money("1")))))));
        Assert.Equal(1012, unknownVendor.FirstError["errno"]!.GetValue<int>());
        var noCategory = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", vendor), ("issue_date", "2025-01-01"),
            ("lines", new JsonArray(J.Obj(("unit_cost", J.Money("1")))))));
        Assert.Equal("lines[0].categoryid", noCategory.FirstError["field"]!.GetValue<string>());
        var badCategory = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", vendor), ("issue_date", "2025-01-01"),
            ("lines", new JsonArray(J.Obj(("categoryid", 1), ("unit_cost", J.Money("1")))))));
        Assert.Equal(1012, badCategory.FirstError["errno"]!.GetValue<int>());
        var badPercent = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", vendor), ("issue_date", "2025-01-01"),
            ("lines", new JsonArray(J.Obj(("categoryid", await CategoryAsync()), ("tax_percent1", "x"))))));
        Assert.Equal(1018, badPercent.FirstError["errno"]!.GetValue<int>());
        var farDue = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", vendor), ("issue_date", "9999-12-31"), ("due_offset_days", 30),
            ("lines", new JsonArray(J.Obj(("categoryid", await CategoryAsync()))))));
        Assert.Equal(422, farDue.Status);
        Assert.Equal("due_offset_days", farDue.FirstError["field"]!.GetValue<string>());
        var badDate = await f.PostAsync(Bills, J.Wrap("bill", ("vendorid", vendor), ("issue_date", "09/10/2020"), ("lines", new JsonArray())));
        Assert.Equal(1033, badDate.FirstError["errno"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bill_ArchiveDeleteAndFilters()
    {
        var vendor = await VendorAsync();
        var a = await BillAsync(vendor, "2024-03-01");
        var b = await BillAsync(vendor, "2024-06-01");
        var c = await BillAsync(vendor, "2024-09-01");
        var archived = await f.PutAsync($"{Bills}/{a["id"]}", J.Wrap("bill", ("vis_state", 2)));
        Assert.Equal(2, archived.Result["bill"]!["vis_state"]!.GetValue<int>());
        var deleted = await f.PutAsync($"{Bills}/{c["id"]}", J.Wrap("bill", ("vis_state", 1)));
        Assert.Equal(1, deleted.Result["bill"]!["vis_state"]!.GetValue<int>());
        var byVendor = await f.GetAsync($"{Bills}?search[vendorid]={vendor}");
        Assert.Equal(2, byVendor.Result["total"]!.GetValue<int>());
        var byDate = await f.GetAsync($"{Bills}?search[vendorid]={vendor}&search[issue_date_min]=2024-05-01&search[issue_date_max]=2024-12-31");
        Assert.Equal(b["id"]!.GetValue<int>(), byDate.Result["bills"]![0]!["id"]!.GetValue<int>());
        Assert.Equal(1, byDate.Result["total"]!.GetValue<int>());
        var byIds = await f.GetAsync($"{Bills}?search[ids][]={a["id"]}&search[ids][]={b["id"]}");
        Assert.Equal(2, byIds.Result["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task BillPayments_MovePaidOutstandingStatus_RefuseOverpayment()
    {
        var vendor = await VendorAsync();
        var bill = await BillAsync(vendor, "2099-01-01");
        var billId = bill["id"]!.GetValue<int>();
        var first = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", billId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("amount", J.Money("100", "USD")), ("payment_type", "Check"), ("paid_date", "2099-01-05"), ("note", "")));
        Assert.Equal(200, first.Status);
        var payment = first.Result["bill_payment"]!;
        Assert.Equal("100.00", Amount(payment, "amount"));
        Assert.Equal(billId, payment["billid"]!.GetValue<int>());
        Assert.False(payment["matched_with_expense"]!.GetValue<bool>());
        var partial = (await f.GetAsync($"{Bills}/{billId}")).Result["bill"]!;
        Assert.Equal("partial", partial["status"]!.GetValue<string>());
        Assert.Equal("100.00", Amount(partial, "paid"));
        Assert.Equal("275.00", Amount(partial, "outstanding"));
        Assert.Single(partial["bill_payments"]!.AsArray());
        var vendorBalance = (await f.GetAsync($"{Vendors}/{vendor}")).Result["bill_vendor"]!;
        Assert.Equal("275.00", vendorBalance["outstanding_balance"]![0]!["amount"]!["amount"]!.GetValue<string>());

        var over = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", billId), ("amount", J.Money("275.01"))));
        Assert.Equal(422, over.Status);
        Assert.Equal(1004, over.FirstError["errno"]!.GetValue<int>());
        Assert.Equal("amount", over.FirstError["field"]!.GetValue<string>());

        var edited = await f.PutAsync($"{BillPayments}/{payment["id"]}", J.Wrap("bill_payment", ("amount", J.Money("375")), ("note", "all")));
        Assert.Equal(200, edited.Status);
        var paid = (await f.GetAsync($"{Bills}/{billId}")).Result["bill"]!;
        Assert.Equal("paid", paid["status"]!.GetValue<string>());
        Assert.Equal("0.00", Amount(paid, "outstanding"));

        var del = await f.PutAsync($"{BillPayments}/{payment["id"]}", J.Wrap("bill_payment", ("vis_state", 1)));
        Assert.Equal(1, del.Result["bill_payment"]!["vis_state"]!.GetValue<int>());
        var unpaid = (await f.GetAsync($"{Bills}/{billId}")).Result["bill"]!;
        Assert.Equal("unpaid", unpaid["status"]!.GetValue<string>());
        Assert.Empty(unpaid["bill_payments"]!.AsArray());
    }

    [Fact]
    public async Task BillPayments_RestoringADeletedPayment_CheckedAgainstOutstanding()
    {
        var bill = await BillAsync(await VendorAsync(), "2099-01-01");
        var billId = bill["id"]!.GetValue<int>();
        var first = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", billId), ("amount", J.Money("300"))));
        var firstId = first.Result["bill_payment"]!["id"]!.GetValue<int>();
        await f.PutAsync($"{BillPayments}/{firstId}", J.Wrap("bill_payment", ("vis_state", 1)));
        var second = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", billId), ("amount", J.Money("375"))));
        Assert.Equal(200, second.Status);
        var restore = await f.PutAsync($"{BillPayments}/{firstId}", J.Wrap("bill_payment", ("vis_state", 0)));
        Assert.Equal(422, restore.Status);
        Assert.Equal(1004, restore.FirstError["errno"]!.GetValue<int>());
        Assert.Equal(1, (await f.GetAsync($"{BillPayments}/{firstId}")).Result["bill_payment"]!["vis_state"]!.GetValue<int>());
        Assert.Equal("375.00", Amount((await f.GetAsync($"{Bills}/{billId}")).Result["bill"]!, "paid"));
    }

    [Fact]
    public async Task BillPayments_BadInput_Refused()
    {
        var bill = await BillAsync(await VendorAsync(), "2099-01-01");
        var noBill = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("amount", J.Money("1"))));
        Assert.Equal(1001, noBill.FirstError["errno"]!.GetValue<int>());
        var unknown = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", 99999999), ("amount", J.Money("1"))));
        Assert.Equal(1012, unknown.FirstError["errno"]!.GetValue<int>());
        var badType = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", bill["id"]!.GetValue<int>()), ("amount", J.Money("1")), ("payment_type", "Barter")));
        Assert.Equal("payment_type", badType.FirstError["field"]!.GetValue<string>());
        var zero = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", bill["id"]!.GetValue<int>()), ("amount", J.Money("0"))));
        Assert.Equal(422, zero.Status);
        var otherCurrency = await f.PostAsync(BillPayments, J.Wrap("bill_payment", ("billid", bill["id"]!.GetValue<int>()), ("amount", J.Money("1", "EUR"))));
        Assert.Equal(422, otherCurrency.Status);
        var noScope = await f.GetAsync(BillPayments, f.Sandbox.IssueTokens(["user:bills:read"]).AccessToken);
        Assert.Equal(403, noScope.Status);
    }
}
