namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// Where webhook callbacks and their verifiers are kept. The default keeps them in memory, which suits one process that
/// subscribes at start-up; an application with several instances or restarts supplies a durable, protected store
/// (e.g. encrypted at rest) and registers it before Ledgerline's webhook services.
/// </summary>
public interface IWebhookSecretStore
{
    /// <summary>Reads one callback; <see langword="null"/> when unknown.</summary>
    Task<WebhookCallbackSecret?> GetAsync(string callbackId, CancellationToken cancellationToken = default);

    /// <summary>Every callback of one FreshBooks account (deliveries name the account, not the callback).</summary>
    Task<IReadOnlyList<WebhookCallbackSecret>> ListByAccountAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a callback.</summary>
    Task SaveAsync(WebhookCallbackSecret secret, CancellationToken cancellationToken = default);

    /// <summary>Forgets a callback; <see langword="false"/> when it was unknown.</summary>
    Task<bool> DeleteAsync(string callbackId, CancellationToken cancellationToken = default);
}
