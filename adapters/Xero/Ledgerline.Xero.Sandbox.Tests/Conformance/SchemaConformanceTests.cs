using System.Text.Json.Nodes;
using Ledgerline.Xero.Sandbox.Tests.Support;

namespace Ledgerline.Xero.Sandbox.Tests.Conformance;

/// <summary>
/// The schema conformance check itself. Every Accounting response the suites read through <see cref="SandboxFixture"/>
/// is checked against <c>xero_accounting.yaml</c>; these tests prove the check runs and bites, and sweep each endpoint.
/// </summary>
public sealed class SchemaConformanceTests(SandboxFixture f) : IClassFixture<SandboxFixture>
{
    private static OpenApiConformance Spec()
    {
        Assert.SkipWhen(OpenApiConformance.Accounting is null,
            "Xero's OpenAPI description (../shared/reference/xero/xero_accounting.yaml) is not beside the repository.");
        return OpenApiConformance.Accounting!;
    }

    [Fact]
    public void Check_FindsViolations()
    {
        var spec = Spec();
        var bad = JsonNode.Parse("""
            {"Invoices":[{"InvoiceID":"not-a-uuid","Type":"INVOICE","Total":"12.00","UpdatedDateUTC":"2026-01-01","Invented":1}]}
            """)!;
        var violations = spec.Check("GET", "api.xro/2.0/Invoices", 200, bad);
        Assert.Contains(violations, v => v.Contains("$.Invoices[0].InvoiceID", StringComparison.Ordinal) && v.Contains("uuid", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("$.Invoices[0].Type", StringComparison.Ordinal) && v.Contains("enum", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("$.Invoices[0].Total: expected a number", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("$.Invoices[0].UpdatedDateUTC", StringComparison.Ordinal) && v.Contains("MS JSON date", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("$.Invoices[0].Invented: not declared", StringComparison.Ordinal));
        Assert.NotEmpty(spec.Check("GET", "api.xro/2.0/Nothing", 200, JsonNode.Parse("{}")!));
    }

    [Theory]
    [InlineData("Contacts?page=1")]
    [InlineData("Contacts?includeArchived=true")]
    [InlineData("Invoices?page=1&unitdp=4")]
    [InlineData("Invoices")]
    [InlineData("Payments?page=1")]
    [InlineData("CreditNotes?page=1")]
    [InlineData("CreditNotes")]
    [InlineData("Quotes?page=1&unitdp=4")]
    [InlineData("Quotes")]
    [InlineData("BankTransactions?page=1")]
    [InlineData("Items")]
    [InlineData("TaxRates")]
    [InlineData("Accounts")]
    [InlineData("Organisation")]
    public async Task Lists_Conform(string path)
    {
        Spec();
        var r = await f.GetAsync(SandboxFixture.Api(path));
        Assert.Equal(200, r.Status);
        // SendAsync has checked the body; check once more here so the sweep fails by name.
        Assert.Empty(Spec().Check("GET", SandboxFixture.Api(path), r.Status, r.Body));
    }

    [Fact]
    public async Task SingleRecords_AndErrors_Conform()
    {
        var spec = Spec();
        var invoices = await f.GetAsync(SandboxFixture.Api("Invoices?page=1"));
        foreach (var invoice in invoices.Body["Invoices"]!.AsArray())
        {
            var one = await f.GetAsync(SandboxFixture.Api($"Invoices/{invoice!["InvoiceID"]}"));
            Assert.Empty(spec.Check("GET", SandboxFixture.Api("Invoices/x"), one.Status, one.Body));
        }

        var quotes = await f.GetAsync(SandboxFixture.Api("Quotes?page=1"));
        foreach (var quote in quotes.Body["Quotes"]!.AsArray())
        {
            var one = await f.GetAsync(SandboxFixture.Api($"Quotes/{quote!["QuoteID"]}"));
            Assert.Empty(spec.Check("GET", SandboxFixture.Api("Quotes/x"), one.Status, one.Body));
        }

        var payments = await f.GetAsync(SandboxFixture.Api("Payments"));
        var payment = await f.GetAsync(SandboxFixture.Api($"Payments/{payments.First("Payments")["PaymentID"]}"));
        Assert.Equal(200, payment.Status);

        var refused = await f.PutAsync(SandboxFixture.Api("Invoices"), J.Batch("Invoices", J.Obj(("Type", "ACCREC"))));
        Assert.Equal(400, refused.Status);
        var quoteRefused = await f.PostAsync(SandboxFixture.Api($"Quotes/{quotes.First("Quotes")["QuoteID"]}"), J.Batch("Quotes", J.Obj(("Status", "INVOICED"))));
        Assert.Equal(400, quoteRefused.Status);
        var parse = await f.GetAsync(SandboxFixture.Api("Invoices?where=%22"));
        Assert.Equal(400, parse.Status);
    }
}
