using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.ConformanceTests;

/// <summary>Registration: <c>services.AddLedgerline().AddX()</c> resolves everything, twice changes nothing, capabilities are as declared.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
[ConformanceSuite("Registration")]
public abstract class RegistrationConformanceTests<TFixture>(TFixture fixture) : ConformanceTestBase<TFixture>(fixture)
    where TFixture : LedgerConformanceFixture
{
    /// <inheritdoc />
    protected override bool UsesLedger => false;

    [Fact]
    public virtual async Task AddProvider_OnFreshServices_ResolvesFactoryLedgerAndStores()
    {
        var services = new ServiceCollection();
        Fixture.ConfigureServices(services);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var factory = provider.GetRequiredService<ILedgerFactory>();
        var ledger = factory.Open(Fixture.ProviderName, "registration-check");

        Assert.Contains(Fixture.ProviderName, factory.Providers);
        Assert.Equal(Fixture.ProviderName, ledger.ProviderName);
        Assert.Equal("registration-check", ledger.ConnectionId);
        Assert.NotNull(ledger.Contacts);
        Assert.NotNull(ledger.Invoices);
        Assert.NotNull(ledger.Payments);
        Assert.NotNull(ledger.Expenses);
        Assert.NotNull(ledger.TimeEntries);
        Assert.Contains(provider.GetServices<ILedgerProvider>(), p => p.Name == Fixture.ProviderName);
    }

    [Fact]
    public virtual async Task AddProvider_Injected_ResolvesStoresForTheDefaultConnection()
    {
        var services = new ServiceCollection();
        Fixture.ConfigureServices(services);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var ledger = provider.GetRequiredService<ILedger>();

        Assert.Equal(Fixture.ProviderName, ledger.ProviderName);
        Assert.NotNull(provider.GetRequiredService<IContactStore>());
        Assert.NotNull(provider.GetRequiredService<IInvoiceStore>());
        Assert.NotNull(provider.GetRequiredService<IPaymentStore>());
        Assert.NotNull(provider.GetRequiredService<IExpenseStore>());
        Assert.NotNull(provider.GetRequiredService<ITimeEntryStore>());
    }

    [Fact]
    public virtual async Task AddProvider_Twice_ChangesNothing()
    {
        var once = new ServiceCollection();
        Fixture.ConfigureServices(once);
        var twice = new ServiceCollection();
        Fixture.ConfigureServices(twice);
        Fixture.AddProvider(twice.AddLedgerline());

        Assert.Equal(Describe(once), Describe(twice));
        await using var provider = twice.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Assert.Single(provider.GetServices<ILedgerProvider>(), p => p.Name == Fixture.ProviderName);
        Assert.Single(provider.GetRequiredService<ILedgerFactory>().Providers);
    }

    [Fact]
    public virtual async Task Capabilities_AreWhatTheFixtureDeclares()
    {
        var services = new ServiceCollection();
        Fixture.ConfigureServices(services);
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<ILedgerFactory>().Open(Fixture.ProviderName, "capabilities-check");
        var expected = Fixture.ExpectedCapabilities;

        foreach (var entity in Enum.GetValues<EntityKind>())
        {
            var actual = ledger.Capabilities.For(entity);
            var declared = expected.For(entity);
            Assert.True(declared.Operations == actual.Operations, $"{entity}: the provider reports {actual.Operations}, the fixture declares {declared.Operations}.");
            Assert.True(declared.Filters.SetEquals(actual.Filters),
                $"{entity}: the provider reports filters [{string.Join(", ", actual.Filters.Order(StringComparer.Ordinal))}], the fixture declares [{string.Join(", ", declared.Filters.Order(StringComparer.Ordinal))}].");
            Assert.True(declared.QueryableStates == actual.QueryableStates, $"{entity}: the provider lists {actual.QueryableStates}, the fixture declares {declared.QueryableStates}.");
            Assert.True(declared.SoftDelete == actual.SoftDelete, $"{entity}: SoftDelete is {actual.SoftDelete}, the fixture declares {declared.SoftDelete}.");
        }
    }

    [Fact]
    public virtual void Capabilities_AreConsistent()
    {
        foreach (var (entity, store) in Fixture.ExpectedCapabilities.Stores)
        {
            // Archiving is visibility, not deletion: a store may archive and restore records it deletes for good (FreshBooks
            // projects, inactive then gone), or archive records it cannot delete at all. It cannot list what it no longer has.
            if (!store.SoftDelete)
            {
                Assert.False(store.QueryableStates.HasFlag(RecordStates.Deleted),
                    $"{entity}: a store that deletes for good cannot list deleted records.");
            }

            if (store.IsSupported)
            {
                Assert.True(store.QueryableStates.HasFlag(RecordStates.Active), $"{entity}: every listable store lists active records.");
            }
        }

        // A provider that supports nothing is not finished (a freshly generated one starts here): say what to do.
        Assert.True(
            Fixture.ExpectedCapabilities.Stores.Values.Any(s => s.IsSupported),
            $"{Fixture.ProviderName} declares no supported store: implement one and declare it in the provider's capabilities (and ExpectedCapabilities).");
    }

    // Options callbacks are left out: like services.Configure, a second Add*(configure) may add its callback again.
    private static List<string> Describe(IServiceCollection services) =>
        services.Where(d => !d.ServiceType.IsGenericType || d.ServiceType.GetGenericTypeDefinition() != typeof(Microsoft.Extensions.Options.IConfigureOptions<>))
            .Select(d => $"{d.ServiceType.FullName} {d.Lifetime} {d.ImplementationType?.FullName ?? (d.ImplementationFactory is null ? "instance" : "factory")}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
