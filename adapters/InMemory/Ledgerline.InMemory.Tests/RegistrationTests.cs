using Ledgerline.InMemory.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddInMemory_Twice_AddsNothingTheSecondTime()
    {
        var services = new ServiceCollection();
        var builder = services.AddLedgerline().AddInMemory();
        var count = services.Count;

        services.AddLedgerline().AddInMemory();

        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<ILedgerProvider>());
        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void Open_Provider_IsNamedInMemoryWithFullCapabilities()
    {
        using var harness = new LedgerHarness();

        Assert.Equal("InMemory", harness.Ledger.ProviderName);
        Assert.Equal("tenant-a", harness.Ledger.ConnectionId);
        Assert.Equal(["InMemory"], harness.Factory.Providers);
        foreach (var entity in Enum.GetValues<EntityKind>().Where(e => e != EntityKind.Company))
        {
            var store = harness.Ledger.Capabilities.For(entity);
            Assert.True(store.Supports(StoreOperations.All));
            Assert.True(store.SoftDelete);
            Assert.Equal(RecordStates.All, store.QueryableStates);
            Assert.Contains("UpdatedSince", store.Filters);
        }

        Assert.Equal(StoreOperations.Get, harness.Ledger.Capabilities.For(EntityKind.Company).Operations);
    }

    [Fact]
    public async Task Open_SameConnectionTwice_SharesData()
    {
        using var harness = new LedgerHarness();
        await harness.ContactAsync("Shared");

        var again = harness.Factory.Open("tenant-a");

        Assert.Equal("Shared", Assert.Single(await LedgerHarness.AllAsync(again.Contacts.ListAsync())).Organization);
    }

    [Fact]
    public async Task Open_OtherConnection_IsIsolated()
    {
        using var harness = new LedgerHarness();
        await harness.ContactAsync("Tenant A only");

        var other = harness.Factory.Open("tenant-b");
        var created = await other.Contacts.CreateAsync(new NewContact { Organization = "Tenant B" });

        Assert.Equal("1", created.Id);
        Assert.Equal(["Tenant B"], (await LedgerHarness.AllAsync(other.Contacts.ListAsync())).Select(c => c.Organization));
        Assert.Equal(["Tenant A only"], (await LedgerHarness.AllAsync(harness.Ledger.Contacts.ListAsync())).Select(c => c.Organization));
    }

    [Fact]
    public async Task InjectedStores_UseDefaultConnection()
    {
        using var harness = new LedgerHarness();
        var injected = harness.Services.GetRequiredService<IContactStore>();

        await injected.CreateAsync(new NewContact { Email = "a@example.com" });

        Assert.Single(await LedgerHarness.AllAsync(harness.Factory.Open("default").Contacts.ListAsync()));
        Assert.Empty(await LedgerHarness.AllAsync(harness.Ledger.Contacts.ListAsync()));
    }

    [Fact]
    public void AddInMemory_NullCapabilities_FailsClearlyOnResolve()
    {
        var services = new ServiceCollection();
        services.AddLedgerline().AddInMemory(o => o.Capabilities = null!);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILedgerFactory>().Open("x"));

        Assert.Contains("Capabilities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureStore_ReplacesOnlyThatStore()
    {
        var options = new InMemoryOptions().ConfigureStore(EntityKind.Payment, s => s with { Operations = StoreOperations.Get });

        Assert.Equal(StoreOperations.Get, options.Capabilities.For(EntityKind.Payment).Operations);
        Assert.Equal(StoreOperations.All | StoreOperations.MarkSent | StoreOperations.Void, options.Capabilities.For(EntityKind.Invoice).Operations);
        Assert.Equal(StoreOperations.All, InMemoryOptions.AllCapabilities.For(EntityKind.Payment).Operations);
    }
}
