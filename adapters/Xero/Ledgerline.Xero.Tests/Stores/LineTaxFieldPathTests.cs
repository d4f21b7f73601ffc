using System.Text;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// Which field a refusal of a line's tax names — the adapter's own before any request and Xero's — on invoices, bills,
/// credit notes and quotes, and the field paths of Xero's refusals of quotes, expenses and items, over loopback HTTP
/// against the Xero sandbox (NZD; OUTPUT2 is GST on income only, INPUT2 on expenses only).
/// </summary>
public sealed class LineTaxFieldPathTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    private static LineTax Tax(string rate) => new("GST", 15m) { TaxRateId = rate };

    private static NewInvoiceLine Line(string name, params LineTax[] taxes) => new() { Name = name, Quantity = 1m, UnitPrice = Nzd(10m), Taxes = taxes };

    private static NewInvoice Invoice(string contactId, params NewInvoiceLine[] lines) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        Lines = lines,
    };

    private static NewCreditNote CreditNote(string contactId, params NewInvoiceLine[] lines) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        Lines = lines,
    };

    private static NewEstimate Estimate(string contactId, params NewInvoiceLine[] lines) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        Lines = lines,
    };

    private static NewBill Bill(string vendorId, params LineTax[][] taxes) => new()
    {
        VendorId = vendorId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        Lines = [.. taxes.Select(t => new NewBillLine { Description = "Paper", Quantity = 1m, UnitPrice = Nzd(5m), CategoryId = "429", Taxes = t })],
    };

    private static string[] Fields(LedgerValidationException refused) => [.. refused.Errors.Select(e => e.Field)];

    [Fact]
    public async Task CreateAsync_TaxRateXeroRefusesForTheDocument_IsOnEachLinesTaxRateIdOnce()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = (await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation)).Id;
        var vendor = (await ledger.Vendors.CreateAsync(new NewVendor { Name = "Seller" }, Cancellation)).Id;

        var invoice = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact, Line("Design", Tax("INPUT2")), Line("Print", Tax("INPUT2"))), Cancellation));
        var oneLine = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact, Line("Design", Tax("OUTPUT2")), Line("Print", Tax("INPUT2"))), Cancellation));
        var credit = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.CreditNotes.CreateAsync(CreditNote(contact, Line("Refund", Tax("INPUT2"))), Cancellation));
        var quote = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Estimates.CreateAsync(Estimate(contact, Line("Design", Tax("OUTPUT2")), Line("Print", Tax("INPUT2"))), Cancellation));
        var bill = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(Bill(vendor, [Tax("OUTPUT2")]), Cancellation));

        Assert.Equal(["Lines[0].Taxes[0].TaxRateId", "Lines[1].Taxes[0].TaxRateId"], Fields(invoice));
        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(oneLine));
        Assert.Equal(["Lines[0].Taxes[0].TaxRateId"], Fields(credit));
        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(quote));
        Assert.Equal(["Lines[0].Taxes[0].TaxRateId"], Fields(bill));
        Assert.All(new[] { invoice, oneLine, credit, quote, bill }, refused =>
        {
            Assert.Equal((400, "ValidationException", "Xero"), (refused.StatusCode, refused.ProviderCode, refused.Provider));
            Assert.All(refused.Errors, e => Assert.Contains("cannot be used with this type of transaction", e.Message, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task CreateAsync_LineTaxesXeroCannotTake_AreRefusedOnTheLinesFieldBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = (await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation)).Id;
        var vendor = (await ledger.Vendors.CreateAsync(new NewVendor { Name = "Seller" }, Cancellation)).Id;
        fixture.Sandbox.ClearRequests();
        var unnamed = new LineTax("GST", 15m);

        var noRateId = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact, Line("Design", Tax("OUTPUT2")), Line("Print", unnamed)), Cancellation));
        var twoTaxes = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact, Line("Design", Tax("OUTPUT2")), Line("Print", Tax("OUTPUT2"), Tax("OUTPUT2"))), Cancellation));
        var mixed = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact, Line("Gift"), Line("Design", Tax("OUTPUT2")), Line("Card")), Cancellation));
        var percent = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Invoices.CreateAsync(Invoice(contact, Line("Design", Tax("OUTPUT2")), Line("Print", Tax("OUTPUT2") with { Percent = 12.5m })), Cancellation));
        var credit = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.CreditNotes.CreateAsync(CreditNote(contact, Line("Refund", Tax("OUTPUT2")), Line("Fee", unnamed)), Cancellation));
        var quote = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Estimates.CreateAsync(Estimate(contact, Line("Design", Tax("OUTPUT2"), Tax("OUTPUT2"))), Cancellation));
        var bill = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(Bill(vendor, [Tax("INPUT2")], [unnamed]), Cancellation));

        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(noRateId));
        Assert.Equal(["Lines[1].Taxes"], Fields(twoTaxes));
        Assert.Equal(["Lines[0].Taxes", "Lines[2].Taxes"], Fields(mixed));
        Assert.Equal(["Lines[1].Taxes[0].Percent"], Fields(percent));
        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(credit));
        Assert.Equal(["Lines[0].Taxes"], Fields(quote));
        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(bill));
        Assert.DoesNotContain(fixture.AccountingRequests(), r => r.Method is "PUT" or "POST");
    }

    [Fact]
    public async Task UpdateAsync_LinesWithATaxXeroRefuses_IsOnTheLinesTaxRateId()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = (await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation)).Id;
        var invoice = await ledger.Invoices.CreateAsync(Invoice(contact, Line("Design", Tax("OUTPUT2"))), Cancellation);
        var quote = await ledger.Estimates.CreateAsync(Estimate(contact, Line("Design", Tax("OUTPUT2"))), Cancellation);

        var onInvoice = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.UpdateAsync(invoice.Id,
            new InvoiceChanges { Lines = [invoice.Lines[0].ToNewLine(), Line("Print", Tax("INPUT2"))] }, Cancellation));
        var onQuote = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.UpdateAsync(quote.Id,
            new EstimateChanges { Lines = [quote.Lines[0].ToNewLine(), Line("Print", Tax("INPUT2"))] }, Cancellation));

        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(onInvoice));
        Assert.Equal(["Lines[1].Taxes[0].TaxRateId"], Fields(onQuote));
    }

    [Fact]
    public async Task CreateAsync_ValuesXeroFindsTooLongOnQuotesExpensesAndItems_AreOnTheCanonicalField()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = (await ledger.Contacts.CreateAsync(new NewContact { Organization = "Buyer" }, Cancellation)).Id;

        var summary = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Estimates.CreateAsync(Estimate(contact, Line("Design")) with { Notes = new string('n', 3001) }, Cancellation));
        var terms = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Estimates.CreateAsync(Estimate(contact, Line("Design")) with { Terms = new string('t', 4001) }, Cancellation));
        var reference = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Expenses.CreateAsync(new NewExpense
        {
            Amount = Nzd(20m),
            Date = new DateOnly(2026, 3, 2),
            Notes = new string('r', 256),
        }, Cancellation));
        var description = await Assert.ThrowsAsync<LedgerValidationException>(() =>
            ledger.Items.CreateAsync(new NewItem { Code = "PAPER", Name = "Paper", Description = new string('d', 4001) }, Cancellation));

        Assert.Equal((nameof(NewEstimate.Notes), "PostDataInvalidException"), (Assert.Single(summary.Errors).Field, summary.Errors[0].Code));
        Assert.Equal(nameof(NewEstimate.Terms), Assert.Single(terms.Errors).Field);
        Assert.Equal(nameof(NewExpense.Notes), Assert.Single(reference.Errors).Field);
        Assert.Equal(nameof(NewItem.Description), Assert.Single(description.Errors).Field);
    }

    [Fact]
    public async Task CreateAsync_ExpenseWithATaxRateForIncome_IsOnItsTaxRateId()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Expenses.CreateAsync(new NewExpense
        {
            Amount = Nzd(100m),
            Date = new DateOnly(2026, 3, 2),
            Taxes = [new ExpenseTax("15% GST on Income", Nzd(15m), 15m) { TaxRateId = "OUTPUT2" }],
        }, Cancellation));

        Assert.Equal(["Taxes[0].TaxRateId"], Fields(refused));
    }

    [Fact]
    public void FromResponse_MessagesOnTheElementAndOnItsLines_AreEachOnTheLinesFieldOnce()
    {
        const string Refusal = "The TaxType code 'INPUT2' does not exist or cannot be used with this type of transaction.";
        var body = $$"""
            {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred","Elements":[{
              "Type":"ACCREC","LineItems":[
                {"Description":"Design","TaxType":"OUTPUT2","ValidationErrors":[]},
                {"Description":"Print","TaxType":"INPUT2","ValidationErrors":[{"Message":"{{Refusal}}"}]},
                {"Description":"Fee","ValidationErrors":[{"Message":"Description needs to be at least 1 char long"}]}],
              "ValidationErrors":[{"Message":"{{Refusal}}"},{"Message":"{{Refusal}}"},{"Message":"Invoice # must be unique."}]}]}
            """;

        var refused = Assert.IsType<LedgerValidationException>(XeroErrorTable.FromResponse(
            new XeroCall(EntityKind.Invoice, "create", "c1"), 400, null, Encoding.UTF8.GetBytes(body), DateTimeOffset.UnixEpoch));

        Assert.Equal(
            [("Lines[1].Taxes[0].TaxRateId", Refusal), ("Lines[2]", "Description needs to be at least 1 char long"), (nameof(NewInvoice.Number), "Invoice # must be unique.")],
            refused.Errors.Select(e => (e.Field, e.Message)));
    }
}
