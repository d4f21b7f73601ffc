using Ledgerline.Pipeline;
using Microsoft.Extensions.Options;

namespace Ledgerline;

/// <summary>Opens ledgers on the registered providers, each store behind the store pipeline.</summary>
internal sealed class LedgerFactory(IEnumerable<ILedgerProvider> providers, IOptions<LedgerlineOptions> options, StorePipeline pipeline)
    : ILedgerFactory
{
    private readonly Dictionary<string, ILedgerProvider> _providers =
        providers.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Providers => _providers.Keys;

    public ILedger Open(string connectionId)
    {
        if (options.Value.DefaultProvider is { } defaultProvider)
        {
            return Open(defaultProvider, connectionId);
        }

        return _providers.Count switch
        {
            1 => Open(_providers.Values.Single(), connectionId),
            0 => throw new InvalidOperationException(
                "No Ledgerline provider is registered. Add one, e.g. services.AddLedgerline().AddFreshBooks(…) or .AddInMemory()."),
            _ => throw new InvalidOperationException(
                $"Several Ledgerline providers are registered ({string.Join(", ", _providers.Keys)}); name one: Open(providerName, connectionId), " +
                "or set LedgerlineOptions.DefaultProvider."),
        };
    }

    public ILedger Open(string providerName, string connectionId)
    {
        if (string.IsNullOrWhiteSpace(providerName))
        {
            throw Invalid(nameof(providerName), "A provider name is required, e.g. \"FreshBooks\" or \"Xero\".", "ProviderRequired");
        }

        return _providers.TryGetValue(providerName, out var provider)
            ? Open(provider, connectionId)
            : throw Invalid(nameof(providerName),
                $"No Ledgerline provider is named '{Bounded(providerName)}'. Registered: {string.Join(", ", _providers.Keys)}.", "UnknownProvider");
    }

    private ILedger Open(ILedgerProvider provider, string connectionId)
    {
        ConnectionIdRule.ThrowIfInvalid(connectionId);
        return pipeline.Wrap(provider.Open(connectionId));
    }

    /// <summary>Ids and names come from the app's data (a tenant's connection), so they are refused as input, like a store's ids.</summary>
    private static LedgerValidationException Invalid(string field, string message, string code) => new([new FieldError(field, message, code)]);

    private static string Bounded(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
}
