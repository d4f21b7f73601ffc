namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>Conveniences for <see cref="IFreshBooksWebhookSubscriptions"/>.</summary>
public static class FreshBooksWebhookSubscriptionsExtensions
{
    /// <summary>Subscribes to several topics, one callback each, in order.</summary>
    public static async Task<IReadOnlyList<FreshBooksCallback>> SubscribeAsync(
        this IFreshBooksWebhookSubscriptions subscriptions,
        string connectionId,
        IEnumerable<LedgerChangeTopic> topics,
        Uri uri,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(topics);
        var created = new List<FreshBooksCallback>();
        foreach (var topic in topics)
        {
            created.Add(await subscriptions.SubscribeAsync(connectionId, topic, uri, cancellationToken));
        }

        return created;
    }
}
