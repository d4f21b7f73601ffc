using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Xero.Tests.Support;
using static Ledgerline.Xero.Tests.Stores.ContactStoreTests;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>Tax rates over loopback HTTP against the Xero sandbox (the primary organisation: New Zealand GST).</summary>
public sealed class TaxRateStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_Rate_IsKeyedByItsTaxTypeAndCarriesNoTimestamp()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var created = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "Tourism levy", Percent = 3.5m }, Cancellation);
        var read = await ledger.TaxRates.GetAsync(created.Id, Cancellation);

        Assert.Matches("^TAX\\d{3}$", created.Id);
        Assert.Equivalent(created with { RawRepresentation = null }, read with { RawRepresentation = null }, strict: true);
        Assert.Equal(("Tourism levy", 3.5m, false, RecordState.Active, (DateTimeOffset?)null), (read.Name, read.Percent, read.IsCompound, read.State, read.UpdatedAt));
        var raw = Assert.IsType<RawJson>(read.RawRepresentation).RootElement;
        Assert.Equal("OUTPUT", raw.GetProperty("ReportTaxType").GetString());
        Assert.Equal("Tourism levy", raw.GetProperty("TaxComponents")[0].GetProperty("Name").GetString());
    }

    [Fact]
    public async Task ListAsync_HoldsTheRegimeAndWhatWasAdded_DeletedOnlyWhenAsked()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var kept = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "Kept levy", Percent = 1m }, Cancellation);
        var gone = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "Gone levy", Percent = 2m }, Cancellation);

        await ledger.TaxRates.DeleteAsync(gone.Id, Cancellation);
        var active = await ToListAsync(ledger.TaxRates.ListAsync(null, Cancellation));
        var deleted = await ToListAsync(ledger.TaxRates.ListAsync(new TaxRateQuery { States = RecordStates.Deleted }, Cancellation));
        var named = await ToListAsync(ledger.TaxRates.ListAsync(new TaxRateQuery { NameContains = "gst on" }, Cancellation));

        Assert.Equal(new[] { "GSTONIMPORTS", "INPUT2", "NONE", "OUTPUT2", "ZERORATED", kept.Id }.Order(StringComparer.Ordinal), active.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal([gone.Id], deleted.Select(r => r.Id));
        Assert.Equal(RecordState.Deleted, (await ledger.TaxRates.GetAsync(gone.Id, Cancellation)).State);
        Assert.Equal(["15% GST on Expenses", "15% GST on Income", "GST on Imports"], named.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(15m, active.Single(r => r.Id == "OUTPUT2").Percent);
    }

    [Fact]
    public async Task ListPageAsync_PagesTheWholeListById_WithAnExactTotal()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        var first = await ledger.TaxRates.ListPageAsync(new TaxRateQuery { PageSize = 2 }, cancellationToken: Cancellation);
        var second = await ledger.TaxRates.ListPageAsync(new TaxRateQuery { PageSize = 2 }, first.NextCursor, Cancellation);
        var third = await ledger.TaxRates.ListPageAsync(new TaxRateQuery { PageSize = 2 }, second.NextCursor, Cancellation);

        Assert.Equal(["GSTONIMPORTS", "INPUT2", "NONE", "OUTPUT2", "ZERORATED"], first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.Id));
        Assert.Equal((5, 5, 5), (first.TotalCount, second.TotalCount, third.TotalCount));
        Assert.Null(third.NextCursor);
        Assert.All(fixture.AccountingRequests(), r => Assert.DoesNotContain("page=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_PercentOfOneComponent_RewritesItAndKeepsTheName()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var created = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "Levy", Percent = 2m }, Cancellation);

        var updated = await ledger.TaxRates.UpdateAsync(created.Id, new TaxRateChanges { Percent = 2.25m, IsCompound = true }, Cancellation);
        var renamed = await ledger.TaxRates.UpdateAsync(created.Id, new TaxRateChanges { Name = "Regional levy" }, Cancellation);

        Assert.Equal((2.25m, true, "Levy"), (updated.Percent, updated.IsCompound, updated.Name));
        Assert.Equal(("Regional levy", 2.25m), (renamed.Name, renamed.Percent));
    }

    [Fact]
    public async Task CompoundRateOfSeveralComponents_ReadsItsEffectiveRate_AndItsPercentCannotBeChangedHere()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        using var http = fixture.DirectClient();
        var made = await http.PutAsJsonAsync("api.xro/2.0/TaxRates", new
        {
            TaxRates = new[]
            {
                new { Name = "GST and QST", ReportTaxType = "OUTPUT", TaxComponents = new object[] { new { Name = "GST", Rate = 5m }, new { Name = "QST", Rate = 9.975m, IsCompound = true } } },
            },
        }, Cancellation);
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("TaxRates")[0].GetProperty("TaxType").GetString()!;
        fixture.Sandbox.ClearRequests();

        var rate = await ledger.TaxRates.GetAsync(id, Cancellation);
        var refused = await Assert.ThrowsAsync<LedgerValidationException>(() => ledger.TaxRates.UpdateAsync(id, new TaxRateChanges { Percent = 15m }, Cancellation));

        Assert.Equal((15.4738m, true), (rate.Percent, rate.IsCompound));
        Assert.Equal(nameof(TaxRateChanges.Percent), Assert.Single(refused.Errors).Field);
        Assert.All(fixture.AccountingRequests(), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Refusals_ComeBeforeAnyRequest_AndXerosOwnRefusalsAreTyped()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        var registration = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "VAT", Percent = 20m, RegistrationNumber = "GB123" }, Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.TaxRates.ArchiveAsync("OUTPUT2", Cancellation));
        await Assert.ThrowsAsync<OperationNotSupportedException>(
            () => ToListAsync(ledger.TaxRates.ListAsync(new TaxRateQuery { UpdatedSince = DateTimeOffset.UnixEpoch }, Cancellation)));
        var notATaxType = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.TaxRates.GetAsync("../Items", Cancellation));
        Assert.Empty(fixture.AccountingRequests());

        var system = await Assert.ThrowsAsync<LedgerValidationException>(
            () => ledger.TaxRates.UpdateAsync("OUTPUT2", new TaxRateChanges { Name = "Mine" }, Cancellation));
        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.TaxRates.GetAsync("TAX999", Cancellation));

        Assert.Equal(nameof(NewTaxRate.RegistrationNumber), Assert.Single(registration.Errors).Field);
        Assert.Equal((EntityKind.TaxRate, "../Items"), (notATaxType.Entity, notATaxType.Id));
        Assert.Equal(("Xero", "System tax rates cannot be changed or deleted."), (system.Provider, Assert.Single(system.Errors).Message));
        Assert.Equal((EntityKind.TaxRate, "TAX999"), (missing.Entity, missing.Id));
    }

    [Fact]
    public async Task DeletedRate_CannotBeChanged_NorDeletedAgain()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var rate = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "Short-lived", Percent = 1m }, Cancellation);
        await ledger.TaxRates.DeleteAsync(rate.Id, Cancellation);

        var update = await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.TaxRates.UpdateAsync(rate.Id, new TaxRateChanges { Name = "Back" }, Cancellation));
        var again = await Assert.ThrowsAsync<RecordDeletedException>(() => ledger.TaxRates.DeleteAsync(rate.Id, Cancellation));

        Assert.Equal((EntityKind.TaxRate, rate.Id), (update.Entity, update.Id));
        Assert.Equal(rate.Id, again.Id);
    }

    [Fact]
    public async Task RateCreatedInTheLedger_IsReadOnItsInvoices()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        var contact = await ledger.Contacts.CreateAsync(new NewContact { Organization = "Levy payer" }, Cancellation);
        await ToListAsync(ledger.Invoices.ListAsync(null, Cancellation)); // the ledger has read the organisation's rates once

        var levy = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "Eight", Percent = 8m }, Cancellation);
        var invoice = await ledger.Invoices.CreateAsync(InvoiceStoreTests.Sample(contact.Id) with
        {
            Lines = [new NewInvoiceLine { Name = "Work", Quantity = 1m, UnitPrice = new Money(50m, Nz.Dollar), Taxes = [new LineTax("Eight", 8m) { TaxRateId = levy.Id }] }],
        }, Cancellation);

        Assert.Equal((new Money(4m, Nz.Dollar), levy.Id), (invoice.Tax, Assert.Single(invoice.Lines[0].Taxes).TaxRateId));
    }
}
