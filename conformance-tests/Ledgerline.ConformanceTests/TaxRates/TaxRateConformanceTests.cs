namespace Ledgerline.ConformanceTests;

/// <summary>Tax rates: fields round-trip, changes touch only what they name, bad rates are refused before any request.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Tax rates")]
public abstract class TaxRateConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    private static readonly NewTaxRate Hst = new() { Name = "HST", Percent = 13m, RegistrationNumber = "RT0001", IsCompound = false };

    [Fact]
    public virtual async Task CreateAsync_FullDraft_RoundTripsEveryField()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.TaxRate, StoreOperations.Create, () => Ledger.TaxRates.CreateAsync(Hst, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.TaxRate, StoreOperations.Get);
        var created = await Ledger.TaxRates.CreateAsync(Hst, Cancellation);
        var read = await Ledger.TaxRates.GetAsync(created.Id, Cancellation);

        foreach (var rate in new[] { created, read })
        {
            AssertWellFormed(rate);
            Assert.Equal(("HST", 13m, "RT0001", false), (rate.Name, rate.Percent, rate.RegistrationNumber, rate.IsCompound));
        }
    }

    [Fact]
    public virtual async Task CreateAsync_FractionalPercent_IsKeptExactly()
    {
        RequireForSetup(EntityKind.TaxRate, StoreOperations.Create);

        var created = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "QST", Percent = 9.975m, IsCompound = true }, Cancellation);

        Assert.Equal(9.975m, created.Percent);
        Assert.True(created.IsCompound);
    }

    [Fact]
    public virtual async Task UpdateAsync_Percent_ChangesOnlyThePercent()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.TaxRate, StoreOperations.Update, () => Ledger.TaxRates.UpdateAsync(MissingId, new TaxRateChanges { Percent = 15m }, Cancellation)))
        {
            return;
        }

        RequireForSetup(EntityKind.TaxRate, StoreOperations.Create);
        var created = await Ledger.TaxRates.CreateAsync(Hst, Cancellation);

        var updated = await Ledger.TaxRates.UpdateAsync(created.Id, new TaxRateChanges { Percent = 15m }, Cancellation);

        Assert.Equal(15m, updated.Percent);
        Assert.Equal(("HST", "RT0001"), (updated.Name, updated.RegistrationNumber));
    }

    [Theory]
    [InlineData("100.01")]
    [InlineData("-1")]
    public virtual async Task CreateAsync_PercentOutsideZeroToHundred_IsRefusedBeforeAnyRequest(string percent)
    {
        var draft = Hst with { Percent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture) };

        if (!await SupportedOrRefusedAsync(EntityKind.TaxRate, StoreOperations.Create, () => Ledger.TaxRates.CreateAsync(Samples.TaxRate(1), Cancellation)))
        {
            return;
        }

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.TaxRates.CreateAsync(draft, Cancellation));

        Assert.Contains(error.Errors, e => e.Field == nameof(NewTaxRate.Percent));
    }

    [Fact]
    public virtual async Task CreateAsync_BlankName_IsRefusedBeforeAnyRequest()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.TaxRate, StoreOperations.Create, () => Ledger.TaxRates.CreateAsync(Samples.TaxRate(1), Cancellation)))
        {
            return;
        }

        var error = await AssertRefusedBeforeRequestAsync<LedgerValidationException>(() => Ledger.TaxRates.CreateAsync(Hst with { Name = " " }, Cancellation));

        Assert.Contains(error.Errors, e => e.Field == nameof(NewTaxRate.Name));
    }

    [Fact]
    public virtual async Task ListAsync_NameContains_ReturnsOnlyMatchingRates()
    {
        var query = new TaxRateQuery { NameContains = "st" };
        if (!await FilterSupportedOrRefusedAsync(EntityKind.TaxRate, nameof(TaxRateQuery.NameContains), () => ToListAsync(Ledger.TaxRates.ListAsync(query, Cancellation))))
        {
            return;
        }

        RequireForSetup(EntityKind.TaxRate, StoreOperations.Create);
        var preset = await PresetIdsAsync(EntityKind.TaxRate);
        var hst = await Ledger.TaxRates.CreateAsync(Hst, Cancellation);
        var gst = await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "GST", Percent = 5m }, Cancellation);
        await Ledger.TaxRates.CreateAsync(new NewTaxRate { Name = "VAT", Percent = 20m }, Cancellation);

        var listed = await ToListAsync(Ledger.TaxRates.ListAsync(query, Cancellation));
        AssertSameIds([hst.Id, gst.Id], listed.Where(r => !preset.Contains(r.Id)));
    }
}
