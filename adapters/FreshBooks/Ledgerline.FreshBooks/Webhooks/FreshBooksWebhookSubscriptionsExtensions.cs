namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>Conveniences for <see cref="IFreshBooksWebhookSubscriptions"/>.</summary>
public static class FreshBooksWebhookSubscriptionsExtensions
{
    /// <summary>Subscribes to several topics, one callback each, in order.</summary>
    /// <exception cref="LedgerValidationException"><c>subscriptions</c> or <c>topics</c> is null (code <c>Required</c>), or as <see cref="IFreshBooksWebhookSubscriptions.SubscribeAsync"/>.</exception>
    public static async Task<IReadOnlyList<FreshBooksCallback>> SubscribeAsync(
        this IFreshBooksWebhookSubscriptions subscriptions,
        string connectionId,
        IEnumerable<LedgerChangeTopic> topics,
        Uri uri,
        CancellationToken cancellationToken = default)
    {
        PublicInput.Required(nameof(subscriptions), subscriptions, Http.FreshBooksRequest.ProviderName);
        PublicInput.Required(nameof(topics), topics, Http.FreshBooksRequest.ProviderName);
        var created = new List<FreshBooksCallback>();
        foreach (var topic in topics)
        {
            created.Add(await subscriptions.SubscribeAsync(connectionId, topic, uri, cancellationToken));
        }

        return created;
    }
}
