using Ledgerline.InMemory.Tests.Support;
using static Ledgerline.InMemory.Tests.Support.LedgerHarness;

namespace Ledgerline.InMemory.Tests.Integrity;

/// <summary>Amounts never contradict each other: nothing is paid beyond a total, by any path, and no amount is finer than its currency.</summary>
public sealed class AmountIntegrityTests : IDisposable
{
    private readonly LedgerHarness _harness = new();

    private ILedger Ledger => _harness.Ledger;

    private async Task<Invoice> SentInvoiceAsync(decimal total)
    {
        var invoice = await _harness.InvoiceAsync(lines: Line(1m, Usd(total)));
        return await Ledger.Invoices.MarkAsSentAsync(invoice.Id);
    }

    private static NewPayment Pay(string invoiceId, decimal amount) => new() { InvoiceId = invoiceId, Amount = Usd(amount), Date = new DateOnly(2024, 5, 2) };

    [Fact]
    public async Task CreatePayment_MoreThanTheAmountDue_IsRefusedAndNothingMoves()
    {
        var invoice = await SentInvoiceAsync(100m);
        await Ledger.Payments.CreateAsync(Pay(invoice.Id, 60m));

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Payments.CreateAsync(Pay(invoice.Id, 50m)));

        Assert.Equal("PaymentExceedsAmountDue", Assert.Single(error.Errors).Code);
        Assert.Equal(Usd(40m), (await Ledger.Invoices.GetAsync(invoice.Id)).AmountDue);
    }

    [Fact]
    public async Task UpdatePayment_BeyondTheTotal_IsRefused()
    {
        var invoice = await SentInvoiceAsync(100m);
        var payment = await Ledger.Payments.CreateAsync(Pay(invoice.Id, 40m));

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Payments.UpdateAsync(payment.Id, new PaymentChanges { Amount = Usd(500m) }));
        var raised = await Ledger.Payments.UpdateAsync(payment.Id, new PaymentChanges { Amount = Usd(100m) });

        Assert.Equal(Usd(100m), raised.Amount);
        Assert.Equal(Usd(0m), (await Ledger.Invoices.GetAsync(invoice.Id)).AmountDue);
    }

    [Fact]
    public async Task UpdateInvoice_TotalBelowWhatIsPaid_IsRefused()
    {
        var invoice = await SentInvoiceAsync(100m);
        await Ledger.Payments.CreateAsync(Pay(invoice.Id, 40m));

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges { Lines = [Line(1m, Usd(5m))] }));

        Assert.Equal("TotalBelowPaid", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task RestorePayment_ThatWouldOverpay_IsRefused()
    {
        var invoice = await SentInvoiceAsync(100m);
        var first = await Ledger.Payments.CreateAsync(Pay(invoice.Id, 100m));
        await Ledger.Payments.DeleteAsync(first.Id);
        await Ledger.Payments.CreateAsync(Pay(invoice.Id, 100m));

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Payments.RestoreAsync(first.Id));

        Assert.Equal(Usd(100m), (await Ledger.Invoices.GetAsync(invoice.Id)).AmountPaid);
    }

    [Fact]
    public async Task RestoreBillPayment_ThatWouldOverpay_IsRefused()
    {
        var vendor = await Ledger.Vendors.CreateAsync(new NewVendor { Name = "Supplier" });
        var bill = await Ledger.Bills.CreateAsync(new NewBill
        {
            VendorId = vendor.Id, Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 5, 1),
            Lines = [new NewBillLine { Description = "Paper", Quantity = 1m, UnitPrice = Usd(100m) }],
        });
        var first = await Ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = Usd(100m), Date = new DateOnly(2024, 5, 2) });
        await Ledger.BillPayments.DeleteAsync(first.Id);
        await Ledger.BillPayments.CreateAsync(new NewBillPayment { BillId = bill.Id, Amount = Usd(100m), Date = new DateOnly(2024, 5, 2) });

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.BillPayments.RestoreAsync(first.Id));
        var deleteBill = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Bills.DeleteAsync(bill.Id));

        Assert.Equal("BillHasPayments", Assert.Single(deleteBill.Errors).Code);
        Assert.Equal(Usd(0m), (await Ledger.Bills.GetAsync(bill.Id)).AmountDue);
    }

    [Theory]
    [InlineData("USD", "0.001")]
    [InlineData("JPY", "0.5")]
    [InlineData("KWD", "0.0001")]
    public async Task CreatePayment_FinerThanTheCurrency_IsRefusedBeforeTheProvider(string code, string amount)
    {
        var currency = CurrencyCode.Parse(code);

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Payments.CreateAsync(
            new NewPayment { InvoiceId = "1", Amount = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), Date = new DateOnly(2024, 5, 2) }));

        Assert.Equal(("Amount", "FinerThanMinorUnit"), (Assert.Single(error.Errors).Field, error.Errors[0].Code));
    }

    [Fact]
    public async Task CreateInvoice_AmountsBeyondADecimal_IsATypedValidationError()
    {
        var contact = await _harness.ContactAsync();

        var error = await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contact.Id, Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 5, 1), Lines = [Line(3m, Usd(decimal.MaxValue / 2))],
        }));

        Assert.Equal("AmountOverflow", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task CreateInvoice_LineTaxContradictingItsTaxRate_IsRefused()
    {
        var hst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "HST", Percent = 13m });

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => _harness.InvoiceAsync(lines: Line(1m, Usd(100m), new LineTax("Whatever", 50m) { TaxRateId = hst.Id })));
        var agreed = await _harness.InvoiceAsync(lines: Line(1m, Usd(100m), new LineTax("HST", 13m) { TaxRateId = hst.Id }));

        Assert.Equal("TaxRateMismatch", Assert.Single(error.Errors).Code);
        Assert.Equal(Usd(13m), agreed.Tax);
    }

    [Fact]
    public async Task CreateInvoice_ForADeletedContact_IsRefusedTyped()
    {
        var contact = await _harness.ContactAsync();
        await Ledger.Contacts.DeleteAsync(contact.Id);

        await Assert.ThrowsAsync<RecordDeletedException>(() => _harness.InvoiceAsync(contactId: contact.Id, lines: Line(1m, Usd(1m))));
    }

    [Fact]
    public async Task MarkAsSent_VoidInvoice_IsRefused()
    {
        var invoice = await SentInvoiceAsync(10m);
        await Ledger.Invoices.VoidAsync(invoice.Id);

        await Assert.ThrowsAsync<LedgerValidationException>(() => Ledger.Invoices.MarkAsSentAsync(invoice.Id));
    }

    [Fact]
    public async Task UpdateEstimate_Declined_IsRefused()
    {
        var contact = await _harness.ContactAsync();
        var estimate = await Ledger.Estimates.CreateAsync(new NewEstimate
        {
            ContactId = contact.Id, Currency = CurrencyCode.USD, IssueDate = new DateOnly(2024, 5, 1), Lines = [Line(1m, Usd(10m))],
        });
        await Ledger.Estimates.DeclineAsync(estimate.Id);

        var error = await Assert.ThrowsAsync<LedgerValidationException>(
            () => Ledger.Estimates.UpdateAsync(estimate.Id, new EstimateChanges { Lines = [Line(2m, Usd(10m))] }));

        Assert.Equal("EstimateClosed", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task ListPage_CursorFromAnotherTenant_IsRefused()
    {
        await _harness.ContactAsync("A");
        await _harness.ContactAsync("B");
        var page = await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 1 });
        var other = _harness.Factory.Open("tenant-b");

        await Assert.ThrowsAsync<InvalidCursorException>(() => other.Contacts.ListPageAsync(new ContactQuery { PageSize = 1 }, page.NextCursor));
        Assert.Single((await Ledger.Contacts.ListPageAsync(new ContactQuery { PageSize = 1 }, page.NextCursor)).Items);
    }

    public void Dispose() => _harness.Dispose();
}
