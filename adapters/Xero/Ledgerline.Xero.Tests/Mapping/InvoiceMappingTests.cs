using System.Text;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;
using Mapster;

namespace Ledgerline.Xero.Tests.Mapping;

/// <summary>Strict reading of Xero's invoice bodies (shapes from Xero's OpenAPI description's examples).</summary>
public sealed class InvoiceMappingTests
{
    private static readonly Dictionary<string, TaxRateWire> Rates = new()
    {
        ["OUTPUT2"] = new TaxRateWire { Name = "15% GST on Income", TaxType = "OUTPUT2", EffectiveRate = 15m },
    };

    private const string Exclusive = """
        {"Invoices":[{"Type":"ACCREC","InvoiceID":"0e64a623-c2a1-446a-93ed-eb897f118cbc","InvoiceNumber":"INV-1",
        "Contact":{"ContactID":"a3675fc4-f8dd-4f03-ba5b-f1870566bcd7"},"Date":"/Date(1539993600000+0000)/","Status":"AUTHORISED",
        "LineAmountTypes":"Exclusive","LineItems":[{"Description":"Consulting\nMarch","Quantity":2.0000,"UnitAmount":40.00,"TaxType":"OUTPUT2",
        "TaxAmount":12.00,"LineAmount":80.00}],"SubTotal":80.00,"TotalTax":12.00,"Total":92.00,"AmountDue":42.00,"AmountPaid":50.00,
        "AmountCredited":0.00,"CurrencyCode":"NZD","UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
        """;

    [Fact]
    public void Read_ExclusiveInvoice_MapsEveryCanonicalField()
    {
        var invoice = Read(Exclusive);

        Assert.Equal("0e64a623-c2a1-446a-93ed-eb897f118cbc", invoice.Id);
        Assert.Equal(new DateTimeOffset(2018, 11, 1, 22, 51, 30, TimeSpan.Zero), invoice.UpdatedAt);
        Assert.Equal(new DateOnly(2018, 10, 20), invoice.IssueDate);
        Assert.Equal((InvoiceStatus.PartiallyPaid, "AUTHORISED"), (invoice.Status, invoice.ProviderStatus));
        Assert.Equal(("Consulting", "March"), (invoice.Lines[0].Name, invoice.Lines[0].Description));
        Assert.Equal(new LineTax("15% GST on Income", 15m) { TaxRateId = "OUTPUT2" }, Assert.Single(invoice.Lines[0].Taxes));
        Assert.Equal((80m, 0m, 12m, 92m, 50m, 42m), (invoice.Subtotal.Amount, invoice.Discount.Amount, invoice.Tax.Amount, invoice.Total.Amount,
            invoice.AmountPaid.Amount, invoice.AmountDue.Amount));
    }

    [Theory]
    [InlineData("\"UpdatedDateUTC\":\"/Date(1541112690000+0000)/\"", "\"UpdatedDateUTC\":\"yesterday\"", "UpdatedDateUTC")]
    [InlineData("\"Date\":\"/Date(1539993600000+0000)/\",", "", "Date")]
    [InlineData("\"Total\":92.00", "\"Total\":93.00", "do not add up")]
    [InlineData("\"AmountDue\":42.00", "\"AmountDue\":40.00", "do not add up")]
    [InlineData("\"TaxType\":\"OUTPUT2\"", "\"TaxType\":\"MYSTERY\"", "MYSTERY")]
    [InlineData("\"CurrencyCode\":\"NZD\"", "\"CurrencyCode\":\"dollars\"", "CurrencyCode")]
    [InlineData("\"Type\":\"ACCREC\"", "\"Type\":\"ACCPAY\"", "ACCPAY")]
    public void Read_MissingOrInconsistentValue_IsInvalidProviderResponseWithTheRecord(string original, string replacement, string named)
    {
        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Read(Exclusive.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"Type\"", invalid.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal("Xero", invalid.Provider);
    }

    [Fact]
    public void Read_LineDiscountAmount_IsTheDiscountBeforeTax()
    {
        var json = Exclusive
            .Replace("\"LineAmount\":80.00}", "\"LineAmount\":70.00,\"DiscountAmount\":10.00}", StringComparison.Ordinal)
            .Replace("\"TaxAmount\":12.00", "\"TaxAmount\":10.50", StringComparison.Ordinal)
            .Replace("\"SubTotal\":80.00,\"TotalTax\":12.00,\"Total\":92.00,\"AmountDue\":42.00", "\"SubTotal\":70.00,\"TotalTax\":10.50,\"Total\":80.50,\"AmountDue\":30.50", StringComparison.Ordinal);

        var invoice = Read(json);

        Assert.Equal((80m, 10m, 10.50m, 80.50m), (invoice.Subtotal.Amount, invoice.Discount.Amount, invoice.Tax.Amount, invoice.Total.Amount));
        Assert.Equal(12.5m, invoice.DiscountPercent);
    }

    private static Invoice Read(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var content = System.Text.Json.JsonSerializer.Deserialize(body, XeroJsonContext.Default.InvoicesResult);
        var result = new XeroResult<InvoicesResult>(new XeroCall(EntityKind.Invoice, "get", "golden"), 200, body, content, null);
        var records = XeroEnvelope.Map<InvoiceWire, Invoice, InvoicesResult>(result, InvoicesResult.ListKey, keepRaw: true,
            wire => XeroInvoice.Of(wire, Rates).Adapt<XeroInvoice, Invoice>(XeroMapping.Config));
        return Assert.Single(records);
    }
}
