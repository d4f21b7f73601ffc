using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Tests.Support;
using Mapster;

namespace Ledgerline.FreshBooks.Tests.Mapping;

/// <summary>Credit notes read like invoices without a discount; the remaining credit is amount − paid.</summary>
public sealed class CreditNoteMappingTests
{
    private static readonly CurrencyCode Cad = CurrencyCode.CAD;

    private static CreditNote Golden(Action<JsonObject>? change = null)
    {
        var root = JsonNode.Parse(Support.Golden.Bytes("credit_note.json"))!.AsObject();
        change?.Invoke(root["response"]!["result"]!["credit_note"]!.AsObject());
        return Read.Record<CreditNote>(Support.Golden.Response(JsonSerializer.SerializeToUtf8Bytes(root), EntityKind.CreditNote));
    }

    [Fact]
    public void MapCreditNote_GoldenBody_EveryCanonicalField()
    {
        var note = Golden();

        Assert.Equal("20405", note.Id);
        // "2024-10-29 16:45:10" US/Eastern (EDT, UTC-4).
        Assert.Equal(new DateTimeOffset(2024, 10, 29, 20, 45, 10, TimeSpan.Zero), note.UpdatedAt);
        Assert.Equal(RecordState.Active, note.State);
        Assert.Equal("0000069", note.Number);
        Assert.Equal("50231", note.ContactId);
        Assert.Equal(CreditNoteStatus.Open, note.Status);
        Assert.Equal("created/partial", note.ProviderStatus);
        Assert.Equal(new DateOnly(2024, 10, 28), note.IssueDate);
        Assert.Equal(Cad, note.Currency);
        Assert.Equal(new Money(44.00m, Cad), note.Subtotal);
        Assert.Equal(new Money(2.60m, Cad), note.Tax);
        Assert.Equal(new Money(46.60m, Cad), note.Total);
        Assert.Equal(new Money(30.00m, Cad), note.RemainingCredit);
        Assert.Empty(note.Allocations);
        Assert.Equal("Sorry for the delay.", note.Notes);
        Assert.Equal(2, note.Lines.Count);
        Assert.Equal([new LineTax("HST", 13m)], note.Lines[0].Taxes);
        Assert.Equal(new Money(24.00m, Cad), note.Lines[1].Amount);
        Assert.Null(note.Lines[1].Description);
        Assert.IsType<RawJson>(note.RawRepresentation);
    }

    [Theory]
    [InlineData("created", "0.00", 0, CreditNoteStatus.Open)]
    [InlineData("sent", "46.59", 0, CreditNoteStatus.Open)]
    [InlineData("viewed", "46.60", 0, CreditNoteStatus.Applied)]
    [InlineData("created", "46.60", 0, CreditNoteStatus.Applied)]
    [InlineData("draft", "0.00", 0, CreditNoteStatus.Draft)]
    [InlineData("created", "10.00", 1, CreditNoteStatus.Void)]
    [InlineData("something-new", "0.00", 0, CreditNoteStatus.Unknown)]
    public void MapCreditNote_Status_FromStatusAndRemainingCredit(string status, string paid, int visState, CreditNoteStatus expected)
    {
        var note = Golden(c =>
        {
            c["status"] = status;
            c["paid"] = new JsonObject { ["amount"] = paid, ["code"] = "CAD" };
            c["vis_state"] = visState;
        });

        Assert.Equal(expected, note.Status);
        Assert.Equal(note.Total - new Money(decimal.Parse(paid, System.Globalization.CultureInfo.InvariantCulture), Cad), note.RemainingCredit);
    }

    [Theory]
    [InlineData("clientid")]
    [InlineData("create_date")]
    [InlineData("id")]
    [InlineData("status")]
    [InlineData("amount")]
    // FreshBooks sends paid on every credit note; without it the remaining credit would be a guess.
    [InlineData("paid")]
    public void MapCreditNote_MissingRequiredValue_IsInvalidResponse(string field)
    {
        var error = Assert.Throws<InvalidProviderResponseException>(() => Golden(c =>
        {
            c.Remove(field);
            if (field == "id")
            {
                c.Remove("creditid");
            }
        }));

        Assert.False(string.IsNullOrEmpty(error.BodyExcerpt));
    }

    [Theory]
    [InlineData("create_date", "28/10/2024")]
    public void MapCreditNote_MalformedValue_IsInvalidResponse(string field, string value) =>
        Assert.Throws<InvalidProviderResponseException>(() => Golden(c => c[field] = value));

    [Fact]
    public void MapCreditNote_PaidAboveAmount_IsInvalidResponse() =>
        Assert.Throws<InvalidProviderResponseException>(() => Golden(c => c["paid"] = new JsonObject { ["amount"] = "50.00", ["code"] = "CAD" }));

    [Fact]
    public void MapNewCreditNote_Body_CarriesEveryField()
    {
        var draft = new NewCreditNote
        {
            ContactId = "50231",
            Currency = Cad,
            IssueDate = new DateOnly(2024, 10, 28),
            Number = "CN-7",
            Notes = "n",
            Lines = [new NewInvoiceLine { Name = "Refund", Quantity = 2m, UnitPrice = new Money(10m, Cad), Taxes = [new LineTax("HST", 13m)] }],
        };

        var body = JsonSerializer.SerializeToNode(new CreditNoteBody(draft.Adapt<NewCreditNote, CreditNoteWrite>(FreshBooksMapping.Config)), FreshBooksJson.Options)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"credit_note":{"clientid":50231,"create_date":"2024-10-28","currency_code":"CAD","credit_number":"CN-7","notes":"n",
             "lines":[{"type":0,"name":"Refund","qty":"2","unit_cost":{"amount":"10","code":"CAD"},"taxName1":"HST","taxAmount1":"13"}]}}
            """), body), body.ToJsonString());
    }

    [Fact]
    public void MapCreditAllocation_Body_IsACreditPaymentNamingTheCreditNote()
    {
        var body = JsonSerializer.SerializeToNode(new CreditPaymentBody(new CreditPaymentWrite
        {
            InvoiceId = 987654,
            Amount = FreshBooksValues.MoneyOut(new Money(20m, Cad)),
            Date = "2024-11-01",
            CreditId = 20405,
        }), FreshBooksJson.Options)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"payment":{"invoiceid":987654,"amount":{"amount":"20","code":"CAD"},"date":"2024-11-01","type":"Credit","creditid":20405}}
            """), body), body.ToJsonString());
    }
}
