using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Tests.Support;
using Mapster;

namespace Ledgerline.FreshBooks.Tests.Mapping;

/// <summary>Bill vendors, bills and bill payments: golden bodies in FreshBooks' documented shapes, strict where it matters.</summary>
public sealed class AccountsPayableMappingTests
{
    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    private static TRecord Golden<TRecord>(string file, string key, EntityKind entity, Action<JsonObject>? change = null)
        where TRecord : LedgerRecord
    {
        var root = JsonNode.Parse(Support.Golden.Bytes(file))!.AsObject();
        change?.Invoke(root["response"]!["result"]!["" + key]!.AsObject());
        return Read.Record<TRecord>(Support.Golden.Response(JsonSerializer.SerializeToUtf8Bytes(root), entity));
    }

    private static Bill GoldenBill(Action<JsonObject>? change = null) => Golden<Bill>("bill.json", "bill", EntityKind.Bill, change);

    [Fact]
    public void MapVendor_GoldenBody_EveryCanonicalField()
    {
        var vendor = Golden<Vendor>("bill_vendor.json", "bill_vendor", EntityKind.Vendor);

        Assert.Equal("5", vendor.Id);
        // updated_at is UTC for bill vendors, unlike the Eastern "updated" of clients.
        Assert.Equal(new DateTimeOffset(2024, 10, 29, 16, 45, 10, TimeSpan.Zero), vendor.UpdatedAt);
        Assert.Equal(RecordState.Active, vendor.State);
        Assert.Equal("Paper Co.", vendor.Name);
        Assert.Equal(("Grace", "Hopper", "ap@paperco.example"), (vendor.FirstName, vendor.LastName, vendor.Email));
        Assert.Equal(("416-555-0100", "https://paperco.example", "ACC-778"), (vendor.Phone, vendor.Website, vendor.AccountNumber));
        Assert.Equal(new PostalAddress { Street = "1 King St W", City = "Toronto", Region = "Ontario", PostalCode = "M5V 2T6", Country = "Canada" }, vendor.Address);
        Assert.Equal(CurrencyCode.CAD, vendor.Currency);
        Assert.Equal("Pays on the 15th.", vendor.Notes);
        Assert.IsType<RawJson>(vendor.RawRepresentation);
    }

    [Fact]
    public void MapVendor_NoVendorIdOrName_IsAnInvalidResponse()
    {
        Assert.Throws<InvalidProviderResponseException>(() => Golden<Vendor>("bill_vendor.json", "bill_vendor", EntityKind.Vendor, v => v.Remove("vendorid")));
        Assert.Throws<InvalidProviderResponseException>(() => Golden<Vendor>("bill_vendor.json", "bill_vendor", EntityKind.Vendor, v => v["vendor_name"] = ""));
        Assert.Throws<InvalidProviderResponseException>(() => Golden<Vendor>("bill_vendor.json", "bill_vendor", EntityKind.Vendor, v =>
        {
            v.Remove("updated_at");
            v.Remove("created_at");
        }));
        Assert.Throws<InvalidProviderResponseException>(() => GoldenBill(b =>
        {
            b.Remove("updated_at");
            b.Remove("created_at");
        }));
    }

    [Fact]
    public void MapBill_GoldenBody_EveryCanonicalField()
    {
        var bill = GoldenBill();

        Assert.Equal("7", bill.Id);
        Assert.Equal(new DateTimeOffset(2020, 10, 10, 9, 30, 0, TimeSpan.Zero), bill.UpdatedAt);
        Assert.Equal("INV-991", bill.Number);
        Assert.Equal("5", bill.VendorId);
        Assert.Equal((BillStatus.PartiallyPaid, "partial"), (bill.Status, bill.ProviderStatus));
        Assert.Equal((new DateOnly(2020, 10, 9), new DateOnly(2020, 11, 17)), (bill.IssueDate, bill.DueDate));
        Assert.Equal(Usd, bill.Currency);
        Assert.Equal(new Money(117.50m, Usd), bill.Subtotal);
        Assert.Equal(new Money(1.88m, Usd), bill.Tax);
        Assert.Equal(new Money(119.38m, Usd), bill.Total);
        Assert.Equal(new Money(19.38m, Usd), bill.AmountPaid);
        Assert.Equal(new Money(100.00m, Usd), bill.AmountDue);
        Assert.Null(bill.Notes);
        Assert.Equal(2, bill.Lines.Count);
        Assert.Equal(("Paper", 3m, new Money(12.50m, Usd), new Money(37.50m, Usd), "4001"),
            (bill.Lines[0].Description, bill.Lines[0].Quantity, bill.Lines[0].UnitPrice, bill.Lines[0].Amount, bill.Lines[0].CategoryId));
        Assert.Equal([new LineTax("GST", 5m)], bill.Lines[0].Taxes);
        Assert.Empty(bill.Lines[1].Taxes);
        Assert.IsType<RawJson>(bill.RawRepresentation);
    }

    [Theory]
    [InlineData("unpaid", BillStatus.Open)]
    [InlineData("partial", BillStatus.PartiallyPaid)]
    [InlineData("paid", BillStatus.Paid)]
    [InlineData("overdue", BillStatus.Overdue)]
    [InlineData("disputed", BillStatus.Unknown)]
    public void MapBill_Status_MapsAndKeepsTheRawValue(string status, BillStatus expected)
    {
        var bill = GoldenBill(b => b["status"] = status);

        Assert.Equal((expected, status), (bill.Status, bill.ProviderStatus));
    }

    [Theory]
    [InlineData("amount", "117.49")]
    [InlineData("tax_amount", "1.87")]
    [InlineData("total_amount", "119.00")]
    [InlineData("outstanding", "99.99")]
    public void MapBill_TotalsThatDoNotAddUp_AreAnInvalidResponse(string field, string amount)
    {
        Assert.Throws<InvalidProviderResponseException>(() => GoldenBill(b => b[field] = new JsonObject { ["amount"] = amount, ["code"] = "USD" }));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("vendorid")]
    [InlineData("issue_date")]
    [InlineData("currency_code")]
    public void MapBill_RequiredFieldMissing_IsAnInvalidResponse(string field)
    {
        Assert.Throws<InvalidProviderResponseException>(() => GoldenBill(b => b.Remove(field)));
    }

    [Fact]
    public void MapBill_AmountInAnotherCurrency_IsAnInvalidResponse()
    {
        Assert.Throws<InvalidProviderResponseException>(() => GoldenBill(b => b["paid"] = new JsonObject { ["amount"] = "19.38", ["code"] = "EUR" }));
    }

    [Fact]
    public void MapBillPayment_GoldenBody_ReadsWithNoTimestampRatherThanAnInventedOne()
    {
        // FreshBooks bill payments carry no timestamp at all: UpdatedAt stays null, never a placeholder.
        var payment = Golden<BillPayment>("bill_payment.json", "bill_payment", EntityKind.BillPayment);

        Assert.Equal("3", payment.Id);
        Assert.Null(payment.UpdatedAt);
        Assert.Equal(RecordState.Active, payment.State);
        Assert.Equal("7", payment.BillId);
        Assert.Equal(new Money(19.38m, Usd), payment.Amount);
        Assert.Equal(new DateOnly(2020, 10, 10), payment.Date);
        Assert.Equal("Check", payment.Method);
        Assert.Equal("First part", payment.Note);
        Assert.Null(payment.VendorId);
    }

    [Fact]
    public void MapBillPayment_WithoutPaidDate_IsAnInvalidResponse()
    {
        Assert.Throws<InvalidProviderResponseException>(() =>
            Golden<BillPayment>("bill_payment.json", "bill_payment", EntityKind.BillPayment, p => p.Remove("paid_date")));
    }

    [Fact]
    public void MapBillWrites_DueDateAsOffsetAndLinesWithCategories()
    {
        var lines = BillRegister.LinesOut(
            [
                new NewBillLine { Description = "Paper", Quantity = 3m, UnitPrice = new Money(12.50m, Usd), CategoryId = "4001", Taxes = [new LineTax("GST", 5m), new LineTax("PST", 7m)] },
                new NewBillLine { Description = "Toner", Quantity = 1m, UnitPrice = new Money(80m, Usd) },
            ],
            defaultCategory: 99);

        Assert.Equal(new BillLineWrite
        {
            Description = "Paper", Quantity = "3", UnitCost = new MoneyWire { Amount = "12.50", Code = "USD" }, CategoryId = 4001,
            TaxName1 = "GST", TaxPercent1 = "5", TaxName2 = "PST", TaxPercent2 = "7",
        }, lines[0]);
        Assert.Equal(99, lines[1].CategoryId);
        var payment = new NewBillPayment { BillId = "7", Amount = new Money(5m, Usd), Date = new DateOnly(2020, 10, 10), Method = "Cash" }
            .Adapt<NewBillPayment, BillPaymentWrite>(FreshBooksMapping.Config);
        Assert.Equal((7L, "2020-10-10", "Cash"), (payment.BillId, payment.PaidDate, payment.PaymentType));
    }
}
