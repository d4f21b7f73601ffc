using System.Text;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;
using Mapster;

namespace Ledgerline.Xero.Tests.Mapping;

/// <summary>Strict reading of Xero's bill (<c>ACCPAY</c>), bill payment and vendor (contact) bodies.</summary>
public sealed class BillMappingTests
{
    private static readonly Dictionary<string, TaxRateWire> Rates = new()
    {
        ["INPUT2"] = new TaxRateWire { Name = "15% GST on Expenses", TaxType = "INPUT2", EffectiveRate = 15m },
    };

    // A bill part paid (20.00) and part settled by a supplier credit note (10.00).
    private const string Bill = """
        {"Invoices":[{"Type":"ACCPAY","InvoiceID":"1e64a623-c2a1-446a-93ed-eb897f118cbc","InvoiceNumber":"RPT445-1",
        "Contact":{"ContactID":"b3675fc4-f8dd-4f03-ba5b-f1870566bcd7"},"Date":"/Date(1539993600000+0000)/","DueDate":"/Date(1541808000000+0000)/",
        "Status":"AUTHORISED","LineAmountTypes":"Exclusive","LineItems":[{"LineItemID":"5a9a2a7c-1f3e-4c33-9b7b-2d3c7c5bd0f1","Description":"Paper",
        "Quantity":2.0000,"UnitAmount":40.00,"AccountCode":"429","TaxType":"INPUT2","TaxAmount":12.00,"LineAmount":80.00}],
        "SubTotal":80.00,"TotalTax":12.00,"Total":92.00,"AmountDue":62.00,"AmountPaid":20.00,"AmountCredited":10.00,
        "CurrencyCode":"NZD","UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}
        """;

    [Fact]
    public void Read_PartlyPaidAndCreditedBill_CountsCreditAsPaid()
    {
        var bill = Read(Bill);

        Assert.Equal(("1e64a623-c2a1-446a-93ed-eb897f118cbc", "b3675fc4-f8dd-4f03-ba5b-f1870566bcd7", "RPT445-1"), (bill.Id, bill.VendorId, bill.Number));
        Assert.Equal((new DateOnly(2018, 10, 20), new DateOnly(2018, 11, 10)), (bill.IssueDate, bill.DueDate));
        Assert.Equal((BillStatus.PartiallyPaid, "AUTHORISED"), (bill.Status, bill.ProviderStatus));
        var line = Assert.Single(bill.Lines);
        Assert.Equal(("5a9a2a7c-1f3e-4c33-9b7b-2d3c7c5bd0f1", "Paper", 2m, 40m, 80m, "429"),
            (line.Id, line.Description, line.Quantity, line.UnitPrice.Amount, line.Amount.Amount, line.CategoryId));
        Assert.Equal(new LineTax("15% GST on Expenses", 15m) { TaxRateId = "INPUT2" }, Assert.Single(line.Taxes));
        Assert.Equal((80m, 12m, 92m, 30m, 62m), (bill.Subtotal.Amount, bill.Tax.Amount, bill.Total.Amount, bill.AmountPaid.Amount, bill.AmountDue.Amount));
        Assert.Null(bill.Notes);
    }

    [Theory]
    [InlineData("\"Type\":\"ACCPAY\"", "\"Type\":\"ACCREC\"", "ACCREC")]
    [InlineData("\"AmountDue\":62.00", "\"AmountDue\":72.00", "do not add up")]
    [InlineData("\"LineAmount\":80.00}", "\"LineAmount\":70.00,\"DiscountAmount\":10.00}", "do not add up")]
    [InlineData("\"Contact\":{\"ContactID\":\"b3675fc4-f8dd-4f03-ba5b-f1870566bcd7\"},", "", "Contact.ContactID")]
    [InlineData("\"TaxType\":\"INPUT2\"", "\"TaxType\":\"OUTPUT2\"", "OUTPUT2")]
    public void Read_MissingOrInconsistentValue_IsInvalidProviderResponse(string original, string replacement, string named)
    {
        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Read(Bill.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"Type\"", invalid.BodyExcerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DRAFT", BillStatus.Draft)]
    [InlineData("SUBMITTED", BillStatus.Draft)]
    [InlineData("PAID", BillStatus.Paid)]
    [InlineData("VOIDED", BillStatus.Void)]
    [InlineData("SCHEDULED", BillStatus.Unknown)]
    public void Read_Status_MapsToTheLifecycleAndKeepsTheRawValue(string status, BillStatus expected)
    {
        var json = Bill.Replace("\"AUTHORISED\"", $"\"{status}\"", StringComparison.Ordinal);
        if (status is "PAID" or "VOIDED")
        {
            json = json.Replace("\"AmountDue\":62.00,\"AmountPaid\":20.00,\"AmountCredited\":10.00", "\"AmountDue\":0.00,\"AmountPaid\":92.00,\"AmountCredited\":0.00", StringComparison.Ordinal);
        }

        var bill = Read(json);

        Assert.Equal((expected, status), (bill.Status, bill.ProviderStatus));
    }

    [Fact]
    public void Read_VendorWithoutName_IsInvalidProviderResponse()
    {
        const string json = """{"Contacts":[{"ContactID":"b3675fc4-f8dd-4f03-ba5b-f1870566bcd7","ContactStatus":"ACTIVE","UpdatedDateUTC":"/Date(1541112690000+0000)/"}]}""";
        var body = Encoding.UTF8.GetBytes(json);
        var content = System.Text.Json.JsonSerializer.Deserialize(body, XeroJsonContext.Default.ContactsResult);
        var result = new XeroResult<ContactsResult>(new XeroCall(EntityKind.Vendor, "get", "golden"), 200, body, content, null);

        var invalid = Assert.Throws<InvalidProviderResponseException>(() => XeroEnvelope.Map<ContactWire, Vendor, ContactsResult>(
            result, ContactsResult.ListKey, keepRaw: false, wire => wire.Adapt<ContactWire, Vendor>(XeroMapping.Config)));

        Assert.Contains("Name", invalid.Message, StringComparison.Ordinal);
    }

    private static Bill Read(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var content = System.Text.Json.JsonSerializer.Deserialize(body, XeroJsonContext.Default.InvoicesResult);
        var result = new XeroResult<InvoicesResult>(new XeroCall(EntityKind.Bill, "get", "golden"), 200, body, content, null);
        var records = XeroEnvelope.Map<InvoiceWire, Bill, InvoicesResult>(result, InvoicesResult.ListKey, keepRaw: true,
            wire => XeroBill.Of(wire, Rates).Adapt<XeroBill, Bill>(XeroMapping.Config));
        return Assert.Single(records);
    }
}
