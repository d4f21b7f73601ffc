using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;
using Microsoft.Extensions.Logging;
using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>The callbacks client: FreshBooks' events endpoints for the account a connection is pinned to.</summary>
internal sealed partial class FreshBooksWebhookSubscriptions(
    IFreshBooksEventsApi api,
    IConnectionStore connections,
    IWebhookSecretStore secrets,
    AccountLinks links,
    ILogger<FreshBooksWebhookSubscriptions> logger) : IFreshBooksWebhookSubscriptions
{
    private const int PerPage = 100;

    public async Task<FreshBooksCallback> SubscribeAsync(string connectionId, LedgerChangeTopic topic, Uri uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("A callback URI must be absolute.", nameof(uri));
        }

        var eventName = FreshBooksEventNames.ToEventName(topic);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);

        // The verification notice can arrive before FreshBooks answers this request: let the endpoint resolve the account.
        links.Remember(accountId, connectionId);
        using var body = Json(new CallbackFields { Event = eventName, Uri = uri.AbsoluteUri });
        var callback = await SendForCallbackAsync(
            connectionId, ct => api.CreateCallbackAsync(accountId, body, connectionId, ct), cancellationToken);
        var known = await secrets.GetAsync(callback.Id, cancellationToken);
        await secrets.SaveAsync(
            new WebhookCallbackSecret
            {
                CallbackId = callback.Id,
                AccountId = accountId,
                ConnectionId = connectionId,
                EventName = callback.EventName,
                Verifier = known?.Verifier,
            },
            cancellationToken);
        LogSubscribed(logger, callback.Id, callback.EventName, connectionId);
        return callback;
    }

    public async Task<IReadOnlyList<FreshBooksCallback>> ListAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        var callbacks = new List<FreshBooksCallback>();
        for (var page = 1; ; page++)
        {
            var result = await SendAsync(
                connectionId, ct => api.ListCallbacksAsync(accountId, page, PerPage, connectionId, ct), cancellationToken);
            if (!result.TryGetProperty("callbacks", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidProviderResponseException("FreshBooks listed callbacks without a callbacks array.", Excerpt(result))
                {
                    Provider = FreshBooksRequest.ProviderName,
                };
            }

            foreach (var item in items.EnumerateArray())
            {
                callbacks.Add(EventsApiResponse.ReadCallback(item, item.GetRawText()));
            }

            // Loop on the page count FreshBooks reports, never "until empty": past the end it repeats nothing useful.
            var pages = result.TryGetProperty("pages", out var p) && p.TryGetInt32(out var n) ? n : 1;
            if (page >= pages)
            {
                return callbacks;
            }
        }
    }

    public async Task<FreshBooksCallback> VerifyAsync(string connectionId, string callbackId, string verifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackId);
        ArgumentException.ThrowIfNullOrWhiteSpace(verifier);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        using var body = Json(new CallbackFields { Verifier = verifier });
        var callback = await SendForCallbackAsync(
            connectionId, ct => api.UpdateCallbackAsync(accountId, callbackId, body, connectionId, ct), cancellationToken);

        // Stored only once FreshBooks accepted it, so a forged verification notice can never plant a key.
        await secrets.SaveAsync(
            new WebhookCallbackSecret
            {
                CallbackId = callback.Id,
                AccountId = accountId,
                ConnectionId = connectionId,
                EventName = callback.EventName,
                Verifier = verifier,
            },
            cancellationToken);
        LogVerified(logger, callback.Id, connectionId);
        return callback;
    }

    public async Task ResendVerificationAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackId);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        using var body = Json(new CallbackFields { Resend = true });
        _ = await SendAsync(connectionId, ct => api.UpdateCallbackAsync(accountId, callbackId, body, connectionId, ct), cancellationToken);
    }

    public async Task DeleteAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callbackId);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        using (var response = await SendRawAsync(ct => api.DeleteCallbackAsync(accountId, callbackId, connectionId, ct), cancellationToken))
        {
            await EventsApiResponse.EnsureSuccessAsync(response, connectionId, cancellationToken);
        }

        await secrets.DeleteAsync(callbackId, cancellationToken);
    }

    private async Task<string> AccountIdAsync(string connectionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        var connection = await connections.GetAsync(connectionId, cancellationToken)
            ?? throw new InvalidOperationException($"No connection '{connectionId}' is stored; connect it before subscribing to webhooks.");
        return connection.Properties.TryGetValue(FreshBooksRequest.AccountIdProperty, out var accountId) && !string.IsNullOrWhiteSpace(accountId)
            ? accountId
            : throw new InvalidOperationException(
                $"Connection '{connectionId}' is not pinned to a FreshBooks account (property '{FreshBooksRequest.AccountIdProperty}').");
    }

    private static async Task<FreshBooksCallback> SendForCallbackAsync(
        string connectionId, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var result = await SendAsync(connectionId, send, cancellationToken);
        return result.TryGetProperty("callback", out var callback)
            ? EventsApiResponse.ReadCallback(callback, Excerpt(result))
            : throw new InvalidProviderResponseException("FreshBooks answered without a callback.", Excerpt(result))
            {
                Provider = FreshBooksRequest.ProviderName,
            };
    }

    private static async Task<JsonElement> SendAsync(
        string connectionId, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(send, cancellationToken);
        return await EventsApiResponse.ReadResultAsync(response, connectionId, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendRawAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ProviderUnavailableException("FreshBooks' events service could not be reached.", ex)
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderUnavailableException("FreshBooks' events service did not answer in time.", ex)
            {
                Provider = FreshBooksRequest.ProviderName,
            };
        }
    }

    private static JsonContent Json(CallbackFields fields) => JsonContent.Create(new CallbackEnvelope(fields));

    private static string Excerpt(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 512 ? raw : raw[..512];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created FreshBooks callback {CallbackId} for {EventName} on connection {ConnectionId}; awaiting verification")]
    private static partial void LogSubscribed(ILogger logger, string callbackId, string eventName, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verified FreshBooks callback {CallbackId} on connection {ConnectionId}")]
    private static partial void LogVerified(ILogger logger, string callbackId, string connectionId);
}
