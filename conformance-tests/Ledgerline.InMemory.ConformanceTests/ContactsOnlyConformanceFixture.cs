using Ledgerline.ConformanceTests;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.InMemory.ConformanceTests;

/// <summary>
/// A provider that implements contacts and nothing else (<see cref="ContactsOnlyProvider"/>). The whole suite runs against
/// it: Ledgerline must narrow the capabilities applications see to contacts and refuse every other store typed, before
/// any request, with no help from the provider.
/// </summary>
public sealed class ContactsOnlyConformanceFixture : InMemoryConformanceFixture
{
    public override string ProviderName => ContactsOnlyProvider.ProviderName;

    public override LedgerCapabilities ExpectedCapabilities { get; } = new(new Dictionary<EntityKind, StoreCapabilities>
    {
        [EntityKind.Contact] = InMemoryOptions.AllCapabilities.For(EntityKind.Contact),
    });

    public override void AddProvider(LedgerlineBuilder builder) => builder.AddProvider<ContactsOnlyProvider>();
}

/// <summary>
/// A plugin as it would look had it been written when Ledgerline had only contacts: its ledger returns an
/// <see cref="IContactStore"/> from <see cref="ILedger.GetStore"/> and nothing else, while its declared capabilities
/// (borrowed from InMemory) still claim every store. Its contacts are InMemory's, in a container of its own.
/// </summary>
public sealed class ContactsOnlyProvider : ILedgerProvider, IDisposable
{
    public const string ProviderName = "ContactsOnly";

    private readonly ServiceProvider _inMemory;
    private readonly ILedgerProvider _inner;

    public ContactsOnlyProvider(TimeProvider clock)
    {
        _inMemory = new ServiceCollection().AddSingleton(clock).AddLedgerline().AddInMemory().Services.BuildServiceProvider();
        _inner = _inMemory.GetServices<ILedgerProvider>().Single();
    }

    public string Name => ProviderName;

    public LedgerCapabilities Capabilities => _inner.Capabilities;

    public ILedger Open(string connectionId) => new ContactsOnlyLedger(_inner.Open(connectionId));

    public void Dispose() => _inMemory.Dispose();

    private sealed class ContactsOnlyLedger(ILedger inner) : ILedger
    {
        public string ProviderName => ContactsOnlyProvider.ProviderName;

        public string ConnectionId => inner.ConnectionId;

        public LedgerCapabilities Capabilities => inner.Capabilities;

        public object? GetStore(Type storeType) => storeType == typeof(IContactStore) ? inner.GetStore(storeType) : null;
    }
}
