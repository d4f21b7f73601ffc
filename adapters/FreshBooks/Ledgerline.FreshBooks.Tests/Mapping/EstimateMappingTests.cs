using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Tests.Support;
using Mapster;

namespace Ledgerline.FreshBooks.Tests.Mapping;

/// <summary>Estimates read exactly like invoices (lines, totals), with their own status words and the invoices made from them.</summary>
public sealed class EstimateMappingTests
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;

    private static Estimate Golden(Action<JsonObject>? change = null)
    {
        var root = JsonNode.Parse(Support.Golden.Bytes("estimate.json"))!.AsObject();
        change?.Invoke(root["response"]!["result"]!["estimate"]!.AsObject());
        return Read.Record<Estimate>(Support.Golden.Response(JsonSerializer.SerializeToUtf8Bytes(root), EntityKind.Estimate));
    }

    [Fact]
    public void MapEstimate_GoldenBody_EveryCanonicalField()
    {
        var estimate = Golden();

        Assert.Equal("4411", estimate.Id);
        // "2024-10-29 16:45:10" US/Eastern (EDT, UTC-4).
        Assert.Equal(new DateTimeOffset(2024, 10, 29, 20, 45, 10, TimeSpan.Zero), estimate.UpdatedAt);
        Assert.Equal(RecordState.Active, estimate.State);
        Assert.Equal("0000003", estimate.Number);
        Assert.Equal("50231", estimate.ContactId);
        Assert.Equal(EstimateStatus.Accepted, estimate.Status);
        Assert.Equal("accepted", estimate.ProviderStatus);
        Assert.Equal(new DateOnly(2024, 10, 28), estimate.IssueDate);
        Assert.Null(estimate.ExpiryDate);
        Assert.Equal(Cad, estimate.Currency);
        Assert.Equal(10m, estimate.DiscountPercent);
        Assert.Equal(new Money(44.00m, Cad), estimate.Subtotal);
        Assert.Equal(new Money(4.40m, Cad), estimate.Discount);
        Assert.Equal(new Money(2.34m, Cad), estimate.Tax);
        Assert.Equal(new Money(41.94m, Cad), estimate.Total);
        Assert.Equal("Valid for 30 days.", estimate.Notes);
        Assert.Equal("Net 30", estimate.Terms);
        Assert.Equal("987654", estimate.InvoiceId);
        Assert.Equal(2, estimate.Lines.Count);
        Assert.Equal([new LineTax("HST", 13m)], estimate.Lines[0].Taxes);
        Assert.Equal(new Money(24.00m, Cad), estimate.Lines[1].Amount);
        Assert.Null(estimate.Lines[1].Description);
        Assert.IsType<RawJson>(estimate.RawRepresentation);
    }

    [Theory]
    [InlineData("draft", 1, EstimateStatus.Draft)]
    [InlineData("sent", 2, EstimateStatus.Sent)]
    [InlineData("viewed", 3, EstimateStatus.Viewed)]
    [InlineData("replied", 4, EstimateStatus.Unknown)]
    [InlineData("accepted", 5, EstimateStatus.Accepted)]
    [InlineData("invoiced", 6, EstimateStatus.Invoiced)]
    [InlineData("something-new", 5, EstimateStatus.Unknown)]
    [InlineData(null, 6, EstimateStatus.Invoiced)]
    [InlineData(null, 9, EstimateStatus.Unknown)]
    public void MapEstimate_Status_UiStatusWinsOverNumber(string? uiStatus, int status, EstimateStatus expected)
    {
        var estimate = Golden(e =>
        {
            e["ui_status"] = uiStatus;
            e["status"] = status;
        });

        Assert.Equal(expected, estimate.Status);
        Assert.Equal(uiStatus ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), estimate.ProviderStatus);
    }

    [Fact]
    public void MapEstimate_NoInvoicesInclude_HasNoInvoice()
    {
        Assert.Null(Golden(e => e.Remove("invoices")).InvoiceId);
        Assert.Null(Golden(e => e["invoices"] = new JsonArray()).InvoiceId);
    }

    [Theory]
    [InlineData("customerid")]
    [InlineData("create_date")]
    [InlineData("id")]
    public void MapEstimate_MissingRequiredValue_IsInvalidResponse(string field)
    {
        var error = Assert.Throws<InvalidProviderResponseException>(() => Golden(e =>
        {
            e.Remove(field);
            if (field == "id")
            {
                e.Remove("estimateid");
            }
        }));

        Assert.False(string.IsNullOrEmpty(error.BodyExcerpt));
    }

    [Theory]
    [InlineData("create_date", "28/10/2024")]
    [InlineData("discount_value", "ten")]
    public void MapEstimate_MalformedValue_IsInvalidResponse(string field, string value) =>
        Assert.Throws<InvalidProviderResponseException>(() => Golden(e => e[field] = value));

    [Fact]
    public void MapEstimate_NoStatusAtAll_IsInvalidResponse() =>
        Assert.Throws<InvalidProviderResponseException>(() => Golden(e =>
        {
            e.Remove("status");
            e.Remove("ui_status");
        }));

    [Fact]
    public void MapNewEstimate_Body_CarriesEveryFieldButNoExpiry()
    {
        var draft = new NewEstimate
        {
            ContactId = "50231",
            Currency = Cad,
            IssueDate = new DateOnly(2024, 10, 28),
            ExpiryDate = new DateOnly(2024, 11, 27),
            Number = "Q-7",
            DiscountPercent = 10m,
            Notes = "n",
            Terms = "t",
            Lines = [new NewInvoiceLine { Name = "Consulting", Quantity = 2m, UnitPrice = new Money(10m, Cad), Taxes = [new LineTax("HST", 13m)] }],
        };

        var body = JsonSerializer.SerializeToNode(new EstimateBody(draft.Adapt<NewEstimate, EstimateWrite>(FreshBooksMapping.Config)), FreshBooksJson.Options)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"estimate":{"customerid":50231,"create_date":"2024-10-28","currency_code":"CAD","estimate_number":"Q-7","discount_value":"10",
             "notes":"n","terms":"t","lines":[{"type":0,"name":"Consulting","qty":"2","unit_cost":{"amount":"10","code":"CAD"},"taxName1":"HST","taxAmount1":"13"}]}}
            """), body), body.ToJsonString());
    }
}
