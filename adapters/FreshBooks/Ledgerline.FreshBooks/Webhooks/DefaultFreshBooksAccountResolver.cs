using System.Collections.Concurrent;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// The default resolution, in order: the connection recorded with the account's callbacks in
/// <see cref="IWebhookSecretStore"/>; the connection that subscribed for the account in this process; the default
/// connection (<see cref="LedgerlineOptions.DefaultConnectionId"/>) when it is pinned to that account.
/// </summary>
internal sealed class DefaultFreshBooksAccountResolver(
    IWebhookSecretStore secrets,
    AccountLinks links,
    IServiceProvider services) : IFreshBooksAccountResolver
{
    public async ValueTask<string?> ResolveConnectionIdAsync(string accountId, CancellationToken cancellationToken = default)
    {
        PublicInput.Id(nameof(accountId), accountId, FreshBooksRequest.ProviderName);
        var callbacks = await secrets.ListByAccountAsync(accountId, cancellationToken);
        if (callbacks.Select(c => c.ConnectionId).FirstOrDefault(c => c is not null) is { } recorded)
        {
            return recorded;
        }

        if (links.Find(accountId) is { } linked)
        {
            return linked;
        }

        if (services.GetService<IConnectionStore>() is { } store &&
            services.GetService<IOptions<LedgerlineOptions>>()?.Value.DefaultConnectionId is { Length: > 0 } defaultId &&
            await store.GetAsync(defaultId, cancellationToken) is { } connection &&
            connection.Properties.TryGetValue(FreshBooksRequest.AccountIdProperty, out var pinned) &&
            string.Equals(pinned, accountId, StringComparison.Ordinal))
        {
            return defaultId;
        }

        return null;
    }
}
