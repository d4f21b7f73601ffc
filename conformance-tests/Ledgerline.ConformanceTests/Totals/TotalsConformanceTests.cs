namespace Ledgerline.ConformanceTests;

/// <summary>
/// Money: lines → subtotal → discount → tax → total → paid → due, rounding half away from zero to cents, payments moving
/// the invoice status, and amounts that survive the round trip exactly.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Totals")]
public abstract class TotalsConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task CreateAsync_DiscountAndTax_ComputesTotalsLikeFreshBooks()
    {
        var contactId = await InvoiceSetupAsync();

        // FreshBooks' own documented example: 20.00 taxed at 13 % and 24.00 untaxed, 10 % discount before tax.
        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with
            {
                Lines = [Samples.Line("Design", 1m, 20m, new LineTax("HST", 13m)), Samples.Line("Hosting", 2m, 12m)],
                DiscountPercent = 10m,
            },
            Cancellation);

        Assert.Equal([Samples.Usd(20.00m), Samples.Usd(24.00m)], invoice.Lines.Select(l => l.Amount));
        Assert.Equal(Samples.Usd(44.00m), invoice.Subtotal);
        Assert.Equal(Samples.Usd(4.40m), invoice.Discount);
        Assert.Equal(Samples.Usd(2.34m), invoice.Tax);
        Assert.Equal(Samples.Usd(41.94m), invoice.Total);
        Assert.Equal(Samples.Usd(0m), invoice.AmountPaid);
        Assert.Equal(Samples.Usd(41.94m), invoice.AmountDue);
        Assert.Equal(10m, invoice.DiscountPercent);
        Assert.Equal(invoice.Total, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Total);
    }

    [Theory]
    [InlineData("3", "19.99", "59.97")]
    [InlineData("1", "1234567.89", "1234567.89")]
    [InlineData("1.5", "33.33", "50.00")]
    [InlineData("0.5", "0.01", "0.01")]
    [InlineData("2.5", "0.10", "0.25")]
    [InlineData("0", "99.99", "0.00")]
    public virtual async Task CreateAsync_QuantityTimesPrice_RoundsLineHalfAwayFromZero(string quantity, string unitPrice, string expected)
    {
        var contactId = await InvoiceSetupAsync();
        var q = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);
        var price = decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture);
        var amount = Samples.Usd(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId) with { Lines = [Samples.Line("Item", q, price)] }, Cancellation);
        var read = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        var line = Assert.Single(read.Lines);
        Assert.Equal(q, line.Quantity);
        Assert.Equal(Samples.Usd(price), line.UnitPrice);
        Assert.Equal(amount, line.Amount);
        Assert.Equal(amount, read.Subtotal);
        Assert.Equal(amount, read.Total);
    }

    [Fact]
    public virtual async Task CreateAsync_TenCentsPlusTwentyCents_IsExactlyThirtyCents()
    {
        var contactId = await InvoiceSetupAsync();

        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with { Lines = [Samples.Line("A", 1m, 0.10m), Samples.Line("B", 1m, 0.20m)] }, Cancellation);

        Assert.Equal(0.30m, invoice.Subtotal.Amount);
        Assert.Equal(0.30m, invoice.Total.Amount);
        Assert.Equal(0.30m, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).AmountDue.Amount);
    }

    [Fact]
    public virtual async Task CreateAsync_TwoTaxesOnOneLine_AddsBoth()
    {
        var contactId = await InvoiceSetupAsync();

        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with { Lines = [Samples.Line("Work", 1m, 100m, new LineTax("GST", 5m), new LineTax("PST", 7.5m))] },
            Cancellation);

        Assert.Equal(Samples.Usd(12.50m), invoice.Tax);
        Assert.Equal(Samples.Usd(112.50m), invoice.Total);
        Assert.Equal([new LineTax("GST", 5m), new LineTax("PST", 7.5m)], Assert.Single(invoice.Lines).Taxes);
    }

    [Fact]
    public virtual async Task CreateAsync_InvoiceInEuros_KeepsCurrencyOnEveryAmount()
    {
        var contactId = await InvoiceSetupAsync();
        var euros = new Money(12.34m, CurrencyCode.EUR);

        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with { Currency = CurrencyCode.EUR, Lines = [new NewInvoiceLine { Name = "Item", Quantity = 2m, UnitPrice = euros }] },
            Cancellation);

        Assert.Equal(CurrencyCode.EUR, invoice.Currency);
        Assert.Equal(new Money(24.68m, CurrencyCode.EUR), invoice.Total);
        Assert.All(new[] { invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.AmountPaid, invoice.AmountDue }, m => Assert.Equal(CurrencyCode.EUR, m.Currency));
    }

    [Fact]
    public virtual async Task CreateAsync_ThreeDecimalCurrency_RoundsToItsMinorUnit()
    {
        var contactId = await InvoiceSetupAsync();
        var kwd = CurrencyCode.Parse("KWD");

        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with
            {
                Currency = kwd,
                Lines = [new NewInvoiceLine { Name = "Item", Quantity = 1m, UnitPrice = new Money(1.234m, kwd), Taxes = [new LineTax("VAT", 10m)] }],
            },
            Cancellation);

        // 1.234 × 10 % = 0.1234 → 0.123 (three places, as dinars have), not 0.12.
        Assert.Equal(new Money(1.234m, kwd), Assert.Single(invoice.Lines).Amount);
        Assert.Equal(new Money(1.234m, kwd), invoice.Subtotal);
        Assert.Equal(new Money(0.123m, kwd), invoice.Tax);
        Assert.Equal(new Money(1.357m, kwd), invoice.Total);
        Assert.Equal(new Money(1.357m, kwd), invoice.AmountDue);
    }

    [Fact]
    public virtual async Task CreateAsync_ZeroDecimalCurrency_RoundsToWholeUnits()
    {
        var contactId = await InvoiceSetupAsync();
        var jpy = CurrencyCode.Parse("JPY");

        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with
            {
                Currency = jpy,
                Lines = [new NewInvoiceLine { Name = "Item", Quantity = 3m, UnitPrice = new Money(333.5m, jpy), Taxes = [new LineTax("Consumption", 8m)] }],
            },
            Cancellation);

        // 3 × 333.5 = 1000.5 → 1001 yen (half away from zero); 8 % of 1001 = 80.08 → 80.
        Assert.Equal(new Money(1001m, jpy), Assert.Single(invoice.Lines).Amount);
        Assert.Equal(new Money(80m, jpy), invoice.Tax);
        Assert.Equal(new Money(1081m, jpy), invoice.Total);
        Assert.Equal(0, decimal.Truncate(invoice.Total.Amount) - invoice.Total.Amount);
    }

    [Fact]
    public virtual async Task UpdateAsync_NewLines_RecomputesTotals()
    {
        var contactId = await InvoiceSetupAsync();
        if (!await SupportedOrRefusedAsync(EntityKind.Invoice, StoreOperations.Update, () => Ledger.Invoices.UpdateAsync(MissingId, new InvoiceChanges { Notes = "x" }, Cancellation)))
        {
            return;
        }

        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 10m), Cancellation);

        var updated = await Ledger.Invoices.UpdateAsync(
            invoice.Id,
            new InvoiceChanges { Lines = [Samples.Line("A", 2m, 15m, new LineTax("VAT", 20m)), Samples.Line("B", 1m, 5m)], DiscountPercent = 50m },
            Cancellation);

        Assert.Equal(Samples.Usd(35m), updated.Subtotal);
        Assert.Equal(Samples.Usd(17.50m), updated.Discount);
        Assert.Equal(Samples.Usd(3m), updated.Tax);
        Assert.Equal(Samples.Usd(20.50m), updated.Total);
        Assert.Equal(Samples.Usd(20.50m), updated.AmountDue);
        Assert.Equal(updated.Total, (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Total);
    }

    [Fact]
    public virtual async Task CreateAsync_Payments_MoveInvoiceThroughPartiallyPaidToPaid()
    {
        var contactId = await InvoiceSetupAsync();
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        var invoice = await Ledger.Invoices.CreateAsync(
            Samples.Invoice(contactId) with
            {
                Lines = [Samples.Line("Design", 1m, 20m, new LineTax("HST", 13m)), Samples.Line("Hosting", 2m, 12m)],
                DiscountPercent = 10m,
            },
            Cancellation);
        Assert.Equal(InvoiceStatus.Draft, invoice.Status);

        await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 20m), Cancellation);
        var partly = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);
        await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 21.94m), Cancellation);
        var paid = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(InvoiceStatus.PartiallyPaid, partly.Status);
        Assert.Equal(Samples.Usd(20m), partly.AmountPaid);
        Assert.Equal(Samples.Usd(21.94m), partly.AmountDue);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(Samples.Usd(41.94m), paid.AmountPaid);
        Assert.Equal(Samples.Usd(0m), paid.AmountDue);
        Assert.Equal(Samples.Usd(41.94m), paid.Total);
    }

    [Fact]
    public virtual async Task DeleteAsync_OnlyPayment_ReturnsInvoiceToDraft()
    {
        var contactId = await InvoiceSetupAsync();
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        if (!await SupportedOrRefusedAsync(EntityKind.Payment, StoreOperations.Delete, () => Ledger.Payments.DeleteAsync(MissingId, Cancellation)))
        {
            return;
        }

        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 80m), Cancellation);
        var payment = await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 30m), Cancellation);

        await Ledger.Payments.DeleteAsync(payment.Id, Cancellation);
        var after = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(InvoiceStatus.Draft, after.Status);
        Assert.Equal(Samples.Usd(0m), after.AmountPaid);
        Assert.Equal(Samples.Usd(80m), after.AmountDue);
    }

    [Fact]
    public virtual async Task UpdateAsync_PaymentAmount_MovesAmountDue()
    {
        var contactId = await InvoiceSetupAsync();
        RequireForSetup(EntityKind.Payment, StoreOperations.Create);
        if (!await SupportedOrRefusedAsync(EntityKind.Payment, StoreOperations.Update,
            () => Ledger.Payments.UpdateAsync(MissingId, new PaymentChanges { Note = "x" }, Cancellation)))
        {
            return;
        }

        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 80m), Cancellation);
        var payment = await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 30m), Cancellation);

        var updated = await Ledger.Payments.UpdateAsync(payment.Id, new PaymentChanges { Amount = Samples.Usd(80m) }, Cancellation);
        var after = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(Samples.Usd(80m), updated.Amount);
        Assert.Equal(Samples.Usd(80m), after.AmountPaid);
        Assert.Equal(Samples.Usd(0m), after.AmountDue);
        Assert.Equal(InvoiceStatus.Paid, after.Status);
    }

    [Fact]
    public virtual async Task CreateAsync_PaymentInOtherCurrency_IsRejectedOnAmountAndNothingIsWritten()
    {
        var contactId = await InvoiceSetupAsync();
        RequireForSetup(EntityKind.Payment, StoreOperations.Create | StoreOperations.List);
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 80m), Cancellation);

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Payments.CreateAsync(
            Samples.Payment(invoice.Id, 10m) with { Amount = new Money(10m, CurrencyCode.EUR) }, Cancellation));

        Assert.Contains(refused.Errors, e => e.Field == nameof(NewPayment.Amount));
        Assert.Empty(await ToListAsync(Ledger.Payments.ListAsync(cancellationToken: Cancellation)));
        Assert.Equal(Samples.Usd(0m), (await Ledger.Invoices.GetAsync(invoice.Id, Cancellation)).AmountPaid);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("1234567.89")]
    [InlineData("19.99")]
    public virtual async Task CreateAsync_ExpenseAmount_RoundTripsExactly(string amount)
    {
        RequireForSetup(EntityKind.Expense, StoreOperations.Create | StoreOperations.Get);
        var money = Samples.Usd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        var created = await Ledger.Expenses.CreateAsync(Samples.Expense(1) with { Amount = money }, Cancellation);

        Assert.Equal(money, created.Amount);
        Assert.Equal(money, (await Ledger.Expenses.GetAsync(created.Id, Cancellation)).Amount);
    }

    [Fact]
    public virtual async Task CreateAsync_PaymentOfOneCent_RoundTripsExactly()
    {
        var contactId = await InvoiceSetupAsync();
        RequireForSetup(EntityKind.Payment, StoreOperations.Create | StoreOperations.Get);
        var invoice = await Ledger.Invoices.CreateAsync(Samples.Invoice(contactId, 1234567.89m), Cancellation);

        var payment = await Ledger.Payments.CreateAsync(Samples.Payment(invoice.Id, 0.01m), Cancellation);
        var after = await Ledger.Invoices.GetAsync(invoice.Id, Cancellation);

        Assert.Equal(Samples.Usd(0.01m), (await Ledger.Payments.GetAsync(payment.Id, Cancellation)).Amount);
        Assert.Equal(Samples.Usd(1234567.88m), after.AmountDue);
        Assert.Equal(InvoiceStatus.PartiallyPaid, after.Status);
    }

    private async Task<string> InvoiceSetupAsync()
    {
        RequireForSetup(EntityKind.Contact, StoreOperations.Create);
        RequireForSetup(EntityKind.Invoice, StoreOperations.Create | StoreOperations.Get);
        return (await Ledger.Contacts.CreateAsync(Samples.Contact(1), Cancellation)).Id;
    }
}
