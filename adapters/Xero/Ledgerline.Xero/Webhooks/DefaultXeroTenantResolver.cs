using Ledgerline.Connections;
using Ledgerline.Xero.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero.Webhooks;

/// <summary>
/// The default resolution: every connection named in <see cref="XeroWebhookOptions.ConnectionIds"/>, and the default
/// connection (<see cref="LedgerlineOptions.DefaultConnectionId"/>), read from the <see cref="IConnectionStore"/>, that
/// is a Xero connection pinned (<see cref="XeroConnectionProperties.TenantId"/>) to the event's organisation.
/// </summary>
internal sealed class DefaultXeroTenantResolver(IOptionsMonitor<XeroWebhookOptions> options, IServiceProvider services) : IXeroTenantResolver
{
    public async ValueTask<IReadOnlyList<string>> ResolveConnectionIdsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        PublicInput.Id(nameof(tenantId), tenantId, XeroRequest.ProviderName);
        if (!Guid.TryParse(tenantId, out var tenant) || services.GetService<IConnectionStore>() is not { } store)
        {
            return [];
        }

        var candidates = new List<string>(options.CurrentValue.ConnectionIds);
        if (services.GetService<IOptions<LedgerlineOptions>>()?.Value.DefaultConnectionId is { Length: > 0 } defaultId)
        {
            candidates.Add(defaultId);
        }

        var found = new List<string>();
        foreach (var id in candidates.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetAsync(id, cancellationToken) is { } connection &&
                string.Equals(connection.Provider, XeroRequest.ProviderName, StringComparison.OrdinalIgnoreCase) &&
                connection.Properties.TryGetValue(XeroConnectionProperties.TenantId, out var pinned) &&
                Guid.TryParse(pinned, out var pinnedTenant) && pinnedTenant == tenant)
            {
                found.Add(id);
            }
        }

        return found;
    }
}
