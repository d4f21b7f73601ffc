using System.Globalization;
using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

/// <summary>Credit notes and their allocations: totals, statuses, paging, and what Xero refuses when credit is applied.</summary>
public sealed class CreditNoteTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private static decimal D(JsonNode node, string name) => node[name]!.GetValue<decimal>();

    private static string S(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static JsonObject Note(string contact, string status, string lineAmountTypes, params JsonNode[] lines) =>
        J.Obj(("Type", "ACCRECCREDIT"), ("Contact", J.Obj(("Name", contact))), ("Status", status), ("LineAmountTypes", lineAmountTypes),
            ("Date", "2026-11-01"), ("LineItems", new JsonArray(lines)));

    private static JsonObject Allocation(string invoiceId, decimal amount, string? date = "2026-11-02") =>
        date is null
            ? J.Obj(("Invoice", J.Obj(("InvoiceID", invoiceId))), ("Amount", amount))
            : J.Obj(("Invoice", J.Obj(("InvoiceID", invoiceId))), ("Amount", amount), ("Date", date));

    private async Task<JsonNode> CreateAsync(JsonObject note)
    {
        var r = await f.PutAsync(Api("CreditNotes"), J.Batch("CreditNotes", note));
        Assert.True(r.Status == 200, r.Raw);
        return r.First("CreditNotes");
    }

    private async Task<JsonNode> InvoiceAsync(string contact, decimal amount, string status = "AUTHORISED", string type = "ACCREC")
    {
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices",
            J.Invoice(type, contact, status, "NoTax", J.Line("Work", 1, amount, type == "ACCREC" ? "200" : "429"))));
        Assert.True(r.Status == 200, r.Raw);
        return r.First("Invoices");
    }

    private Task<ApiResponse> AllocateAsync(string creditNoteId, params JsonNode[] allocations) =>
        f.PutAsync(Api($"CreditNotes/{creditNoteId}/Allocations"), J.Batch("Allocations", allocations));

    private async Task<JsonNode> GetAsync(string resource, string id) => (await f.GetAsync(Api($"{resource}/{id}"))).First(resource);

    [Fact]
    public async Task Create_ComputesTotalsNumbersAndTheWholeCreditRemains()
    {
        var exclusive = await CreateAsync(Note("Credit Totals Ltd", "AUTHORISED", "Exclusive", J.Line("Refund", 2, 10m), J.Line("Fee", 1, 33.33m)));
        var inclusive = await CreateAsync(Note("Credit Totals Ltd", "DRAFT", "Inclusive", J.Line("Refund", 1, 20m)));

        Assert.Equal(("ACCRECCREDIT", "AUTHORISED"), (S(exclusive, "Type"), S(exclusive, "Status")));
        Assert.Matches(@"^CN-\d{4}$", S(exclusive, "CreditNoteNumber"));
        Assert.Equal((53.33m, 8.00m, 61.33m, 61.33m), (D(exclusive, "SubTotal"), D(exclusive, "TotalTax"), D(exclusive, "Total"), D(exclusive, "RemainingCredit")));
        Assert.Equal("OUTPUT2", S(exclusive["LineItems"]![0]!, "TaxType"));
        Assert.Empty(exclusive["Allocations"]!.AsArray());
        Assert.Equal((17.39m, 2.61m, 20.00m), (D(inclusive, "SubTotal"), D(inclusive, "TotalTax"), D(inclusive, "Total")));
        Assert.Equal("DRAFT", S(inclusive, "Status"));
    }

    [Fact]
    public async Task Create_WhatXeroRefuses_IsAValidationException()
    {
        var discounted = J.Line("Refund", 1, 10m);
        discounted["DiscountRate"] = 10;
        var discount = await f.PutAsync(Api("CreditNotes"), J.Batch("CreditNotes", Note("Credit Refusals Ltd", "DRAFT", "Exclusive", discounted)));
        var untyped = await f.PutAsync(Api("CreditNotes"), J.Batch("CreditNotes", J.Obj(("Contact", J.Obj(("Name", "Credit Refusals Ltd"))), ("LineItems", J.Arr(J.Line("A", 1, 1m))))));
        var expenseTax = await f.PutAsync(Api("CreditNotes"), J.Batch("CreditNotes", Note("Credit Refusals Ltd", "DRAFT", "Exclusive", J.Line("A", 1, 1m, "200", "INPUT2"))));
        var asPaid = await f.PutAsync(Api("CreditNotes"), J.Batch("CreditNotes", Note("Credit Refusals Ltd", "PAID", "Exclusive", J.Line("A", 1, 1m))));

        Assert.Equal((400, "ValidationException"), (discount.Status, S(discount.Body, "Type")));
        Assert.Equal("Discounts can only be applied to sales invoices (ACCREC).", discount.FirstValidationMessage);
        Assert.Equal("Credit Note Type must be specified.", untyped.FirstValidationMessage);
        Assert.StartsWith("The TaxType code 'INPUT2'", expenseTax.FirstValidationMessage, StringComparison.Ordinal);
        Assert.Equal(400, asPaid.Status);
    }

    [Fact]
    public async Task SupplierCredit_TakesExpenseTaxAndAllocatesOnlyToBills()
    {
        var note = J.Obj(("Type", "ACCPAYCREDIT"), ("Contact", J.Obj(("Name", "Supplier Credit Ltd"))), ("Status", "AUTHORISED"),
            ("Date", "2026-11-01"), ("LineItems", J.Arr(J.Line("Returned goods", 1, 10m, "429"))));
        var credit = await CreateAsync(note);
        var bill = await InvoiceAsync("Supplier Credit Ltd", 50m, type: "ACCPAY");
        var sale = await InvoiceAsync("Supplier Credit Ltd", 50m);

        var wrong = await AllocateAsync(S(credit, "CreditNoteID"), Allocation(S(sale, "InvoiceID"), 5m));
        var right = await AllocateAsync(S(credit, "CreditNoteID"), Allocation(S(bill, "InvoiceID"), 5m));

        Assert.Equal("INPUT2", S(credit["LineItems"]![0]!, "TaxType"));
        Assert.Null(credit["CreditNoteNumber"]);
        Assert.Equal("Credit Note cannot be allocated to an incorrect invoice type", wrong.FirstValidationMessage);
        Assert.Equal(200, right.Status);
        Assert.Equal(45.00m, D(await GetAsync("Invoices", S(bill, "InvoiceID")), "AmountDue"));
    }

    [Fact]
    public async Task Allocate_MovesInvoiceAndCreditTogether_UntilBothArePaid()
    {
        var credit = await CreateAsync(Note("Allocation Ltd", "AUTHORISED", "NoTax", J.Line("Credit", 1, 30m)));
        var invoice = await InvoiceAsync("Allocation Ltd", 100m);
        var small = await InvoiceAsync("Allocation Ltd", 10m);
        var creditId = S(credit, "CreditNoteID");

        var first = await AllocateAsync(creditId, Allocation(S(invoice, "InvoiceID"), 20m));
        var partly = await GetAsync("Invoices", S(invoice, "InvoiceID"));
        var afterFirst = await GetAsync("CreditNotes", creditId);
        var second = await AllocateAsync(creditId, Allocation(S(small, "InvoiceID"), 10m, date: null));
        var paidInvoice = await GetAsync("Invoices", S(small, "InvoiceID"));
        var used = await GetAsync("CreditNotes", creditId);

        var allocation = first.First("Allocations");
        Assert.Equal((20.00m, S(invoice, "InvoiceID"), creditId), (D(allocation, "Amount"), S(allocation["Invoice"]!, "InvoiceID"), S(allocation["CreditNote"]!, "CreditNoteID")));
        Assert.Equal((20.00m, 80.00m, "AUTHORISED"), (D(partly, "AmountCredited"), D(partly, "AmountDue"), S(partly, "Status")));
        Assert.Equal((creditId, 20.00m), (S(partly["CreditNotes"]![0]!, "CreditNoteID"), D(partly["CreditNotes"]![0]!, "AppliedAmount")));
        Assert.Equal((10.00m, "AUTHORISED"), (D(afterFirst, "RemainingCredit"), S(afterFirst, "Status")));
        Assert.Equal(200, second.Status);
        Assert.Equal(("/Date(1793491200000+0000)/", "PAID", 0.00m), (S(second.First("Allocations"), "Date"), S(paidInvoice, "Status"), D(paidInvoice, "AmountDue")));
        Assert.Equal(("PAID", 0.00m, 2), (S(used, "Status"), D(used, "RemainingCredit"), used["Allocations"]!.AsArray().Count));
        Assert.NotNull(used["FullyPaidOnDate"]);
    }

    [Fact]
    public async Task Allocate_WhatXeroRefuses_ChangesNothing()
    {
        var credit = await CreateAsync(Note("Refused Allocation Ltd", "AUTHORISED", "NoTax", J.Line("Credit", 1, 30m)));
        var draftCredit = await CreateAsync(Note("Refused Allocation Ltd", "DRAFT", "NoTax", J.Line("Credit", 1, 30m)));
        var invoice = await InvoiceAsync("Refused Allocation Ltd", 50m);
        var small = await InvoiceAsync("Refused Allocation Ltd", 20m);
        var draft = await InvoiceAsync("Refused Allocation Ltd", 20m, status: "DRAFT");
        var otherContact = await InvoiceAsync("Someone Else Ltd", 50m);
        var dollars = J.Invoice("ACCREC", "Refused Allocation Ltd", "AUTHORISED", "NoTax", J.Line("Work", 1, 50m));
        dollars["CurrencyCode"] = "USD";
        var usd = (await f.PutAsync(Api("Invoices"), J.Batch("Invoices", dollars))).First("Invoices");
        var paid = await InvoiceAsync("Refused Allocation Ltd", 5m);
        var payment = await f.PutAsync(Api("Payments"), J.Batch("Payments",
            J.Obj(("Invoice", J.Obj(("InvoiceID", S(paid, "InvoiceID")))), ("Account", J.Obj(("Code", "090"))), ("Amount", 5m))));
        Assert.Equal(200, payment.Status);
        var creditId = S(credit, "CreditNoteID");

        async Task<string> Refused(JsonNode allocation, string? id = null)
        {
            var r = await AllocateAsync(id ?? creditId, allocation);
            Assert.Equal(400, r.Status);
            Assert.Equal("ValidationException", S(r.Body, "Type"));
            return r.FirstValidationMessage;
        }

        Assert.Equal("The amount allocated exceeds the remaining credit on the credit note.", await Refused(Allocation(S(invoice, "InvoiceID"), 30.01m)));
        Assert.Equal("Credit Note cannot be allocated as amount is greater than amount outstanding", await Refused(Allocation(S(small, "InvoiceID"), 20.01m)));
        Assert.Equal("Credit Note must be AUTHORISED before it can be allocated.", await Refused(Allocation(S(invoice, "InvoiceID"), 1m), S(draftCredit, "CreditNoteID")));
        Assert.Equal("Credit Notes can only be allocated to AUTHORISED documents.", await Refused(Allocation(S(draft, "InvoiceID"), 1m)));
        Assert.Equal("Credit Note can only be allocated to a document of the same contact.", await Refused(Allocation(S(otherContact, "InvoiceID"), 1m)));
        Assert.Equal("Credit Note and invoice must be in the same currency.", await Refused(Allocation(S(usd, "InvoiceID"), 1m)));
        Assert.Equal("The invoice you are trying to allocate to has already been paid off", await Refused(Allocation(S(paid, "InvoiceID"), 1m)));
        Assert.Equal("The allocation date cannot be earlier than the credit note date.", await Refused(Allocation(S(invoice, "InvoiceID"), 1m, "2026-10-31")));
        Assert.Equal("The allocation amount must be greater than zero.", await Refused(Allocation(S(invoice, "InvoiceID"), 0m)));
        Assert.Equal("The invoice for this allocation could not be found.", await Refused(Allocation(Guid.NewGuid().ToString(), 1m)));
        Assert.Equal(404, (await AllocateAsync(Guid.NewGuid().ToString(), Allocation(S(invoice, "InvoiceID"), 1m))).Status);

        Assert.Equal(30.00m, D(await GetAsync("CreditNotes", creditId), "RemainingCredit"));
        Assert.Equal(50.00m, D(await GetAsync("Invoices", S(invoice, "InvoiceID")), "AmountDue"));
        Assert.Equal(20.00m, D(await GetAsync("Invoices", S(small, "InvoiceID")), "AmountDue"));
    }

    [Fact]
    public async Task Allocated_DocumentsRefuseEditsAndVoiding_WhileUnallocatedOnesMoveThroughTheirStatuses()
    {
        var credit = await CreateAsync(Note("Status Credit Ltd", "AUTHORISED", "NoTax", J.Line("Credit", 1, 30m)));
        var invoice = await InvoiceAsync("Status Credit Ltd", 100m);
        var creditId = S(credit, "CreditNoteID");
        Assert.Equal(200, (await AllocateAsync(creditId, Allocation(S(invoice, "InvoiceID"), 10m))).Status);

        var editNote = await f.PostAsync(Api($"CreditNotes/{creditId}"), J.Batch("CreditNotes", J.Obj(("LineItems", J.Arr(J.Line("Other", 1, 5m))))));
        var voidNote = await f.PostAsync(Api($"CreditNotes/{creditId}"), J.Batch("CreditNotes", J.Obj(("CreditNoteID", creditId), ("Status", "VOIDED"))));
        var referenceOnly = await f.PostAsync(Api($"CreditNotes/{creditId}"), J.Batch("CreditNotes", J.Obj(("Reference", "Goodwill"))));
        var voidInvoice = await f.PostAsync(Api($"Invoices/{S(invoice, "InvoiceID")}"), J.Batch("Invoices", J.Obj(("Status", "VOIDED"))));
        var editInvoice = await f.PostAsync(Api($"Invoices/{S(invoice, "InvoiceID")}"), J.Batch("Invoices", J.Obj(("LineItems", J.Arr(J.Line("Other", 1, 5m))))));

        Assert.Equal("This document cannot be edited as it has a payment or credit note allocated to it.", editNote.FirstValidationMessage);
        Assert.StartsWith("This credit note cannot be voided", voidNote.FirstValidationMessage, StringComparison.Ordinal);
        Assert.Equal(("Goodwill", 20.00m), (S(referenceOnly.First("CreditNotes"), "Reference"), D(referenceOnly.First("CreditNotes"), "RemainingCredit")));
        Assert.StartsWith("This document cannot be voided", voidInvoice.FirstValidationMessage, StringComparison.Ordinal);
        Assert.Equal("This document cannot be edited as it has a payment or credit note allocated to it.", editInvoice.FirstValidationMessage);

        var draft = await CreateAsync(Note("Status Credit Ltd", "DRAFT", "NoTax", J.Line("Credit", 1, 5m)));
        var approved = await CreateAsync(Note("Status Credit Ltd", "AUTHORISED", "NoTax", J.Line("Credit", 1, 5m)));
        var deleted = await f.PostAsync(Api($"CreditNotes/{S(draft, "CreditNoteID")}"), J.Batch("CreditNotes", J.Obj(("Status", "DELETED"))));
        var deleteApproved = await f.PostAsync(Api($"CreditNotes/{S(approved, "CreditNoteID")}"), J.Batch("CreditNotes", J.Obj(("Status", "DELETED"))));
        var backToDraft = await f.PostAsync(Api($"CreditNotes/{S(approved, "CreditNoteID")}"), J.Batch("CreditNotes", J.Obj(("Status", "DRAFT"))));
        var voided = await f.PostAsync(Api($"CreditNotes/{S(approved, "CreditNoteID")}"), J.Batch("CreditNotes", J.Obj(("Status", "VOIDED"))));
        var afterVoid = await f.PostAsync(Api($"CreditNotes/{S(approved, "CreditNoteID")}"), J.Batch("CreditNotes", J.Obj(("Reference", "x"))));

        Assert.Equal(("DELETED", 0.00m), (S(deleted.First("CreditNotes"), "Status"), D(deleted.First("CreditNotes"), "RemainingCredit")));
        Assert.StartsWith("Only DRAFT or SUBMITTED credit notes can be deleted", deleteApproved.FirstValidationMessage, StringComparison.Ordinal);
        Assert.Equal(400, backToDraft.Status);
        Assert.Equal(("VOIDED", 0.00m), (S(voided.First("CreditNotes"), "Status"), D(voided.First("CreditNotes"), "RemainingCredit")));
        Assert.Equal("Credit Note not of valid status for modification", afterVoid.FirstValidationMessage);
    }

    [Fact]
    public async Task List_PagesFiltersAndHonoursIfModifiedSince()
    {
        var early = await CreateAsync(Note("Listed Credit Ltd", "AUTHORISED", "NoTax", J.Line("Credit", 1, 1m)));
        f.Sandbox.Clock.Advance(TimeSpan.FromSeconds(2));
        var since = f.Sandbox.Clock.GetUtcNow();
        var late = await CreateAsync(Note("Listed Credit Ltd", "DRAFT", "NoTax", J.Line("Credit", 1, 2m)));
        var contactId = S(early["Contact"]!, "ContactID");
        var where = Uri.EscapeDataString($"Contact.ContactID==Guid(\"{contactId}\")");

        var page1 = await f.GetAsync(Api($"CreditNotes?page=1&pageSize=1&where={where}"));
        var page2 = await f.GetAsync(Api($"CreditNotes?page=2&pageSize=1&where={where}"));
        var drafts = await f.GetAsync(Api($"CreditNotes?page=1&where={where}%20AND%20Status%3D%3D%22DRAFT%22"));
        var changed = await f.GetAsync(Api($"CreditNotes?page=1&where={where}"),
            headers: ("If-Modified-Since", since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        var unpaged = await f.GetAsync(Api($"CreditNotes?where={where}"));

        Assert.Equal((1, 2, 2), (page1.Body["pagination"]!["page"]!.GetValue<int>(), page1.Body["pagination"]!["pageCount"]!.GetValue<int>(), page1.Body["pagination"]!["itemCount"]!.GetValue<int>()));
        Assert.Equal([S(early, "CreditNoteID"), S(late, "CreditNoteID")], [S(page1.First("CreditNotes"), "CreditNoteID"), S(page2.First("CreditNotes"), "CreditNoteID")]);
        Assert.NotEmpty(page1.First("CreditNotes")["LineItems"]!.AsArray());
        Assert.Equal(S(late, "CreditNoteID"), S(Assert.Single(drafts.Body["CreditNotes"]!.AsArray())!, "CreditNoteID"));
        Assert.Equal(S(late, "CreditNoteID"), S(Assert.Single(changed.Body["CreditNotes"]!.AsArray())!, "CreditNoteID"));
        Assert.Null(unpaged.Body["pagination"]);
        Assert.Empty(unpaged.First("CreditNotes")["LineItems"]!.AsArray());
    }
}
