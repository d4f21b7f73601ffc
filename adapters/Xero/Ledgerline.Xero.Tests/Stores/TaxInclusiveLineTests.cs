using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>
/// Unit prices that include tax (Xero <c>LineAmountTypes</c> <c>Inclusive</c>) on invoices, bills, credit notes and quotes, lines
/// read and written back unchanged, and what Xero would silently change in a line (a tax percent other than its rate's,
/// more than 4 decimal places), over loopback HTTP against the Xero sandbox (NZD; GST 15 % is OUTPUT2 on sales, INPUT2 on
/// purchases).
/// </summary>
public sealed class TaxInclusiveLineTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Money Nzd(decimal amount) => new(amount, Nz.Dollar);

    private static LineTax Output => new("15% GST on Income", 15m) { TaxRateId = "OUTPUT2" };

    private static NewInvoice Invoice(string contactId, decimal price, bool inclusive) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        UnitPricesIncludeTax = inclusive,
        Lines = [new NewInvoiceLine { Name = "Annual membership", Quantity = 1m, UnitPrice = Nzd(price), Taxes = [Output] }],
    };

    private static NewCreditNote CreditNote(string contactId, bool inclusive) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        UnitPricesIncludeTax = inclusive,
        Lines = [new NewInvoiceLine { Name = "Refund", Quantity = 1m, UnitPrice = Nzd(23m), Taxes = [Output] }],
    };

    private static NewEstimate Estimate(string contactId, decimal price, bool inclusive) => new()
    {
        ContactId = contactId,
        Currency = Nz.Dollar,
        IssueDate = new DateOnly(2026, 3, 2),
        UnitPricesIncludeTax = inclusive,
        Lines = [new NewInvoiceLine { Name = "Annual membership", Quantity = 1m, UnitPrice = Nzd(price), Taxes = [Output] }],
    };

    private static string LineAmountTypes(LedgerRecord record) =>
        ((RawJson)record.RawRepresentation!).RootElement.GetProperty("LineAmountTypes").GetString()!;

    [Fact]
    public async Task CreateAsync_UnitPricesIncludeTax_IsInclusiveWithXerosTotals()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Bayside Club" }, Cancellation);

        var invoice = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 500m, inclusive: true), Cancellation);
        var exclusive = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 500m, inclusive: false), Cancellation);
        var untaxed = await ledger.Invoices.CreateAsync(
            Invoice(contact.Id, 500m, inclusive: true) with { Lines = [new NewInvoiceLine { Name = "Gift", Quantity = 1m, UnitPrice = Nzd(500m) }] }, Cancellation);

        // Xero: 500.00 including 15 % GST is 434.78 + 65.22.
        Assert.True(invoice.UnitPricesIncludeTax);
        Assert.Equal("Inclusive", LineAmountTypes(invoice));
        Assert.Equal((Nzd(434.78m), Nzd(65.22m), Nzd(500m), Nzd(500m)), (invoice.Subtotal, invoice.Tax, invoice.Total, invoice.AmountDue));
        Assert.Equal((Nzd(500m), Nzd(434.78m)), (invoice.Lines[0].UnitPrice, invoice.Lines[0].Amount));
        Assert.Equal((false, "Exclusive", Nzd(575m)), (exclusive.UnitPricesIncludeTax, LineAmountTypes(exclusive), exclusive.Total));
        Assert.Equal((false, "NoTax", Nzd(500m)), (untaxed.UnitPricesIncludeTax, LineAmountTypes(untaxed), untaxed.Total));
    }

    [Fact]
    public async Task UpdateAsync_SeededInclusiveDraftLinesWrittenBack_KeepsEveryTotalAndStaysInclusive()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(sandboxOptions: o => o.SeedDefaultData = true);
        var ledger = await fixture.OpenAsync();
        var seeded = Assert.Single(await ToListAsync(ledger.Invoices.ListAsync(null, Cancellation)), i => i.Number == "INV-0002");
        Assert.True(seeded.UnitPricesIncludeTax);

        var updated = await ledger.Invoices.UpdateAsync(seeded.Id, new InvoiceChanges { Lines = [.. seeded.Lines.Select(l => l.ToNewLine())] }, Cancellation);

        Assert.True(updated.UnitPricesIncludeTax);
        Assert.Equal("Inclusive", LineAmountTypes(updated));
        Assert.Equal((Nzd(434.78m), Nzd(65.22m), Nzd(500m)), (updated.Subtotal, updated.Tax, updated.Total));
        Assert.Equal(
            (seeded.Subtotal, seeded.Discount, seeded.Tax, seeded.Total, seeded.AmountDue),
            (updated.Subtotal, updated.Discount, updated.Tax, updated.Total, updated.AmountDue));
        Assert.Equal(seeded.Lines.Select(l => (l.Id, l.UnitPrice, l.Amount)), updated.Lines.Select(l => (l.Id, l.UnitPrice, l.Amount)));
    }

    [Fact]
    public async Task UpdateAsync_FlagWithLines_PricesTheLinesAsAsked()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Switcher" }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 115m, inclusive: false), Cancellation);

        var inclusive = await ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges
        {
            Lines = [.. invoice.Lines.Select(l => l.ToNewLine())],
            UnitPricesIncludeTax = true,
        }, Cancellation);
        var back = await ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges
        {
            Lines = [.. inclusive.Lines.Select(l => l.ToNewLine())],
            UnitPricesIncludeTax = false,
        }, Cancellation);

        Assert.Equal((Nzd(132.25m), false), (invoice.Total, invoice.UnitPricesIncludeTax));
        Assert.Equal((Nzd(100m), Nzd(15m), Nzd(115m), true), (inclusive.Subtotal, inclusive.Tax, inclusive.Total, inclusive.UnitPricesIncludeTax));
        Assert.Equal((Nzd(132.25m), false), (back.Total, back.UnitPricesIncludeTax));
    }

    [Fact]
    public async Task UpdateAsync_UntaxedLinesWithCurrencyAndDiscount_SendNoTaxWithoutReadingTheInvoice()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Untaxed" }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 10m, inclusive: true), Cancellation);
        fixture.Sandbox.ClearRequests();

        var updated = await ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges
        {
            Currency = Nz.Dollar,
            DiscountPercent = 0m,
            Lines = [new NewInvoiceLine { Name = "Gift", Quantity = 2m, UnitPrice = Nzd(10m) }],
        }, Cancellation);

        Assert.Equal(("NoTax", Nzd(20m), false), (LineAmountTypes(updated), updated.Total, updated.UnitPricesIncludeTax));
        Assert.Equal(["POST Invoices"], fixture.AccountingRequests().Select(r => r.Method + " " + r.Path.Split('/')[3]));
    }

    [Fact]
    public async Task UpdateAsync_FlagWithoutLines_IsRefusedBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var id = Guid.NewGuid().ToString();
        fixture.Sandbox.ClearRequests();

        var invoice = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Invoices.UpdateAsync(id, new InvoiceChanges { UnitPricesIncludeTax = true, Notes = "Inclusive now" }, Cancellation));
        var bill = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Bills.UpdateAsync(id, new BillChanges { UnitPricesIncludeTax = false }, Cancellation));
        var note = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.CreditNotes.UpdateAsync(id, new CreditNoteChanges { UnitPricesIncludeTax = true }, Cancellation));
        var quote = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Estimates.UpdateAsync(id, new EstimateChanges { UnitPricesIncludeTax = true, Notes = "Inclusive now" }, Cancellation));
        var quoteOff = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.Estimates.UpdateAsync(id, new EstimateChanges { UnitPricesIncludeTax = false }, Cancellation));

        Assert.All([invoice, bill, note, quote, quoteOff], e => Assert.Equal(
            (nameof(InvoiceChanges.UnitPricesIncludeTax), "LinesRequiredForTaxInclusion"), (Assert.Single(e.Errors).Field, e.Errors[0].Code)));
        Assert.Empty(fixture.AccountingRequests());
    }

    [Fact]
    public async Task Bills_InclusiveCreateAndSeededWriteBack_KeepXerosTotals()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync(sandboxOptions: o => o.SeedDefaultData = true);
        var ledger = await fixture.OpenAsync();
        var seeded = Assert.Single(await ToListAsync(ledger.Bills.ListAsync(null, Cancellation)));
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);

        var created = await ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id, 230m) with
        {
            UnitPricesIncludeTax = true,
            Lines = [new NewBillLine { Description = "Electricity", Quantity = 1m, UnitPrice = Nzd(230m), Taxes = [BillStoreTests.Input] }],
        }, Cancellation);
        var written = await ledger.Bills.UpdateAsync(seeded.Id, new BillChanges { Lines = [.. seeded.Lines.Select(l => l.ToNewLine())] }, Cancellation);

        // Xero: 230.00 including 15 % GST is 200.00 + 30.00.
        Assert.Equal((true, "Inclusive"), (created.UnitPricesIncludeTax, LineAmountTypes(created)));
        Assert.Equal((200m, 30m, 230m), (created.Subtotal.Amount, created.Tax.Amount, created.Total.Amount));
        Assert.Equal((true, "Inclusive"), (written.UnitPricesIncludeTax, LineAmountTypes(written)));
        Assert.Equal((seeded.Subtotal, seeded.Tax, seeded.Total, seeded.AmountDue), (written.Subtotal, written.Tax, written.Total, written.AmountDue));
        Assert.Equal((200m, 30m, 230m), (written.Subtotal.Amount, written.Tax.Amount, written.Total.Amount));
    }

    [Fact]
    public async Task CreditNotes_InclusiveCreateAndWriteBack_KeepXerosTotals()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Inclusive Credit Ltd" }, Cancellation);

        var created = await ledger.CreditNotes.CreateAsync(CreditNote(contact.Id, inclusive: true), Cancellation);
        var written = await ledger.CreditNotes.UpdateAsync(created.Id, new CreditNoteChanges { Lines = [.. created.Lines.Select(l => l.ToNewLine())] }, Cancellation);

        // Xero: 23.00 including 15 % GST is 20.00 + 3.00.
        Assert.Equal((true, "Inclusive"), (created.UnitPricesIncludeTax, LineAmountTypes(created)));
        Assert.Equal((20m, 3m, 23m, 23m), (created.Subtotal.Amount, created.Tax.Amount, created.Total.Amount, created.RemainingCredit.Amount));
        Assert.Equal((true, "Inclusive"), (written.UnitPricesIncludeTax, LineAmountTypes(written)));
        Assert.Equal((created.Subtotal, created.Tax, created.Total, created.RemainingCredit), (written.Subtotal, written.Tax, written.Total, written.RemainingCredit));
    }

    [Fact]
    public async Task Estimates_InclusiveCreateAndWriteBack_KeepXerosTotalsAndStayInclusive()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Inclusive Quote Ltd" }, Cancellation);

        var created = await ledger.Estimates.CreateAsync(Estimate(contact.Id, 500m, inclusive: true), Cancellation);
        var exclusive = await ledger.Estimates.CreateAsync(Estimate(contact.Id, 500m, inclusive: false), Cancellation);
        var untaxed = await ledger.Estimates.CreateAsync(
            Estimate(contact.Id, 500m, inclusive: true) with { Lines = [new NewInvoiceLine { Name = "Gift", Quantity = 1m, UnitPrice = Nzd(500m) }] }, Cancellation);
        fixture.Sandbox.ClearRequests();
        var written = await ledger.Estimates.UpdateAsync(created.Id, new EstimateChanges { Lines = [.. created.Lines.Select(l => l.ToNewLine())] }, Cancellation);
        var writes = fixture.AccountingRequests().Where(r => r.Method is "PUT" or "POST").ToList();
        var read = await ledger.Estimates.GetAsync(created.Id, Cancellation);

        // Xero: 500.00 including 15 % GST is 434.78 + 65.22.
        Assert.Equal((true, "INCLUSIVE"), (created.UnitPricesIncludeTax, LineAmountTypes(created)));
        Assert.Equal((Nzd(434.78m), Nzd(65.22m), Nzd(500m)), (created.Subtotal, created.Tax, created.Total));
        Assert.Equal((Nzd(500m), Nzd(434.78m)), (created.Lines[0].UnitPrice, created.Lines[0].Amount));
        Assert.Equal((false, "EXCLUSIVE", Nzd(575m)), (exclusive.UnitPricesIncludeTax, LineAmountTypes(exclusive), exclusive.Total));
        Assert.Equal((false, "NOTAX", Nzd(500m)), (untaxed.UnitPricesIncludeTax, LineAmountTypes(untaxed), untaxed.Total));
        Assert.Equal("POST", Assert.Single(writes).Method);
        foreach (var after in new[] { written, read })
        {
            Assert.Equal((true, "INCLUSIVE"), (after.UnitPricesIncludeTax, LineAmountTypes(after)));
            Assert.Equal((created.Subtotal, created.Discount, created.Tax, created.Total), (after.Subtotal, after.Discount, after.Tax, after.Total));
            Assert.Equal(created.Lines.Select(l => (l.Id, l.UnitPrice, l.Amount)), after.Lines.Select(l => (l.Id, l.UnitPrice, l.Amount)));
        }
    }

    [Fact]
    public async Task DiscountOnTaxInclusivePrices_IsTakenOffTheTaxInclusiveAmounts_WithXerosOwnFigures()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Discount Ltd" }, Cancellation);
        var exclusive = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 100m, inclusive: false) with { DiscountPercent = 10m }, Cancellation);

        var created = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 100m, inclusive: true) with { DiscountPercent = 10m }, Cancellation);
        var written = await ledger.Invoices.UpdateAsync(created.Id, new InvoiceChanges { Lines = [.. created.Lines.Select(l => l.ToNewLine())] }, Cancellation);
        var switched = await ledger.Invoices.UpdateAsync(exclusive.Id, new InvoiceChanges
        {
            Lines = [.. exclusive.Lines.Select(l => l.ToNewLine())],
            UnitPricesIncludeTax = true,
        }, Cancellation);

        // Xero: 100.00 including 15 % GST less 10 % is LineAmount 90.00, TaxAmount 11.74, SubTotal 78.26, TotalDiscount 10.00.
        foreach (var invoice in new[] { created, written, switched })
        {
            var raw = ((RawJson)invoice.RawRepresentation!).RootElement;
            Assert.Equal((true, 10m), (invoice.UnitPricesIncludeTax, invoice.DiscountPercent));
            Assert.Equal((Nzd(88.26m), Nzd(88.26m), Nzd(10m), Nzd(11.74m), Nzd(90m)),
                (invoice.Lines[0].Amount, invoice.Subtotal, invoice.Discount, invoice.Tax, invoice.Total));
            Assert.Equal(raw.GetProperty("SubTotal").GetDecimal(), (invoice.Subtotal - invoice.Discount).Amount);
            Assert.Equal(raw.GetProperty("TotalDiscount").GetDecimal(), invoice.Discount.Amount);
        }

        Assert.Equal((Nzd(100m), Nzd(10m), Nzd(13.50m), Nzd(103.50m)), (exclusive.Subtotal, exclusive.Discount, exclusive.Tax, exclusive.Total));
    }
    [Theory]
    [InlineData("Invoices")]
    [InlineData("Quotes")]
    public async Task LinesWrittenBack_WhereXerosLinesHaveDifferentDiscounts_AreRefusedUnlessADiscountIsGiven(string resource)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Two Discounts Ltd" }, Cancellation);
        using var http = fixture.DirectClient();
        // Entered in Xero: 100.00 less 10 % taxed 15 %, and 300.00 less 20 % untaxed (zero rated).
        var lines = new[]
        {
            new { Description = "Design", Quantity = 1m, UnitAmount = 100m, DiscountRate = 10m, AccountCode = "200", TaxType = "OUTPUT2" },
            new { Description = "Print", Quantity = 1m, UnitAmount = 300m, DiscountRate = 20m, AccountCode = "200", TaxType = "ZERORATED" },
        };
        object body = resource == "Quotes"
            ? new { Quotes = new[] { new { Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "EXCLUSIVE", LineItems = lines } } }
            : new { Invoices = new[] { new { Type = "ACCREC", Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "Exclusive", LineItems = lines } } };
        using var put = await http.PutAsJsonAsync("api.xro/2.0/" + resource, body, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement
            .GetProperty(resource)[0].GetProperty(resource == "Quotes" ? "QuoteID" : "InvoiceID").GetString()!;

        (Money Total, Money Tax, decimal Percent, IReadOnlyList<NewInvoiceLine> Lines) read;
        Func<decimal?, Task<(Money Total, Money Tax, decimal Percent)>> writeBack;
        if (resource == "Quotes")
        {
            var quote = await ledger.Estimates.GetAsync(id, Cancellation);
            read = (quote.Total, quote.Tax, quote.DiscountPercent, [.. quote.Lines.Select(l => l.ToNewLine())]);
            writeBack = async percent =>
            {
                var e = await ledger.Estimates.UpdateAsync(id, new EstimateChanges { Lines = read.Lines, DiscountPercent = percent }, Cancellation);
                return (e.Total, e.Tax, e.DiscountPercent);
            };
        }
        else
        {
            var invoice = await ledger.Invoices.GetAsync(id, Cancellation);
            read = (invoice.Total, invoice.Tax, invoice.DiscountPercent, [.. invoice.Lines.Select(l => l.ToNewLine())]);
            writeBack = async percent =>
            {
                var i = await ledger.Invoices.UpdateAsync(id, new InvoiceChanges { Lines = read.Lines, DiscountPercent = percent }, Cancellation);
                return (i.Total, i.Tax, i.DiscountPercent);
            };
        }

        // 90.00 + 13.50 tax + 240.00: a share of 17.5 % of the subtotal, which on every line would be 82.50 + 12.38 + 247.50.
        Assert.Equal((Nzd(343.50m), Nzd(13.50m), 17.5m), (read.Total, read.Tax, read.Percent));
        fixture.Sandbox.ClearRequests();
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => writeBack(null));
        Assert.Equal((nameof(NewInvoice.DiscountPercent), "LineDiscountsDiffer"), (Assert.Single(refused.Errors).Field, refused.Errors[0].Code));
        Assert.Contains("10 %", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));

        Assert.Equal((Nzd(342.38m), Nzd(12.38m), 17.5m), await writeBack(17.5m));
    }

    [Theory]
    [InlineData("Invoices")]
    [InlineData("Quotes")]
    public async Task LinesWrittenBackUnchanged_KeepATaxAmountOverriddenInXero_AndAChangedLineIsTaxedAgain(string resource)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Overridden Tax Ltd" }, Cancellation);
        using var http = fixture.DirectClient();
        // Entered in Xero with the line's tax overridden: 100.00 at 15 % would be 15.00.
        var lines = new[] { new { Description = "Design", Quantity = 1m, UnitAmount = 100m, AccountCode = "200", TaxType = "OUTPUT2", TaxAmount = 14.99m } };
        object body = resource == "Quotes"
            ? new { Quotes = new[] { new { Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "EXCLUSIVE", LineItems = lines } } }
            : new { Invoices = new[] { new { Type = "ACCREC", Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "Exclusive", LineItems = lines } } };
        using var put = await http.PutAsJsonAsync("api.xro/2.0/" + resource, body, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement
            .GetProperty(resource)[0].GetProperty(resource == "Quotes" ? "QuoteID" : "InvoiceID").GetString()!;

        Func<Func<NewInvoiceLine, NewInvoiceLine>, Task<(Money Tax, Money Total)>> writeBack = resource == "Quotes"
            ? async change =>
            {
                var read = await ledger.Estimates.GetAsync(id, Cancellation);
                var e = await ledger.Estimates.UpdateAsync(id, new EstimateChanges { Lines = [.. read.Lines.Select(l => change(l.ToNewLine()))] }, Cancellation);
                return (e.Tax, e.Total);
            }
            : async change =>
            {
                var read = await ledger.Invoices.GetAsync(id, Cancellation);
                var i = await ledger.Invoices.UpdateAsync(id, new InvoiceChanges { Lines = [.. read.Lines.Select(l => change(l.ToNewLine()))] }, Cancellation);
                return (i.Tax, i.Total);
            };

        Assert.Equal((Nzd(14.99m), Nzd(114.99m)), await writeBack(l => l));
        Assert.Equal((Nzd(14.99m), Nzd(114.99m)), await writeBack(l => l with { Description = "Reworded" }));
        Assert.Equal((Nzd(30m), Nzd(230m)), await writeBack(l => l with { Quantity = 2m }));
    }

    [Fact]
    public async Task ConvertToInvoice_AQuoteWithATaxAmountOverriddenInXero_BillsWhatWasQuoted()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Quoted Tax Ltd" }, Cancellation);
        using var http = fixture.DirectClient();
        var lines = new[] { new { Description = "Design", Quantity = 1m, UnitAmount = 100m, AccountCode = "200", TaxType = "OUTPUT2", TaxAmount = 14.99m } };
        using var put = await http.PutAsJsonAsync("api.xro/2.0/Quotes",
            new { Quotes = new[] { new { Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "EXCLUSIVE", LineItems = lines } } }, Cancellation);
        put.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("Quotes")[0].GetProperty("QuoteID").GetString()!;

        var quote = await ledger.Estimates.AcceptAsync(id, Cancellation);
        var invoice = await ledger.Estimates.ConvertToInvoiceAsync(id, Cancellation);

        Assert.Equal((Nzd(14.99m), Nzd(114.99m)), (quote.Tax, quote.Total));
        Assert.Equal((Nzd(14.99m), Nzd(114.99m)), (invoice.Tax, invoice.Total));
    }

    // Bills and credit notes take no discounts in Xero (the sandbox refuses them; their reading refuses any).
    [Theory]
    [InlineData("Invoices")]
    [InlineData("Quotes")]
    public async Task TaxInclusiveDocumentWithADiscountEnteredInXero_IsReadWithXerosFiguresAndListed(string resource)
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Entered In Xero Ltd" }, Cancellation);
        using var http = fixture.DirectClient();
        var line = new { Description = "Membership", Quantity = 1m, UnitAmount = 100m, DiscountRate = 10m, AccountCode = "200", TaxType = "OUTPUT2" };
        object body = resource == "Quotes"
            ? new { Quotes = new[] { new { Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "INCLUSIVE", LineItems = new[] { line } } } }
            : new { Invoices = new[] { new { Type = "ACCREC", Contact = new { ContactID = contact.Id }, Date = "2026-03-02", LineAmountTypes = "Inclusive", LineItems = new[] { line } } } };
        using var put = await http.PutAsJsonAsync("api.xro/2.0/" + resource, body, Cancellation);
        put.EnsureSuccessStatusCode();
        var sent = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty(resource)[0];
        var id = sent.GetProperty(resource == "Quotes" ? "QuoteID" : "InvoiceID").GetString()!;
        Assert.Equal((90m, 11.74m, 78.26m, 10m), (sent.GetProperty("Total").GetDecimal(), sent.GetProperty("TotalTax").GetDecimal(),
            sent.GetProperty("SubTotal").GetDecimal(), sent.GetProperty("TotalDiscount").GetDecimal()));

        var (one, listed) = resource == "Quotes"
            ? (Figures(await ledger.Estimates.GetAsync(id, Cancellation)), (await ToListAsync(ledger.Estimates.ListAsync(null, Cancellation))).Select(Figures).Single())
            : (Figures(await ledger.Invoices.GetAsync(id, Cancellation)), (await ToListAsync(ledger.Invoices.ListAsync(null, Cancellation))).Select(Figures).Single());

        // The amount before discount less the tax the line bears, the tax-inclusive discount, Xero's tax and total.
        Assert.Equal((88.26m, 88.26m, 10m, 11.74m, 90m, 10m, true), one);
        Assert.Equal(one, listed);

        static (decimal, decimal, decimal, decimal, decimal, decimal, bool) Figures<T>(T d) => d switch
        {
            Invoice i => (i.Lines[0].Amount.Amount, i.Subtotal.Amount, i.Discount.Amount, i.Tax.Amount, i.Total.Amount, i.DiscountPercent, i.UnitPricesIncludeTax),
            Estimate e => (e.Lines[0].Amount.Amount, e.Subtotal.Amount, e.Discount.Amount, e.Tax.Amount, e.Total.Amount, e.DiscountPercent, e.UnitPricesIncludeTax),
            _ => throw new ArgumentOutOfRangeException(nameof(d)),
        };
    }
    [Fact]
    public async Task Estimates_FlagWithLines_PricesTheLinesAsAsked_AndDiscountIsKept()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Switching Quote Ltd" }, Cancellation);
        var quote = await ledger.Estimates.CreateAsync(Estimate(contact.Id, 115m, inclusive: false) with { DiscountPercent = 10m }, Cancellation);

        var inclusive = await ledger.Estimates.UpdateAsync(quote.Id, new EstimateChanges
        {
            Lines = [.. quote.Lines.Select(l => l.ToNewLine())],
            UnitPricesIncludeTax = true,
        }, Cancellation);
        var kept = await ledger.Estimates.UpdateAsync(quote.Id, new EstimateChanges { Lines = [.. inclusive.Lines.Select(l => l.ToNewLine())] }, Cancellation);
        var back = await ledger.Estimates.UpdateAsync(quote.Id, new EstimateChanges
        {
            Lines = [.. kept.Lines.Select(l => l.ToNewLine())],
            UnitPricesIncludeTax = false,
        }, Cancellation);

        Assert.Equal((false, 10m), (quote.UnitPricesIncludeTax, quote.DiscountPercent));
        Assert.Equal((true, 10m), (inclusive.UnitPricesIncludeTax, inclusive.DiscountPercent));
        Assert.True(inclusive.Total.Amount < quote.Total.Amount);
        Assert.Equal((true, 10m), (kept.UnitPricesIncludeTax, kept.DiscountPercent));
        Assert.Equal((inclusive.Subtotal, inclusive.Discount, inclusive.Tax, inclusive.Total), (kept.Subtotal, kept.Discount, kept.Tax, kept.Total));
        Assert.Equal((false, 10m), (back.UnitPricesIncludeTax, back.DiscountPercent));
        Assert.Equal((quote.Subtotal, quote.Discount, quote.Tax, quote.Total), (back.Subtotal, back.Discount, back.Tax, back.Total));
    }

    [Fact]
    public async Task PercentOtherThanTheRates_IsRefusedOnEveryDocumentWithNothingWritten()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Percent Ltd" }, Cancellation);
        var vendor = await ledger.Vendors.CreateAsync(VendorStoreTests.Sample(), Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(Invoice(contact.Id, 10m, inclusive: false), Cancellation);
        var wrong = Output with { Percent = 99m };
        fixture.Sandbox.ClearRequests();

        var onInvoice = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.CreateAsync(
            Invoice(contact.Id, 10m, inclusive: false) with { Lines = [Invoice(contact.Id, 10m, false).Lines[0] with { Taxes = [wrong] }] }, Cancellation));
        var onChange = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.UpdateAsync(invoice.Id, new InvoiceChanges
        {
            Lines = [invoice.Lines[0].ToNewLine(), invoice.Lines[0].ToNewLine() with { Id = null, Taxes = [wrong] }],
        }, Cancellation));
        var onBill = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(BillStoreTests.Sample(vendor.Id) with
        {
            Lines = [new NewBillLine { Description = "Paper", Quantity = 1m, UnitPrice = Nzd(10m), Taxes = [BillStoreTests.Input with { Percent = 12.5m }] }],
        }, Cancellation));
        var onNote = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.CreateAsync(
            CreditNote(contact.Id, inclusive: true) with { Lines = [CreditNote(contact.Id, true).Lines[0] with { Taxes = [wrong] }] }, Cancellation));
        var onQuote = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.CreateAsync(
            Estimate(contact.Id, 10m, inclusive: true) with { Lines = [Estimate(contact.Id, 10m, true).Lines[0] with { Taxes = [wrong] }] }, Cancellation));
        var unknown = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.Invoices.CreateAsync(
            Invoice(contact.Id, 10m, inclusive: false) with { Lines = [Invoice(contact.Id, 10m, false).Lines[0] with { Taxes = [Output with { TaxRateId = "TAX404" }] }] }, Cancellation));

        Assert.Equal("Lines[0].Taxes[0].Percent", Assert.Single(onInvoice.Errors).Field);
        Assert.Equal("Lines[1].Taxes[0].Percent", Assert.Single(onChange.Errors).Field);
        Assert.Equal("Lines[0].Taxes[0].Percent", Assert.Single(onBill.Errors).Field);
        Assert.Equal("Lines[0].Taxes[0].Percent", Assert.Single(onNote.Errors).Field);
        Assert.Equal("Lines[0].Taxes[0].Percent", Assert.Single(onQuote.Errors).Field);
        Assert.Contains("15", onInvoice.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((EntityKind.TaxRate, "TAX404"), (unknown.Entity, unknown.Id));
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
        Assert.Equal(invoice.Total, (await ledger.Invoices.GetAsync(invoice.Id, Cancellation)).Total);
    }

    [Fact]
    public async Task MoreThanFourDecimalPlaces_IsRefusedOnTheLinesFieldBeforeAnyRequest()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = Guid.NewGuid().ToString();
        var line = new NewInvoiceLine { Name = "Bolts", Quantity = 1m, UnitPrice = Nzd(10m) };
        fixture.Sandbox.ClearRequests();

        var price = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.CreateAsync(
            Invoice(contact, 1m, false) with { Lines = [line, line with { UnitPrice = Nzd(10.12345m) }] }, Cancellation));
        var quantity = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.CreateAsync(
            Invoice(contact, 1m, false) with { Lines = [line with { Quantity = 1.123456m }] }, Cancellation));
        var change = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Invoices.UpdateAsync(
            contact, new InvoiceChanges { Lines = [line with { UnitPrice = Nzd(0.00001m) }] }, Cancellation));
        var bill = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Bills.CreateAsync(BillStoreTests.Sample(contact) with
        {
            Lines = [new NewBillLine { Description = "Paper", Quantity = 2.00005m, UnitPrice = Nzd(1m) }],
        }, Cancellation));
        var note = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.CreditNotes.CreateAsync(
            CreditNote(contact, false) with { Lines = [line with { UnitPrice = Nzd(10.12345m) }] }, Cancellation));
        var quote = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.CreateAsync(
            Estimate(contact, 1m, true) with { Lines = [line, line with { UnitPrice = Nzd(10.12345m) }] }, Cancellation));
        var quoteChange = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.Estimates.UpdateAsync(
            contact, new EstimateChanges { Lines = [line with { Quantity = 1.00001m }] }, Cancellation));
        var sent = fixture.AccountingRequests().Count;
        var fine = await ledger.Invoices.CreateAsync(Invoice((await ledger.Contacts.CreateAsync(new NewContact { Organization = "Precise" }, Cancellation)).Id, 1m, false) with
        {
            Lines = [line with { Quantity = 1.1235m, UnitPrice = Nzd(10.12350000m) }],
        }, Cancellation);

        Assert.Equal("Lines[1].UnitPrice", Assert.Single(price.Errors).Field);
        Assert.Equal("Lines[0].Quantity", Assert.Single(quantity.Errors).Field);
        Assert.Equal("Lines[0].UnitPrice", Assert.Single(change.Errors).Field);
        Assert.Equal("Lines[0].Quantity", Assert.Single(bill.Errors).Field);
        Assert.Equal("Lines[0].UnitPrice", Assert.Single(note.Errors).Field);
        Assert.Equal("Lines[1].UnitPrice", Assert.Single(quote.Errors).Field);
        Assert.Equal("Lines[0].Quantity", Assert.Single(quoteChange.Errors).Field);
        Assert.Equal((1.1235m, 10.1235m), (fine.Lines[0].Quantity, fine.Lines[0].UnitPrice.Amount));
        Assert.Equal(0, sent);
    }
}
