using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// A thread-safe <see cref="IWebhookSecretStore"/> in memory. Nothing survives the process. A null or blank id, or a null
/// secret, is refused with <see cref="LedgerValidationException"/> (code <c>BlankId</c> or <c>Required</c> on the parameter).
/// </summary>
public sealed class InMemoryWebhookSecretStore : IWebhookSecretStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebhookCallbackSecret> _secrets = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<WebhookCallbackSecret?> GetAsync(string callbackId, CancellationToken cancellationToken = default)
    {
        PublicInput.Id(nameof(callbackId), callbackId, FreshBooksRequest.ProviderName);
        lock (_gate)
        {
            return Task.FromResult(_secrets.GetValueOrDefault(callbackId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookCallbackSecret>> ListByAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        PublicInput.Id(nameof(accountId), accountId, FreshBooksRequest.ProviderName);
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
        PublicInput.Required(nameof(secret), secret, FreshBooksRequest.ProviderName);
        PublicInput.Id(nameof(secret) + "." + nameof(secret.CallbackId), secret.CallbackId, FreshBooksRequest.ProviderName);
        lock (_gate)
        {
            _secrets[secret.CallbackId] = secret;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string callbackId, CancellationToken cancellationToken = default)
    {
        PublicInput.Id(nameof(callbackId), callbackId, FreshBooksRequest.ProviderName);
        lock (_gate)
        {
            return Task.FromResult(_secrets.Remove(callbackId));
        }
    }
}
