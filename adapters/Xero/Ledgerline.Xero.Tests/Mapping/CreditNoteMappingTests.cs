using System.Text;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;
using Mapster;

namespace Ledgerline.Xero.Tests.Mapping;

/// <summary>Strict reading of Xero's credit note bodies (shape of the GET /CreditNotes example of Xero's OpenAPI description).</summary>
public sealed class CreditNoteMappingTests
{
    private static readonly Dictionary<string, TaxRateWire> Rates = new()
    {
        ["OUTPUT2"] = new TaxRateWire { Name = "15% GST on Income", TaxType = "OUTPUT2", EffectiveRate = 15m },
    };

    // 34.50 of credit: 10.00 allocated to an invoice, 2.00 refunded in cash, 22.50 remaining.
    private const string Note = """
        {"CreditNotes":[{"CreditNoteID":"249f15fa-f2a7-4acc-8769-0984103f2225","CreditNoteNumber":"CN-0005","Type":"ACCRECCREDIT",
        "Reference":"US Tour","RemainingCredit":22.50,
        "Payments":[{"PaymentID":"6b037c9b-2e5d-4905-84d3-eabfb3438242","Date":"/Date(1552521600000+0000)/","Amount":2.00}],
        "Allocations":[{"AllocationID":"b7eb1fc9-a0f9-4e8e-9373-6689f5350832","Amount":10.00,"Date":"/Date(1551744000000+0000)/",
        "Invoice":{"InvoiceID":"c45720a1-ade3-4a38-a064-d15489be6841"}}],
        "Contact":{"ContactID":"430fa14a-f945-44d3-9f97-5df5e28441b8","Name":"Liam Gallagher"},"Date":"/Date(1551744000000+0000)/",
        "Status":"AUTHORISED","LineAmountTypes":"Exclusive","LineItems":[{"Description":"Mic Stand","UnitAmount":30.00,"TaxType":"OUTPUT2",
        "TaxAmount":4.50,"LineAmount":30.00,"AccountCode":"200","Quantity":1.0000}],"SubTotal":30.00,"TotalTax":4.50,"Total":34.50,
        "UpdatedDateUTC":"/Date(1551812346157+0000)/","CurrencyCode":"NZD"}]}
        """;

    [Fact]
    public void Read_AllocatedAndRefundedCreditNote_MapsEveryCanonicalField()
    {
        var note = Read(Note);

        Assert.Equal(("249f15fa-f2a7-4acc-8769-0984103f2225", "CN-0005", "430fa14a-f945-44d3-9f97-5df5e28441b8", "US Tour"), (note.Id, note.Number, note.ContactId, note.Notes));
        Assert.Equal((CreditNoteStatus.Open, "AUTHORISED", new DateOnly(2019, 3, 5)), (note.Status, note.ProviderStatus, note.IssueDate));
        Assert.Equal((30m, 4.50m, 34.50m, 22.50m), (note.Subtotal.Amount, note.Tax.Amount, note.Total.Amount, note.RemainingCredit.Amount));
        Assert.Equal(new CreditAllocation("c45720a1-ade3-4a38-a064-d15489be6841", new Money(10m, CurrencyCode.Parse("NZD")), new DateOnly(2019, 3, 5)), Assert.Single(note.Allocations));
        Assert.Equal(("Mic Stand", "15% GST on Income"), (note.Lines[0].Name, Assert.Single(note.Lines[0].Taxes).Name));
    }

    [Theory]
    [InlineData("\"RemainingCredit\":22.50", "\"RemainingCredit\":24.50", "do not add up")]
    [InlineData("\"Type\":\"ACCRECCREDIT\"", "\"Type\":\"ACCPAYCREDIT\"", "ACCPAYCREDIT")]
    [InlineData("\"Invoice\":{\"InvoiceID\":\"c45720a1-ade3-4a38-a064-d15489be6841\"}", "\"Invoice\":{}", "Allocations.Invoice.InvoiceID")]
    [InlineData("\"LineAmount\":30.00,", "\"LineAmount\":27.00,\"DiscountRate\":10,", "do not add up")]
    [InlineData(",\"RemainingCredit\":22.50", "", "RemainingCredit")]
    public void Read_MissingOrInconsistentValue_IsInvalidProviderResponse(string original, string replacement, string named)
    {
        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Read(Note.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"CreditNoteID\"", invalid.BodyExcerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DRAFT", CreditNoteStatus.Draft)]
    [InlineData("PAID", CreditNoteStatus.Applied)]
    [InlineData("VOIDED", CreditNoteStatus.Void)]
    [InlineData("ARCHIVED", CreditNoteStatus.Unknown)]
    public void Read_Status_MapsToTheLifecycleAndKeepsTheRawValue(string status, CreditNoteStatus expected)
    {
        var note = Read(Note.Replace("\"AUTHORISED\"", $"\"{status}\"", StringComparison.Ordinal));

        Assert.Equal((expected, status), (note.Status, note.ProviderStatus));
    }

    private static CreditNote Read(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var content = System.Text.Json.JsonSerializer.Deserialize(body, XeroJsonContext.Default.CreditNotesResult);
        var result = new XeroResult<CreditNotesResult>(new XeroCall(EntityKind.CreditNote, "get", "golden"), 200, body, content, null);
        var records = XeroEnvelope.Map<CreditNoteWire, CreditNote, CreditNotesResult>(result, CreditNotesResult.ListKey, keepRaw: true,
            wire => XeroCreditNote.Of(wire, Rates).Adapt<XeroCreditNote, CreditNote>(XeroMapping.Config));
        return Assert.Single(records);
    }
}
