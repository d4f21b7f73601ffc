using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

public sealed class InvoiceTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private async Task<JsonNode> CreateAsync(JsonObject invoice, string query = "", string? tenant = null)
    {
        var r = await f.SendAsync(HttpMethod.Put, Api("Invoices" + query), J.Batch("Invoices", invoice), null, tenant, []);
        Assert.True(r.Status == 200, r.Raw);
        return r.First("Invoices");
    }

    private async Task<ApiResponse> SetStatusAsync(string id, string status) =>
        await f.PostAsync(Api($"Invoices/{id}"), J.Batch("Invoices", J.Obj(("InvoiceID", id), ("Status", status))));

    private static decimal D(JsonNode node, string name) => node[name]!.GetValue<decimal>();

    [Fact]
    public async Task Exclusive_TaxPerLineThenTotals()
    {
        var i = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "AUTHORISED", "Exclusive", J.Line("A", 2, 10m), J.Line("B", 1, 33.33m)));
        Assert.Equal(3.00m, D(i["LineItems"]![0]!, "TaxAmount"));
        Assert.Equal(5.00m, D(i["LineItems"]![1]!, "TaxAmount"));
        Assert.Equal(53.33m, D(i, "SubTotal"));
        Assert.Equal(8.00m, D(i, "TotalTax"));
        Assert.Equal(61.33m, D(i, "Total"));
        Assert.Equal(61.33m, D(i, "AmountDue"));
        Assert.Equal("OUTPUT2", i["LineItems"]![0]!["TaxType"]!.GetValue<string>());
        Assert.Contains("\"SubTotal\":53.33,\"TotalTax\":8.00,\"Total\":61.33", i.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inclusive_TaxExtractedFromLineAmounts()
    {
        var i = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Inclusive", J.Line("A", 1, 20m), J.Line("B", 3, 9.99m)));
        Assert.Equal(2.61m, D(i["LineItems"]![0]!, "TaxAmount"));
        Assert.Equal(3.91m, D(i["LineItems"]![1]!, "TaxAmount"));
        Assert.Equal(29.97m, D(i["LineItems"]![1]!, "LineAmount"));
        Assert.Equal(49.97m, D(i, "Total"));
        Assert.Equal(6.52m, D(i, "TotalTax"));
        Assert.Equal(43.45m, D(i, "SubTotal"));
    }

    [Fact]
    public async Task NoTax_AndSecondTenantRate()
    {
        var none = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "NoTax", J.Line("A", 1, 20m)));
        Assert.Equal(0.00m, D(none, "TotalTax"));
        Assert.Equal(20.00m, D(none, "Total"));

        var au = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("A", 1, 20m)), tenant: f.Sandbox.SecondaryTenant.TenantId.ToString());
        Assert.Equal("OUTPUT", au["LineItems"]![0]!["TaxType"]!.GetValue<string>());
        Assert.Equal(2.00m, D(au, "TotalTax"));
        Assert.Equal("AUD", au["CurrencyCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rounding_IsPerLine()
    {
        var i = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("A", 1, 0.10m), J.Line("B", 1, 0.10m), J.Line("C", 1, 0.10m)));
        Assert.Equal(0.06m, D(i, "TotalTax")); // 3 × round(0.015) — not round(0.045)
    }

    [Fact]
    public async Task Discount_OnSalesInvoice_RefusedOnBill()
    {
        var line = J.Line("Discounted", 4, 25m);
        line["DiscountRate"] = 10;
        var i = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", line));
        Assert.Equal(90.00m, D(i["LineItems"]![0]!, "LineAmount"));
        Assert.Equal(13.50m, D(i, "TotalTax"));
        Assert.Equal(10.00m, D(i, "TotalDiscount"));
        Assert.True(i["IsDiscounted"]!.GetValue<bool>());

        var bill = J.Line("Discounted", 4, 25m, "429");
        bill["DiscountRate"] = 10;
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCPAY", "PowerDirect", "DRAFT", "Exclusive", bill)));
        Assert.Equal(400, r.Status);
        Assert.Equal("Discounts can only be applied to sales invoices (ACCREC).", r.FirstValidationMessage);
    }

    [Fact]
    public async Task Unitdp4_KeepsFourDecimalsOnlyWhenAsked()
    {
        var four = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("Tiny", 3, 1.23456m)), "?unitdp=4");
        Assert.Equal(1.2346m, D(four["LineItems"]![0]!, "UnitAmount"));
        Assert.Equal(3.70m, D(four["LineItems"]![0]!, "LineAmount"));
        var id = four["InvoiceID"]!.GetValue<string>();
        Assert.Equal(1.23m, D((await f.GetAsync(Api($"Invoices/{id}"))).First("Invoices")["LineItems"]![0]!, "UnitAmount"));
        Assert.Equal(1.2346m, D((await f.GetAsync(Api($"Invoices/{id}?unitdp=4"))).First("Invoices")["LineItems"]![0]!, "UnitAmount"));

        var two = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("Tiny", 3, 1.23456m)));
        Assert.Equal(3.69m, D(two["LineItems"]![0]!, "LineAmount"));
    }

    [Fact]
    public async Task Dates_AreMsJsonDatesOfTheCalendarDay()
    {
        var i = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("A", 1, 1m)));
        Assert.Equal("/Date(1793491200000+0000)/", i["Date"]!.GetValue<string>());
        Assert.Equal("2026-11-01T00:00:00", i["DateString"]!.GetValue<string>());
        Assert.Equal("2026-12-01T00:00:00", i["DueDateString"]!.GetValue<string>());
        var ms = J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("A", 1, 1m));
        ms["Date"] = "/Date(1793491200000+0000)/";
        Assert.Equal("2026-11-01T00:00:00", (await CreateAsync(ms))["DateString"]!.GetValue<string>());
    }

    [Fact]
    public async Task Numbers_AutoAssignedAndUniqueForSales()
    {
        var a = await CreateAsync(J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("A", 1, 1m)));
        Assert.Matches(@"^INV-\d{4}$", a["InvoiceNumber"]!.GetValue<string>());
        var dup = J.Invoice("ACCREC", "Ridgeway University", "DRAFT", "Exclusive", J.Line("A", 1, 1m));
        dup["InvoiceNumber"] = a["InvoiceNumber"]!.GetValue<string>();
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", dup));
        Assert.Equal(400, r.Status);
        Assert.Equal("Invoice # must be unique.", r.FirstValidationMessage);

        var bill1 = J.Invoice("ACCPAY", "PowerDirect", "DRAFT", "Exclusive", J.Line("A", 1, 1m, "429"));
        bill1["InvoiceNumber"] = "SUP-1";
        await CreateAsync(bill1);
        var bill2 = J.Invoice("ACCPAY", "PowerDirect", "DRAFT", "Exclusive", J.Line("A", 1, 1m, "429"));
        bill2["InvoiceNumber"] = "SUP-1";
        await CreateAsync(bill2);
    }

    [Fact]
    public async Task UnknownContactName_CreatesTheContactAndMarksItCustomer()
    {
        var i = await CreateAsync(J.Invoice("ACCREC", "Brand New Customer", "DRAFT", "Exclusive", J.Line("A", 1, 1m)));
        var contact = (await f.GetAsync(Api($"Contacts/{i["Contact"]!["ContactID"]}"))).First("Contacts");
        Assert.Equal("Brand New Customer", contact["Name"]!.GetValue<string>());
        Assert.True(contact["IsCustomer"]!.GetValue<bool>());

        var bill = await CreateAsync(J.Invoice("ACCPAY", "Brand New Customer", "DRAFT", "Exclusive", J.Line("A", 1, 1m, "429")));
        Assert.Equal(i["Contact"]!["ContactID"]!.GetValue<string>(), bill["Contact"]!["ContactID"]!.GetValue<string>());
        Assert.True((await f.GetAsync(Api($"Contacts/{bill["Contact"]!["ContactID"]}"))).First("Contacts")["IsSupplier"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Statuses_DraftToAuthorisedToVoided_DeletedOnlyFromDraft()
    {
        var draft = await CreateAsync(J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("A", 1, 10m)));
        var id = draft["InvoiceID"]!.GetValue<string>();
        Assert.Equal("SUBMITTED", (await SetStatusAsync(id, "SUBMITTED")).First("Invoices")["Status"]!.GetValue<string>());
        Assert.Equal("AUTHORISED", (await SetStatusAsync(id, "AUTHORISED")).First("Invoices")["Status"]!.GetValue<string>());

        var back = await SetStatusAsync(id, "DRAFT");
        Assert.Equal(400, back.Status);
        var delete = await SetStatusAsync(id, "DELETED");
        Assert.Equal(400, delete.Status);
        Assert.StartsWith("Only DRAFT or SUBMITTED invoices can be deleted", delete.FirstValidationMessage, StringComparison.Ordinal);

        var voided = await SetStatusAsync(id, "VOIDED");
        Assert.Equal("VOIDED", voided.First("Invoices")["Status"]!.GetValue<string>());
        Assert.Equal(0.00m, D(voided.First("Invoices"), "AmountDue"));
        var edit = await f.PostAsync(Api($"Invoices/{id}"), J.Batch("Invoices", J.Obj(("Reference", "too late"))));
        Assert.Equal(400, edit.Status);
        Assert.Equal("Invoice not of valid status for modification", edit.FirstValidationMessage);

        var other = await CreateAsync(J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("A", 1, 10m)));
        var otherId = other["InvoiceID"]!.GetValue<string>();
        Assert.Equal(400, (await SetStatusAsync(otherId, "VOIDED")).Status);
        Assert.Equal("DELETED", (await SetStatusAsync(otherId, "DELETED")).First("Invoices")["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_AsPaidOrVoided_Refused_ApprovalNeedsAccountCodes()
    {
        var paid = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "PAID", "Exclusive", J.Line("A", 1, 10m))));
        Assert.Equal(400, paid.Status);
        var noAccount = J.Obj(("Description", "No account"), ("Quantity", 1), ("UnitAmount", 5));
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "AUTHORISED", "Exclusive", noAccount)));
        Assert.Equal(400, r.Status);
        Assert.StartsWith("Account code must be specified", r.FirstValidationMessage, StringComparison.Ordinal);
        // A draft may leave it out.
        await CreateAsync(J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", noAccount.DeepClone()));
    }

    [Theory]
    [InlineData("999", null, "Account code '999' is not a valid code for this document.")]
    [InlineData("200", "INPUT2", "The TaxType code 'INPUT2' does not exist or cannot be used with this type of transaction.")]
    [InlineData("200", "OUTPUT", "The TaxType code 'OUTPUT' does not exist or cannot be used with this type of transaction.")]
    public async Task LineReferences_Validated(string account, string? taxType, string message)
    {
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("A", 1, 1m, account, taxType))));
        Assert.Equal(400, r.Status);
        Assert.Equal(message, r.FirstValidationMessage);
    }

    [Fact]
    public async Task MissingContactAndType_Validated()
    {
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Obj(("LineItems", J.Arr(J.Line("A", 1, 1m))))));
        Assert.Equal(400, r.Status);
        var messages = r.Body["Elements"]![0]!["ValidationErrors"]!.AsArray().Select(e => e!["Message"]!.GetValue<string>()).ToList();
        Assert.Contains("Invoice Type must be specified.", messages);
        Assert.Contains("The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber", messages);
    }

    [Fact]
    public async Task Update_ReplacesLinesAndRecomputes()
    {
        var i = await CreateAsync(J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("A", 1, 10m), J.Line("B", 1, 20m)));
        var id = i["InvoiceID"]!.GetValue<string>();
        var keep = i["LineItems"]![0]!["LineItemID"]!.GetValue<string>();
        var line = J.Line("A again", 2, 10m);
        line["LineItemID"] = keep;
        var updated = (await f.PostAsync(Api($"Invoices/{id}"), J.Batch("Invoices", J.Obj(("LineItems", J.Arr(line)), ("LineAmountTypes", "Inclusive"))))).First("Invoices");
        Assert.Single(updated["LineItems"]!.AsArray());
        Assert.Equal(keep, updated["LineItems"]![0]!["LineItemID"]!.GetValue<string>());
        Assert.Equal(20.00m, D(updated, "Total"));
        Assert.Equal(2.61m, D(updated, "TotalTax"));
    }

    [Fact]
    public async Task List_UnpagedHasNoLines_PagedHasLines_FiltersApply()
    {
        var unpaged = await f.GetAsync(Api("Invoices"));
        Assert.All(unpaged.Body["Invoices"]!.AsArray(), i => Assert.Empty(i!["LineItems"]!.AsArray()));
        Assert.Null(unpaged.Body["pagination"]);
        var paged = await f.GetAsync(Api("Invoices?page=1"));
        Assert.NotEmpty(paged.First("Invoices")["LineItems"]!.AsArray());
        Assert.NotNull(paged.Body["pagination"]);

        var statuses = await f.GetAsync(Api("Invoices?Statuses=DRAFT,PAID&page=1"));
        Assert.All(statuses.Body["Invoices"]!.AsArray(), i => Assert.Contains(i!["Status"]!.GetValue<string>(), new[] { "DRAFT", "PAID" }));
        Assert.Contains(statuses.Body["Invoices"]!.AsArray(), i => i!["Status"]!.GetValue<string>() == "PAID");

        var bills = await f.GetAsync(Api("Invoices?where=" + Uri.EscapeDataString("Type==\"ACCPAY\" AND AmountDue > 0")));
        Assert.All(bills.Body["Invoices"]!.AsArray(), i => Assert.Equal("ACCPAY", i!["Type"]!.GetValue<string>()));
        Assert.NotEmpty(bills.Body["Invoices"]!.AsArray());

        await CreateAsync(J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("Small", 1, 5m)));
        await CreateAsync(J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("Large", 1, 500m)));
        var dated = await f.GetAsync(Api("Invoices?where=" + Uri.EscapeDataString("Date >= DateTime(2026, 11, 01) && Date < DateTime(2026, 11, 02)") + "&order=Total%20DESC"));
        var totals = dated.Body["Invoices"]!.AsArray().Select(i => D(i!, "Total")).ToList();
        Assert.True(totals.Count >= 2);
        Assert.Equal(totals.OrderByDescending(t => t), totals);

        var number = paged.First("Invoices")["InvoiceNumber"]!.GetValue<string>();
        Assert.Equal(number, (await f.GetAsync(Api($"Invoices/{number}"))).First("Invoices")["InvoiceNumber"]!.GetValue<string>());
        Assert.Single((await f.GetAsync(Api($"Invoices?InvoiceNumbers={number}"))).Body["Invoices"]!.AsArray());
    }
}
