using System.Collections.Concurrent;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>Accounts the subscriptions client has spoken for in this process, learnt before FreshBooks answers.</summary>
internal sealed class AccountLinks
{
    private readonly ConcurrentDictionary<string, string> _connections = new(StringComparer.Ordinal);

    public void Remember(string accountId, string connectionId) => _connections[accountId] = connectionId;

    public string? Find(string accountId) => _connections.GetValueOrDefault(accountId);
}
