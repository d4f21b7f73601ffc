using Ledgerline.InMemory.Invoices;
using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Invoices;

public sealed class InvoiceCalculatorTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    [Fact]
    public async Task CreateAsync_FreshBooksFixture_ComputesDiscountBeforeTax()
    {
        var invoice = await _harness.InvoiceAsync(
            discountPercent: 10m,
            lines: [Line(1m, Cad(20m), new LineTax("HST", 13m)), Line(2m, Cad(12m))]);

        Assert.Equal(Cad(20m), invoice.Lines[0].Amount);
        Assert.Equal(Cad(24m), invoice.Lines[1].Amount);
        Assert.Equal(Cad(44.00m), invoice.Subtotal);
        Assert.Equal(Cad(4.40m), invoice.Discount);
        Assert.Equal(Cad(2.34m), invoice.Tax);
        Assert.Equal(Cad(41.94m), invoice.Total);
        Assert.Equal(Cad(0m), invoice.AmountPaid);
        Assert.Equal(Cad(41.94m), invoice.AmountDue);
        Assert.Equal(CurrencyCode.CAD, invoice.Currency);
    }

    [Fact]
    public async Task CreateAsync_PaidTwenty_LeavesFixtureDue()
    {
        var invoice = await _harness.InvoiceAsync(
            discountPercent: 10m,
            lines: [Line(1m, Cad(20m), new LineTax("HST", 13m)), Line(2m, Cad(12m))]);

        await _harness.PayAsync(invoice, 20m);
        var paid = await _harness.Ledger.Invoices.GetAsync(invoice.Id);

        Assert.Equal(Cad(20m), paid.AmountPaid);
        Assert.Equal(Cad(21.94m), paid.AmountDue);
        Assert.Equal(InvoiceStatus.PartiallyPaid, paid.Status);
    }

    [Theory]
    [InlineData("19.99", "3", "59.97")]
    [InlineData("1234567.89", "1", "1234567.89")]
    [InlineData("0.005", "1", "0.01")]
    [InlineData("0.015", "1", "0.02")]
    [InlineData("0.333", "3", "1.00")]
    [InlineData("10", "0", "0")]
    public async Task CreateAsync_LineAmount_IsQuantityTimesPriceRoundedHalfAwayFromZero(string price, string quantity, string expected)
    {
        var invoice = await _harness.InvoiceAsync(lines: [Line(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), Usd(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)))]);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), invoice.Lines[0].Amount.Amount);
        Assert.Equal(invoice.Lines[0].Amount, invoice.Subtotal);
    }

    [Fact]
    public async Task CreateAsync_TenAndTwentyCents_SumExactly()
    {
        var invoice = await _harness.InvoiceAsync(lines: [Line(1m, Usd(0.10m)), Line(1m, Usd(0.20m))]);

        Assert.Equal(0.30m, invoice.Subtotal.Amount);
        Assert.Equal(0.30m, invoice.Total.Amount);
    }

    [Fact]
    public async Task CreateAsync_TwoTaxesOnALine_AddsBothOnDiscountedAmount()
    {
        var invoice = await _harness.InvoiceAsync(
            discountPercent: 50m,
            lines: [Line(1m, Usd(100m), new LineTax("GST", 5m), new LineTax("PST", 7m))]);

        Assert.Equal(Usd(50m), invoice.Discount);
        Assert.Equal(Usd(6m), invoice.Tax);
        Assert.Equal(Usd(56m), invoice.Total);
    }

    [Fact]
    public void Settle_Always_KeepsTotalsConsistent()
    {
        var zero = Usd(0m);
        var lines = new[] { Line(3m, Usd(19.99m), new LineTax("Tax", 8.25m)), Line(0.5m, Usd(33.33m)) }.Select((l, i) => InvoiceCalculator.Line(l, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var invoice = new Invoice
        {
            Id = "1", UpdatedAt = Start, ContactId = "1", IssueDate = new DateOnly(2024, 1, 1), Currency = CurrencyCode.USD,
            Lines = lines, DiscountPercent = 12.5m, Subtotal = zero, Discount = zero, Tax = zero, Total = zero, AmountPaid = zero, AmountDue = zero,
        };

        var settled = InvoiceCalculator.Settle(invoice, Usd(10m), Usd(5m));

        Assert.Equal(settled.Lines.Sum(l => l.Amount.Amount), settled.Subtotal.Amount);
        Assert.Equal(settled.Subtotal - settled.Discount + settled.Tax, settled.Total);
        Assert.Equal(settled.Total - settled.AmountPaid - settled.AmountCredited, settled.AmountDue);
        Assert.Equal(Usd(5m), settled.AmountCredited);
        Assert.Equal(2, decimal.GetBits(settled.Tax.Amount)[3] >> 16 & 0xFF);
    }

    [Theory]
    [InlineData(0, InvoiceStatus.Draft)]
    [InlineData(50, InvoiceStatus.PartiallyPaid)]
    [InlineData(100, InvoiceStatus.Paid)]
    [InlineData(150, InvoiceStatus.Paid)]
    public void Status_ByAmountPaid_FollowsPayments(int paid, InvoiceStatus expected) =>
        Assert.Equal(expected, InvoiceCalculator.Status(InvoiceStatus.Draft, Usd(100m), Usd(paid)));

    [Fact]
    public void Status_ZeroTotalAndNothingPaid_StaysDraft() =>
        Assert.Equal(InvoiceStatus.Draft, InvoiceCalculator.Status(InvoiceStatus.Draft, Usd(0m), Usd(0m)));

    [Fact]
    public void Status_PaymentsRemovedFromPaid_ReturnsToDraft() =>
        Assert.Equal(InvoiceStatus.Draft, InvoiceCalculator.Status(InvoiceStatus.Paid, Usd(100m), Usd(0m)));

    [Fact]
    public void Status_SentAndPaymentsRemoved_StaysSent() =>
        Assert.Equal(InvoiceStatus.Sent, InvoiceCalculator.Status(InvoiceStatus.Sent, Usd(100m), Usd(0m)));

    public void Dispose() => _harness.Dispose();
}
