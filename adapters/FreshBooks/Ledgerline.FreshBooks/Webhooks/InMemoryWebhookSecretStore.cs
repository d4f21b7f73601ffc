namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>A thread-safe <see cref="IWebhookSecretStore"/> in memory. Nothing survives the process.</summary>
public sealed class InMemoryWebhookSecretStore : IWebhookSecretStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebhookCallbackSecret> _secrets = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<WebhookCallbackSecret?> GetAsync(string callbackId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackId);
        lock (_gate)
        {
            return Task.FromResult(_secrets.GetValueOrDefault(callbackId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookCallbackSecret>> ListByAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        lock (_gate)
        {
            IReadOnlyList<WebhookCallbackSecret> found =
                [.. _secrets.Values.Where(s => string.Equals(s.AccountId, accountId, StringComparison.Ordinal))];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(WebhookCallbackSecret secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        lock (_gate)
        {
            _secrets[secret.CallbackId] = secret;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string callbackId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackId);
        lock (_gate)
        {
            return Task.FromResult(_secrets.Remove(callbackId));
        }
    }
}
