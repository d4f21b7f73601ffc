namespace Ledgerline.ConformanceTests;

/// <summary>Items: fields round-trip, tax rate references must exist, bad prices are refused, code and name filters.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Items")]
public abstract class ItemConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    private static readonly NewItem Consulting = new()
    {
        Name = "Consulting hour",
        Code = "CONS-1",
        Description = "One hour of senior consulting.",
        UnitPrice = Samples.Usd(150.25m),
    };

    [Fact]
    public virtual async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Item, StoreOperations.Create, () => Ledger.Items.CreateAsync(Consulting, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Item, StoreOperations.Get);
        var created = await Ledger.Items.CreateAsync(Consulting, Cancellation);
        var read = await Ledger.Items.GetAsync(created.Id, Cancellation);

        foreach (var item in new[] { created, read })
        {
            AssertWellFormed(item);
            Assert.Equal((Consulting.Name, Consulting.Code, Consulting.Description), (item.Name, item.Code, item.Description));
            Assert.Equal(Consulting.UnitPrice, item.UnitPrice);
            Assert.Empty(item.TaxRateIds);
        }
    }

    [Fact]
    public virtual async Task CreateAsync_WithTaxRates_KeepsTheirIdsInOrder()
    {
        RequireForSetup(EntityKind.Item, StoreOperations.Create);
        RequireForSetup(EntityKind.TaxRate, StoreOperations.Create);
        var gst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "GST", Percent = 5m }, Cancellation);
        var pst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "PST", Percent = 7m }, Cancellation);

        var created = await Ledger.Items.CreateAsync(Consulting with { TaxRateIds = [gst.Id, pst.Id] }, Cancellation);

        Assert.Equal([gst.Id, pst.Id], created.TaxRateIds);
    }

    [Fact]
    public virtual async Task CreateAsync_UnknownTaxRate_IsTypedNotFound()
    {
        RequireForSetup(EntityKind.Item, StoreOperations.Create);

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => Ledger.Items.CreateAsync(Consulting with { TaxRateIds = [MissingId] }, Cancellation));

        Assert.Equal(EntityKind.TaxRate, error.Entity);
    }

    [Fact]
    public virtual async Task CreateAsync_NegativePrice_IsRefusedBeforeAnyRequest()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Item, StoreOperations.Create, () => Ledger.Items.CreateAsync(Samples.Item(1), Cancellation)))
        {
            return;
        }

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Items.CreateAsync(Consulting with { UnitPrice = Samples.Usd(-1m) }, Cancellation));

        Assert.Contains(error.Errors, e => e.Field == nameof(NewItem.UnitPrice));
    }

    [Fact]
    public virtual async Task CreateAsync_ThreeTaxRates_IsRefusedBeforeAnyRequest()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Item, StoreOperations.Create, () => Ledger.Items.CreateAsync(Samples.Item(1), Cancellation)))
        {
            return;
        }

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(
            () => Ledger.Items.CreateAsync(Consulting with { TaxRateIds = ["1", "2", "3"] }, Cancellation));

        Assert.Contains(error.Errors, e => e.Field == nameof(NewItem.TaxRateIds));
    }

    [Fact]
    public virtual async Task UpdateAsync_Price_ChangesOnlyThePrice()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Item, StoreOperations.Update, () => Ledger.Items.UpdateAsync(MissingId, new ItemChanges { UnitPrice = Samples.Usd(1m) }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.Item, StoreOperations.Create);
        var created = await Ledger.Items.CreateAsync(Consulting, Cancellation);

        var updated = await Ledger.Items.UpdateAsync(created.Id, new ItemChanges { UnitPrice = Samples.Usd(175m) }, Cancellation);

        Assert.Equal(Samples.Usd(175m), updated.UnitPrice);
        Assert.Equal((Consulting.Name, Consulting.Code, Consulting.Description), (updated.Name, updated.Code, updated.Description));
    }

    [Fact]
    public virtual async Task ListAsync_ByCode_ReturnsOnlyThatItem()
    {
        var query = new ItemQuery { Code = "CONS-1" };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.Item, nameof(ItemQuery.Code), () => ToListAsync(Ledger.Items.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.Item, StoreOperations.Create);
        var wanted = await Ledger.Items.CreateAsync(Consulting, Cancellation);
        await Ledger.Items.CreateAsync(Consulting with { Code = "CONS-2", Name = "Other" }, Cancellation);
        await Ledger.Items.CreateAsync(Consulting with { Code = "cons-1", Name = "Lower case code" }, Cancellation);

        AssertSameIds([wanted.Id], await ToListAsync(Ledger.Items.ListAsync(query, Cancellation)));
    }
}
