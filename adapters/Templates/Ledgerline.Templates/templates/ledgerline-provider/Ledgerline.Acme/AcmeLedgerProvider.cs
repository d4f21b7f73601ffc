using Ledgerline.Acme.Contacts;
using Ledgerline.Acme.Http;

namespace Ledgerline.Acme;

/// <summary>
/// The Acme provider: opens one ledger per connection. Opening does no I/O; credentials are resolved when a store makes
/// its first request. Ledgerline puts every ledger behind its store pipeline (validation, capability guards, cursor
/// binding, telemetry), so the stores below only ever receive valid input for operations they declared.
/// </summary>
internal sealed class AcmeLedgerProvider(AcmeHttp http) : ILedgerProvider
{
    public const string ProviderName = "Acme";

    public string Name => ProviderName;

    public LedgerCapabilities Capabilities => AcmeCapabilities.Ledger;

    public ILedger Open(string connectionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        return new AcmeLedger(connectionId, http);
    }
}

/// <summary>One Acme connection's stores.</summary>
internal sealed class AcmeLedger(string connectionId, AcmeHttp http) : ILedger
{
    // TODO: add a store per entity you implement (IInvoiceStore, IPaymentStore, …) and declare it in AcmeCapabilities.
    private readonly object[] _stores = [new AcmeContactStore(connectionId, http)];

    public string ProviderName => AcmeLedgerProvider.ProviderName;

    public string ConnectionId { get; } = connectionId;

    public LedgerCapabilities Capabilities => AcmeCapabilities.Ledger;

    // A store type not found here (an entity added to Ledgerline later, say) is refused for you, typed, before any request.
    public object? GetStore(Type storeType) => Array.Find(_stores, storeType.IsInstanceOfType);
}
