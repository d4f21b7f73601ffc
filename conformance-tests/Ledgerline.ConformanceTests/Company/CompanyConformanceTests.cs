namespace Ledgerline.ConformanceTests;

/// <summary>The connected business: readable, with a name and, where given, a real base currency and a time zone .NET knows.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Company")]
public abstract class CompanyConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    [Fact]
    public virtual async Task GetAsync_DescribesTheConnectedBusiness()
    {
        if (!await SupportedOrRefusedAsync(EntityKind.Company, StoreOperations.Get, () => Ledger.Company.GetAsync(Cancellation)))
        {
            return;
        }

        var company = await Ledger.Company.GetAsync(Cancellation);

        Assert.False(string.IsNullOrWhiteSpace(company.Id));
        Assert.False(string.IsNullOrWhiteSpace(company.Name));
        Assert.False(company.BaseCurrency is { IsDefault: true }, "A base currency, when given, names a real currency.");
        if (company.TimeZone is { } zone)
        {
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), $"The time zone '{zone}' is not one .NET knows.");
        }
    }

    [Fact]
    public virtual async Task GetAsync_Twice_DescribesTheSameBusiness()
    {
        RequireForSetup(EntityKind.Company, StoreOperations.Get);

        var first = await Ledger.Company.GetAsync(Cancellation);
        var second = await Ledger.Company.GetAsync(Cancellation);

        Assert.Equal((first.Id, first.Name, first.BaseCurrency), (second.Id, second.Name, second.BaseCurrency));
    }
}
