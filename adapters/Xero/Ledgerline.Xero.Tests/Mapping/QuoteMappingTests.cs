using System.Text;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;
using Mapster;

namespace Ledgerline.Xero.Tests.Mapping;

/// <summary>Strict reading of Xero's quote bodies (the shape of the GET /Quotes example of Xero's OpenAPI description).</summary>
public sealed class QuoteMappingTests
{
    private static readonly Dictionary<string, TaxRateWire> Rates = new()
    {
        ["OUTPUT2"] = new TaxRateWire { Name = "15% GST on Income", TaxType = "OUTPUT2", EffectiveRate = 15m },
    };

    // One line of 19.95 less 10 % = 17.96 (Xero rounds 17.955 away from zero), 15 % GST 2.69: total 20.65.
    private const string Quote = """
        {"Quotes":[{"QuoteID":"be59294f-2a9c-4cee-8c64-0f0ddbc1883a","QuoteNumber":"QU-0001","Reference":"REF-123",
        "Terms":"Not valid after the expiry date","Contact":{"ContactID":"060816db-0ed7-44de-ab58-8fee9316fcd5","Name":"Adam"},
        "LineItems":[{"LineItemID":"ccf5e45c-73b6-4659-83e8-520f4c6126fd","AccountCode":"200","Description":"Fish out of Water",
        "UnitAmount":19.95,"DiscountRate":10.00,"LineAmount":17.96,"ItemCode":"BOOK","Quantity":1.0000,"TaxAmount":2.69,"TaxType":"OUTPUT2"}],
        "Date":"/Date(1571875200000)/","DateString":"2019-10-24T00:00:00","ExpiryDate":"/Date(1571961600000)/",
        "Status":"ACCEPTED","CurrencyRate":0.937053,"CurrencyCode":"AUD","SubTotal":17.96,"TotalTax":2.69,"Total":20.65,
        "TotalDiscount":1.99,"Title":"Your Quote","Summary":"Please buy this","UpdatedDateUTC":"/Date(1571869373890)/",
        "LineAmountTypes":"EXCLUSIVE"}]}
        """;

    [Fact]
    public void Read_AcceptedDiscountedQuote_MapsEveryCanonicalField()
    {
        var estimate = Read(Quote);

        Assert.Equal(("be59294f-2a9c-4cee-8c64-0f0ddbc1883a", "QU-0001", "060816db-0ed7-44de-ab58-8fee9316fcd5"), (estimate.Id, estimate.Number, estimate.ContactId));
        Assert.Equal((EstimateStatus.Accepted, "ACCEPTED", new DateOnly(2019, 10, 24), new DateOnly(2019, 10, 25)),
            (estimate.Status, estimate.ProviderStatus, estimate.IssueDate, estimate.ExpiryDate));
        Assert.Equal(("Please buy this", "Not valid after the expiry date"), (estimate.Notes, estimate.Terms));
        Assert.Equal((19.95m, 1.99m, 2.69m, 20.65m, 10m), (estimate.Subtotal.Amount, estimate.Discount.Amount, estimate.Tax.Amount, estimate.Total.Amount, estimate.DiscountPercent));
        Assert.Equal(("Fish out of Water", 19.95m, "OUTPUT2"), (estimate.Lines[0].Name, estimate.Lines[0].Amount.Amount, Assert.Single(estimate.Lines[0].Taxes).TaxRateId));
        Assert.Equal(CurrencyCode.Parse("AUD"), estimate.Currency);
        Assert.False(estimate.UnitPricesIncludeTax);
        Assert.Null(estimate.InvoiceId);
    }

    [Theory]
    [InlineData("\"Total\":20.65", "\"Total\":21.65", "do not add up")]
    [InlineData("\"SubTotal\":17.96", "\"SubTotal\":17.95", "SubTotal 17.95")]
    [InlineData("\"TotalDiscount\":1.99", "\"TotalDiscount\":2.00", "TotalDiscount 2.00")]
    [InlineData("\"LineAmountTypes\":\"EXCLUSIVE\"", "\"LineAmountTypes\":\"GROSS\"", "GROSS")]
    [InlineData("\"Contact\":{\"ContactID\":\"060816db-0ed7-44de-ab58-8fee9316fcd5\",\"Name\":\"Adam\"}", "\"Contact\":{\"Name\":\"Adam\"}", "Contact.ContactID")]
    [InlineData("\"Date\":\"/Date(1571875200000)/\",", "", "Date")]
    [InlineData("\"TaxType\":\"OUTPUT2\"", "\"TaxType\":\"OUTPUT9\"", "OUTPUT9")]
    public void Read_MissingOrInconsistentValue_IsInvalidProviderResponse(string original, string replacement, string named)
    {
        var invalid = Assert.Throws<InvalidProviderResponseException>(() => Read(Quote.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"QuoteID\"", invalid.BodyExcerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DRAFT", EstimateStatus.Draft, RecordState.Active)]
    [InlineData("SENT", EstimateStatus.Sent, RecordState.Active)]
    [InlineData("DECLINED", EstimateStatus.Declined, RecordState.Active)]
    [InlineData("INVOICED", EstimateStatus.Invoiced, RecordState.Active)]
    [InlineData("DELETED", EstimateStatus.Unknown, RecordState.Deleted)]
    [InlineData("VIEWED", EstimateStatus.Unknown, RecordState.Active)]
    public void Read_Status_MapsToTheLifecycleAndKeepsTheRawValue(string status, EstimateStatus expected, RecordState state)
    {
        var estimate = Read(Quote.Replace("\"ACCEPTED\"", $"\"{status}\"", StringComparison.Ordinal));

        Assert.Equal((expected, status, state), (estimate.Status, estimate.ProviderStatus, estimate.State));
    }

    [Theory]
    [InlineData("INCLUSIVE")]
    [InlineData("Inclusive")]
    public void Read_InclusiveQuote_KeepsXerosPricesAndTaxExclusiveAmounts(string spelling)
    {
        var inclusive = Quote.Replace("\"LineAmountTypes\":\"EXCLUSIVE\"", $"\"LineAmountTypes\":\"{spelling}\"", StringComparison.Ordinal)
            .Replace("\"DiscountRate\":10.00,\"LineAmount\":17.96", "\"LineAmount\":19.95", StringComparison.Ordinal)
            .Replace("\"TaxAmount\":2.69", "\"TaxAmount\":2.60", StringComparison.Ordinal)
            .Replace("\"SubTotal\":17.96,\"TotalTax\":2.69,\"Total\":20.65", "\"SubTotal\":17.35,\"TotalTax\":2.60,\"Total\":19.95", StringComparison.Ordinal)
            .Replace("\"TotalDiscount\":1.99", "\"TotalDiscount\":0.00", StringComparison.Ordinal);

        var estimate = Read(inclusive);

        Assert.True(estimate.UnitPricesIncludeTax);
        Assert.Equal((19.95m, 17.35m), (estimate.Lines[0].UnitPrice.Amount, estimate.Lines[0].Amount.Amount));
        Assert.Equal((17.35m, 2.60m, 19.95m), (estimate.Subtotal.Amount, estimate.Tax.Amount, estimate.Total.Amount));
    }

    private static Estimate Read(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var content = System.Text.Json.JsonSerializer.Deserialize(body, XeroJsonContext.Default.QuotesResult);
        var result = new XeroResult<QuotesResult>(new XeroCall(EntityKind.Estimate, "get", "golden"), 200, body, content, null);
        var records = XeroEnvelope.Map<QuoteWire, Estimate, QuotesResult>(result, QuotesResult.ListKey, keepRaw: true,
            wire => XeroQuote.Of(wire, Rates).Adapt<XeroQuote, Estimate>(XeroMapping.Config));
        return Assert.Single(records);
    }
}
