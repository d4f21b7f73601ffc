using System.Text.Json;
using Ledgerline.Xero.Tests.Support;

namespace Ledgerline.Xero.Tests.Stores;

/// <summary>The company (Xero's organisation) over loopback HTTP against the Xero sandbox.</summary>
public sealed class CompanyStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_NewZealandOrganisation_MapsEveryField()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();

        var company = await ledger.Company.GetAsync(Cancellation);

        Assert.Equal((fixture.TenantId.ToString(), "Ledgerline Demo NZ", "Ledgerline Demo NZ Limited"), (company.Id, company.Name, company.LegalName));
        Assert.Equal((CurrencyCode.Parse("NZD"), "Pacific/Auckland", "NZ"), (company.BaseCurrency, company.TimeZone, company.CountryCode));
        Assert.Equal(new PostalAddress { Street = "PO Box 1010", Street2 = "Shortland Street", City = "Auckland", Region = "Auckland", PostalCode = "1140", Country = "New Zealand" },
            company.Address);
        Assert.Equal("NEWZEALANDSTANDARDTIME", Assert.IsType<RawJson>(company.RawRepresentation).RootElement.GetProperty("Timezone").GetString());
    }

    [Fact]
    public async Task GetAsync_AustralianOrganisation_UsesTheStreetAddressWhenThereIsNoPostalOne()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync(fixture.Sandbox.SecondaryTenant.TenantId);

        var company = await ledger.Company.GetAsync(Cancellation);

        Assert.Equal((CurrencyCode.Parse("AUD"), "Australia/Sydney"), (company.BaseCurrency, company.TimeZone));
        Assert.Equal(new PostalAddress { Street = "1 George Street", City = "Sydney", Region = "NSW", PostalCode = "2000", Country = "Australia" }, company.Address);
    }

    [Fact]
    public async Task GetAsync_IsReadEveryTime_AndWritesAreRefusedByTheCapabilities()
    {
        await using var fixture = await XeroLedgerFixture.StartAsync();
        var ledger = await fixture.OpenAsync();
        fixture.Sandbox.ClearRequests();

        await ledger.Company.GetAsync(Cancellation);
        await ledger.Company.GetAsync(Cancellation);

        Assert.Equal(2, fixture.AccountingRequests().Count(r => r.Path.EndsWith("/Organisation", StringComparison.Ordinal)));
        Assert.Equal(StoreOperations.Get, ledger.Capabilities.For(EntityKind.Company).Operations);
    }
}
