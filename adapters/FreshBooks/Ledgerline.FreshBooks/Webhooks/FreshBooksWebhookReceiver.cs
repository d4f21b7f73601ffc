using System.Security.Cryptography;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>The webhook pipeline: form → verification or signature → canonical change → duplicate flag → optional record.</summary>
internal sealed partial class FreshBooksWebhookReceiver(
    IWebhookSecretStore secrets,
    IFreshBooksAccountResolver accounts,
    DeliveryDeduplicator deduplicator,
    IOptionsMonitor<FreshBooksWebhookOptions> options,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILogger<FreshBooksWebhookReceiver> logger) : IFreshBooksWebhookReceiver
{
    private const string Name = "name";
    private const string ObjectId = "object_id";
    private const string AccountId = "account_id";
    private const string Verifier = "verifier";

    public async Task<FreshBooksWebhookResult> ReceiveAsync(ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (body.Length > settings.MaxBodyBytes)
        {
            return Malformed($"The body is larger than {settings.MaxBodyBytes} bytes.");
        }

        if (!FormFields.TryParse(body.Span, out var fields, out var formError))
        {
            return Malformed(formError!);
        }

        var values = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (values.TryGetValue(Verifier, out var verifier))
        {
            return await VerifyAsync(values, verifier, settings, cancellationToken);
        }

        foreach (var required in (ReadOnlySpan<string>)[Name, ObjectId, AccountId])
        {
            if (string.IsNullOrWhiteSpace(values.GetValueOrDefault(required)))
            {
                return Malformed($"The form field '{required}' is missing or empty.");
            }
        }

        var (name, objectId, accountId) = (values[Name], values[ObjectId], values[AccountId]);
        var signedBy = await FindSignerAsync(accountId, name, fields, signature, cancellationToken);
        if (signedBy is null)
        {
            LogRejected(logger, accountId, name, signature is null ? "missing" : "not matching");
            return new() { Status = FreshBooksWebhookStatus.Unauthorized, Error = "The signature is missing or does not match." };
        }

        if (!FreshBooksEventNames.TryParse(name, out var entity, out var kind))
        {
            return Malformed($"The event '{name}' is not one Ledgerline maps to a change.");
        }

        var dedupeKey = $"{FreshBooksRequest.ProviderName}:{accountId}:{name}:{objectId}";
        var change = new LedgerChange
        {
            Provider = FreshBooksRequest.ProviderName,
            Entity = entity,
            Kind = kind,
            EntityId = objectId,
            AccountId = accountId,
            ConnectionId = signedBy.ConnectionId ?? await accounts.ResolveConnectionIdAsync(accountId, cancellationToken),
            ReceivedAt = timeProvider.GetUtcNow(),
            EventName = name,
            DedupeKey = dedupeKey,
            IsDuplicate = deduplicator.Observe(dedupeKey, settings.DuplicateWindow, Math.Max(1, settings.DuplicateCapacity)),
            ProviderFields = fields,
        };

        if (settings.FetchRecords && change.ConnectionId is { } connectionId && change.Kind != ChangeKind.Deleted)
        {
            change = change with { Record = await FetchAsync(connectionId, change, cancellationToken) };
        }

        LogAccepted(logger, name, objectId, accountId, change.IsDuplicate);
        return new() { Status = FreshBooksWebhookStatus.Accepted, Change = change };
    }

    private async Task<WebhookCallbackSecret?> FindSignerAsync(
        string accountId, string name, List<KeyValuePair<string, string>> fields, string? signature, CancellationToken cancellationToken)
    {
        if (!FreshBooksWebhookSignature.TryDecode(signature, out var presented))
        {
            return null;
        }

        var expectedFor = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        WebhookCallbackSecret? match = null;
        var candidates = await secrets.ListByAccountAsync(accountId, cancellationToken);

        // Deliveries do not name their callback, so every verified callback of the account is a candidate; those
        // subscribed to this event come first only to pick the right connection when several match.
        foreach (var candidate in candidates
            .Where(c => c.Verifier is not null)
            .OrderByDescending(c => c.EventName is { } e && FreshBooksEventNames.Covers(e, name)))
        {
            if (!expectedFor.TryGetValue(candidate.Verifier!, out var expected))
            {
                expected = FreshBooksWebhookSignature.ComputeBytes(candidate.Verifier!, fields);
                expectedFor[candidate.Verifier!] = expected;
            }

            if (CryptographicOperations.FixedTimeEquals(expected, presented) && match is null)
            {
                match = candidate;
            }
        }

        return match;
    }

    private async Task<FreshBooksWebhookResult> VerifyAsync(
        Dictionary<string, string> values, string verifier, FreshBooksWebhookOptions settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(verifier))
        {
            return Malformed("The verification notice has an empty verifier.");
        }

        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault(ObjectId)))
        {
            return Malformed($"The verification notice lacks '{ObjectId}' (the callback id).");
        }

        var callbackId = values[ObjectId];
        var known = await secrets.GetAsync(callbackId, cancellationToken);
        var accountId = values.GetValueOrDefault(AccountId) is { Length: > 0 } posted ? posted : known?.AccountId;
        var connectionId = known?.ConnectionId
            ?? (accountId is null ? null : await accounts.ResolveConnectionIdAsync(accountId, cancellationToken));
        if (!settings.CompleteVerificationAutomatically || connectionId is null)
        {
            LogVerificationHandedOver(logger, callbackId);
            return new()
            {
                Status = FreshBooksWebhookStatus.VerificationReceived,
                Verification = new FreshBooksVerificationRequest(callbackId, accountId, connectionId, verifier),
            };
        }

        try
        {
            // FreshBooks is the judge of the verifier: a forged notice fails here and nothing is stored.
            await services.GetRequiredService<IFreshBooksWebhookSubscriptions>().VerifyAsync(connectionId, callbackId, verifier, cancellationToken);
        }
        catch (LedgerlineException ex) when (ex.StatusCode is >= 400 and < 500 and not 429)
        {
            LogVerificationRefused(logger, callbackId, ex.StatusCode);
            return new() { Status = FreshBooksWebhookStatus.Unauthorized, Error = "FreshBooks did not accept the verifier for this callback." };
        }

        return new() { Status = FreshBooksWebhookStatus.VerificationCompleted };
    }

    private async Task<LedgerRecord?> FetchAsync(string connectionId, LedgerChange change, CancellationToken cancellationToken)
    {
        if (services.GetService<ILedgerFactory>() is not { } factory ||
            !factory.Providers.Contains(FreshBooksRequest.ProviderName, StringComparer.OrdinalIgnoreCase))
        {
            // Webhooks registered without the FreshBooks provider: there are no stores to read from.
            LogNoProvider(logger);
            return null;
        }

        try
        {
            return await factory.Open(FreshBooksRequest.ProviderName, connectionId).FetchRecordAsync(change, cancellationToken);
        }
        catch (LedgerlineException ex)
        {
            // The notice is still worth handing over: the handler can read the record itself later.
            LogFetchFailed(logger, ex, change.Entity, change.EntityId, connectionId);
            return null;
        }
    }

    private static FreshBooksWebhookResult Malformed(string error) => new() { Status = FreshBooksWebhookStatus.Malformed, Error = error };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a FreshBooks webhook for account {AccountId} ({EventName}): signature {Reason}")]
    private static partial void LogRejected(ILogger logger, string accountId, string eventName, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accepted FreshBooks webhook {EventName} for {ObjectId} in account {AccountId} (duplicate: {IsDuplicate})")]
    private static partial void LogAccepted(ILogger logger, string eventName, string objectId, string accountId, bool isDuplicate);

    [LoggerMessage(Level = LogLevel.Information, Message = "FreshBooks verification notice for callback {CallbackId} handed to the application")]
    private static partial void LogVerificationHandedOver(ILogger logger, string callbackId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FreshBooks refused the verifier posted for callback {CallbackId} ({StatusCode})")]
    private static partial void LogVerificationRefused(ILogger logger, string callbackId, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FetchRecords is on but the FreshBooks provider is not registered (AddFreshBooks); changes carry no record")]
    private static partial void LogNoProvider(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch {Entity} {EntityId} for a webhook on connection {ConnectionId}")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, EntityKind entity, string entityId, string connectionId);
}
