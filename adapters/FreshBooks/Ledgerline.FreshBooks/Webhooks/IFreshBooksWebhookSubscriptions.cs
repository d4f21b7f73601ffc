namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Manages FreshBooks webhook callbacks for a connection: subscribe to canonical change topics, complete the
/// verification round-trip, list, resend verification, delete. A new callback is inactive until its verifier (which
/// FreshBooks posts to the callback's URI) is sent back; the webhook endpoint does that by itself when it can.
/// </summary>
public interface IFreshBooksWebhookSubscriptions
{
    /// <summary>
    /// Creates a callback for <paramref name="topic"/> delivering to <paramref name="uri"/> (a whole entity subscribes to
    /// the bare FreshBooks object, e.g. <c>invoice</c>; one change kind to e.g. <c>invoice.create</c>). FreshBooks then posts
    /// a verification notice to <paramref name="uri"/>.
    /// </summary>
    Task<FreshBooksCallback> SubscribeAsync(string connectionId, LedgerChangeTopic topic, Uri uri, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's callbacks, every page.</summary>
    Task<IReadOnlyList<FreshBooksCallback>> ListAsync(string connectionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends the verifier back, making the callback live, and stores it in <see cref="IWebhookSecretStore"/> as the key
    /// its deliveries are checked with.
    /// </summary>
    /// <exception cref="LedgerlineException">FreshBooks refused the verifier or the callback does not exist.</exception>
    Task<FreshBooksCallback> VerifyAsync(string connectionId, string callbackId, string verifier, CancellationToken cancellationToken = default);

    /// <summary>Asks FreshBooks to post the verification notice again.</summary>
    Task ResendVerificationAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the callback and forgets its verifier.</summary>
    Task DeleteAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default);
}

/// <summary>A FreshBooks webhook callback.</summary>
public sealed record FreshBooksCallback
{
    /// <summary>FreshBooks' callback id.</summary>
    public required string Id { get; init; }

    /// <summary>The FreshBooks event subscribed to, e.g. <c>invoice.create</c> or <c>invoice</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>Where deliveries are posted.</summary>
    public required Uri Uri { get; init; }

    /// <summary>Whether the verification round-trip is complete (the callback delivers only then).</summary>
    public bool Verified { get; init; }

    /// <summary>When FreshBooks last changed the callback (UTC), when it says.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The canonical topic the event name stands for, or <see langword="null"/> for events Ledgerline does not model.</summary>
    public LedgerChangeTopic? Topic { get; init; }
}

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
