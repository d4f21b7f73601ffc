using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Accounting;

public sealed class PaymentTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static string Api(string path) => SandboxFixture.Api(path);

    private async Task<string> AuthorisedInvoiceAsync(decimal unit = 100m, string type = "ACCREC")
    {
        var r = await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice(type, "Ridgeway University", "AUTHORISED", "Exclusive", J.Line("Work", 1, unit, type == "ACCREC" ? "200" : "429"))));
        Assert.Equal(200, r.Status);
        return r.First("Invoices")["InvoiceID"]!.GetValue<string>();
    }

    private static JsonObject Payment(string invoiceId, decimal amount, string accountCode = "090") =>
        J.Obj(("Invoice", J.Obj(("InvoiceID", invoiceId))), ("Account", J.Obj(("Code", accountCode))), ("Date", "2026-11-10"), ("Amount", amount));

    private async Task<JsonNode> InvoiceAsync(string id) => (await f.GetAsync(Api($"Invoices/{id}"))).First("Invoices");

    [Fact]
    public async Task PartialThenFullPayment_MarksPaid_DeleteReopens()
    {
        var id = await AuthorisedInvoiceAsync(); // 115.00
        var first = await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 15m)));
        Assert.Equal(200, first.Status);
        var p = first.First("Payments");
        Assert.Equal("AUTHORISED", p["Status"]!.GetValue<string>());
        Assert.Equal("ACCRECPAYMENT", p["PaymentType"]!.GetValue<string>());
        Assert.Equal(id, p["Invoice"]!["InvoiceID"]!.GetValue<string>());
        Assert.Equal(100.00m, (await InvoiceAsync(id))["AmountDue"]!.GetValue<decimal>());

        // POST /Payments takes one bare payment.
        var second = await f.PostAsync(Api("Payments"), Payment(id, 100m));
        Assert.Equal(200, second.Status);
        var invoice = await InvoiceAsync(id);
        Assert.Equal("PAID", invoice["Status"]!.GetValue<string>());
        Assert.Equal(115.00m, invoice["AmountPaid"]!.GetValue<decimal>());
        Assert.Equal("/Date(1794268800000+0000)/", invoice["FullyPaidOnDate"]!.GetValue<string>());
        Assert.Equal(2, invoice["Payments"]!.AsArray().Count);

        var paymentId = second.First("Payments")["PaymentID"]!.GetValue<string>();
        var deleted = await f.PostAsync(Api($"Payments/{paymentId}"), J.Obj(("Status", "DELETED")));
        Assert.Equal(200, deleted.Status);
        Assert.Equal("DELETED", deleted.First("Payments")["Status"]!.GetValue<string>());
        invoice = await InvoiceAsync(id);
        Assert.Equal("AUTHORISED", invoice["Status"]!.GetValue<string>());
        Assert.Equal(100.00m, invoice["AmountDue"]!.GetValue<decimal>());
        Assert.Null(invoice["FullyPaidOnDate"]);

        var again = await f.PostAsync(Api($"Payments/{paymentId}"), J.Batch("Payments", J.Obj(("Status", "DELETED"))));
        Assert.Equal(400, again.Status);
    }

    [Fact]
    public async Task Overpayment_Refused()
    {
        var id = await AuthorisedInvoiceAsync();
        var r = await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 115.01m)));
        Assert.Equal(400, r.Status);
        Assert.Equal("Payment amount exceeds the amount outstanding on this document.", r.FirstValidationMessage);
    }

    [Fact]
    public async Task Update_Refused_OnlyDeletion()
    {
        var id = await AuthorisedInvoiceAsync();
        var paymentId = (await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 5m)))).First("Payments")["PaymentID"]!.GetValue<string>();
        var r = await f.PostAsync(Api($"Payments/{paymentId}"), J.Obj(("Amount", 6)));
        Assert.Equal(400, r.Status);
        Assert.Equal("Payments cannot be modified, only created or deleted.", r.FirstValidationMessage);
    }

    [Fact]
    public async Task InvoiceWithPayment_CannotBeVoidedOrEdited()
    {
        var id = await AuthorisedInvoiceAsync();
        await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 5m)));
        var voided = await f.PostAsync(Api($"Invoices/{id}"), J.Batch("Invoices", J.Obj(("Status", "VOIDED"))));
        Assert.Equal(400, voided.Status);
        var edit = await f.PostAsync(Api($"Invoices/{id}"), J.Batch("Invoices", J.Obj(("LineItems", J.Arr(J.Line("X", 1, 1m))))));
        Assert.Equal("This document cannot be edited as it has a payment or credit note allocated to it.", edit.FirstValidationMessage);
    }

    [Fact]
    public async Task DraftInvoice_WrongAccount_MissingAmount_Refused()
    {
        var draft = (await f.PutAsync(Api("Invoices"), J.Batch("Invoices", J.Invoice("ACCREC", "Bayside Club", "DRAFT", "Exclusive", J.Line("A", 1, 10m))))).First("Invoices")["InvoiceID"]!.GetValue<string>();
        Assert.Equal("Payments can only be made against AUTHORISED invoices.", (await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(draft, 1m)))).FirstValidationMessage);
        var id = await AuthorisedInvoiceAsync();
        Assert.Equal("Payments can only be made to a bank account or an account with payments enabled.",
            (await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 1m, "200")))).FirstValidationMessage);
        var noAmount = Payment(id, 1m);
        noAmount.Remove("Amount");
        Assert.Equal("The payment amount must be greater than zero.", (await f.PutAsync(Api("Payments"), J.Batch("Payments", noAmount))).FirstValidationMessage);
        Assert.Equal(200, (await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 1m, "880")))).Status);
    }

    [Fact]
    public async Task BillPayment_IsAccPayPayment_AndListed()
    {
        var id = await AuthorisedInvoiceAsync(50m, "ACCPAY");
        var p = (await f.PutAsync(Api("Payments"), J.Batch("Payments", Payment(id, 57.50m)))).First("Payments");
        Assert.Equal("ACCPAYPAYMENT", p["PaymentType"]!.GetValue<string>());
        var list = await f.GetAsync(Api("Payments?page=1&where=" + Uri.EscapeDataString("PaymentType==\"ACCPAYPAYMENT\"")));
        Assert.Contains(list.Body["Payments"]!.AsArray(), x => x!["PaymentID"]!.GetValue<string>() == p["PaymentID"]!.GetValue<string>());
        Assert.NotNull(list.Body["pagination"]);
        Assert.Equal("PAID", (await InvoiceAsync(id))["Status"]!.GetValue<string>());
    }
}
