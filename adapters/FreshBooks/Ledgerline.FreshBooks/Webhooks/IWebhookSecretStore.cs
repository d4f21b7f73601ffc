namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// One FreshBooks webhook callback as Ledgerline remembers it: which account and connection it serves, what it is
/// subscribed to and, once verified, its verifier. The verifier is the key FreshBooks signs deliveries with, so it is a
/// secret: <see cref="ToString"/> never shows it, and Ledgerline never logs it.
/// </summary>
public sealed record WebhookCallbackSecret
{
    /// <summary>FreshBooks' callback id.</summary>
    public required string CallbackId { get; init; }

    /// <summary>The FreshBooks <c>account_id</c> the callback belongs to.</summary>
    public required string AccountId { get; init; }

    /// <summary>The application's connection that created the callback, when known.</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The FreshBooks event the callback is subscribed to (<c>invoice.create</c>, or <c>invoice</c> for all), when known.</summary>
    public string? EventName { get; init; }

    /// <summary>The verifier FreshBooks sent for the callback; <see langword="null"/> until the callback is verified.</summary>
    public string? Verifier { get; init; }

    /// <summary>Describes the callback without its verifier.</summary>
    public override string ToString() =>
        $"WebhookCallbackSecret {{ CallbackId = {CallbackId}, AccountId = {AccountId}, ConnectionId = {ConnectionId}, " +
        $"EventName = {EventName}, Verifier = {(Verifier is null ? "(none)" : "***")} }}";
}

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
