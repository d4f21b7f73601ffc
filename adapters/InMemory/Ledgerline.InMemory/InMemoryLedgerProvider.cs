using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Ledgerline.InMemory;

/// <summary>Hands out one ledger per connection id, kept for the provider's lifetime.</summary>
internal sealed class InMemoryLedgerProvider : ILedgerProvider
{
    public const string ProviderName = "InMemory";

    private readonly ConcurrentDictionary<string, InMemoryLedger> _ledgers = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly Company _company;

    public InMemoryLedgerProvider(IOptions<InMemoryOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Capabilities = options.Value.Capabilities
            ?? throw new InvalidOperationException("InMemoryOptions.Capabilities must not be null; leave it unset for every capability.");
        _timeProvider = timeProvider;
        _company = options.Value.Company
            ?? throw new InvalidOperationException("InMemoryOptions.Company must not be null; leave it unset for the default company.");
    }

    public string Name => ProviderName;

    public LedgerCapabilities Capabilities { get; }

    public ILedger Open(string connectionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        return _ledgers.GetOrAdd(connectionId, static (id, provider) => new InMemoryLedger(id, provider.Capabilities, provider._timeProvider, provider._company), this);
    }
}
