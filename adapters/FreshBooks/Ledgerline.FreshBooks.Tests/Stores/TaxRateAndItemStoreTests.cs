using Ledgerline.FreshBooks.Tests.Support;

namespace Ledgerline.FreshBooks.Tests.Stores;

public sealed class TaxRateAndItemStoreTests(SandboxClassFixture fixture) : IClassFixture<SandboxClassFixture>
{
    private static readonly CurrencyCode Usd = CurrencyCode.USD;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TaxRateLifecycle_CreateUpdateListDelete_ExactPercentAndHardDelete()
    {
        var ledger = await fixture.Ledgers.OpenAsync();

        var created = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "QST", Percent = 9.975m, RegistrationNumber = "TQ-1", IsCompound = true }, Ct);
        var updated = await ledger.TaxRates.UpdateAsync(created.Id, new TaxRateChanges { Percent = 10m, RegistrationNumber = string.Empty }, Ct);
        var listed = await ledger.TaxRates.ListAsync(new TaxRateQuery { NameContains = "qs" }, Ct).ToListAsync(Ct);
        await ledger.TaxRates.DeleteAsync(created.Id, Ct);

        Assert.Equal(("QST", 9.975m, "TQ-1", true), (created.Name, created.Percent, created.RegistrationNumber, created.IsCompound));
        Assert.Equal(("QST", 10m, null, true), (updated.Name, updated.Percent, updated.RegistrationNumber, updated.IsCompound));
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        var gone = await Assert.ThrowsAsync<RecordNotFoundException>(() => ledger.TaxRates.GetAsync(created.Id, Ct));
        Assert.Equal(EntityKind.TaxRate, gone.Entity);
        Assert.Contains(fixture.Ledgers.Sandbox.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/taxes/taxes/" + created.Id, StringComparison.Ordinal));
        Assert.Contains(fixture.Ledgers.Sandbox.Requests, r => r.Path.EndsWith("/taxes/taxes", StringComparison.Ordinal) &&
            r.Query.Contains("search%5Bname_like%5D=qs", StringComparison.Ordinal) && !r.Query.Contains("vis_state", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TaxRateArchive_NoVisState_RefusedBeforeAnyRequest()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        fixture.Ledgers.Sandbox.ClearRequests();

        var refused = await Assert.ThrowsAsync<OperationNotSupportedException>(() => ledger.TaxRates.ArchiveAsync("1", Ct));

        Assert.Equal(EntityKind.TaxRate, refused.Entity);
        Assert.Empty(fixture.Ledgers.Sandbox.Requests);
    }

    [Fact]
    public async Task ItemLifecycle_TaxIdsPriceCodeInventory_RoundTripAndSoftDelete()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        var gst = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "GST", Percent = 5m }, Ct);
        var pst = await ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "PST", Percent = 7m }, Ct);

        var created = await ledger.Items.CreateAsync(new NewItem
        {
            Name = "Widget",
            Code = "W-1",
            Description = "Blue",
            UnitPrice = new Money(12.50m, Usd),
            TaxRateIds = [pst.Id, gst.Id],
            QuantityOnHand = 40m,
        }, Ct);
        var oneTax = await ledger.Items.UpdateAsync(created.Id, new ItemChanges { TaxRateIds = [gst.Id] }, Ct);
        var byCode = await ledger.Items.ListAsync(new ItemQuery { Code = "W-1" }, Ct).ToListAsync(Ct);
        await ledger.Items.DeleteAsync(created.Id, Ct);
        var deleted = await ledger.Items.GetAsync(created.Id, Ct);

        Assert.Equal(("Widget", "W-1", "Blue"), (created.Name, created.Code, created.Description));
        Assert.Equal(new Money(12.50m, Usd), created.UnitPrice);
        Assert.Equal([pst.Id, gst.Id], created.TaxRateIds);
        Assert.Equal(40m, created.QuantityOnHand);
        Assert.Equal([gst.Id], oneTax.TaxRateIds);
        Assert.Equal(created.Id, Assert.Single(byCode).Id);
        Assert.Equal(RecordState.Deleted, deleted.State);
    }

    [Fact]
    public async Task ItemCreate_UnknownTaxRate_TaxRateNotFoundAndNothingWritten()
    {
        var ledger = await fixture.Ledgers.OpenAsync();
        fixture.Ledgers.Sandbox.ClearRequests();

        var missing = await Assert.ThrowsAsync<RecordNotFoundException>(() =>
            ledger.Items.CreateAsync(new NewItem { Name = "Ghost-taxed", TaxRateIds = ["88888888"] }, Ct));

        Assert.Equal(EntityKind.TaxRate, missing.Entity);
        Assert.Equal("88888888", missing.Id);
        Assert.DoesNotContain(fixture.Ledgers.Sandbox.Requests, r => r.Method is "POST" or "PUT");
    }
}
