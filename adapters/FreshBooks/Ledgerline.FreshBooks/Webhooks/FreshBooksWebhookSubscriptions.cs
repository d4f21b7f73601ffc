using System.Net.Http.Json;
using System.Text.Json;
using Ledgerline.Connections;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Stores;
using Microsoft.Extensions.Logging;
using Refit;

namespace Ledgerline.FreshBooks.Webhooks;

/// <summary>
/// The callbacks client: FreshBooks' events endpoints for the account a connection is pinned to. Every call goes through
/// <see cref="FreshBooksHttp"/> (the one error table, bounded bodies), and a listing is complete or fails as every
/// listing does (<see cref="FreshBooksPaging"/>).
/// </summary>
internal sealed partial class FreshBooksWebhookSubscriptions(
    IFreshBooksEventsApi api,
    FreshBooksHttp http,
    IConnectionStore connections,
    IWebhookSecretStore secrets,
    AccountLinks links,
    CallbackSecretGate gate,
    ILogger<FreshBooksWebhookSubscriptions> logger) : IFreshBooksWebhookSubscriptions
{
    private const string ProviderName = FreshBooksRequest.ProviderName;

    public async Task<FreshBooksCallback> SubscribeAsync(string connectionId, LedgerChangeTopic topic, Uri uri, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        if (!PublicInput.Required(nameof(uri), uri, ProviderName).IsAbsoluteUri)
        {
            throw PublicInput.Invalid(nameof(uri), "A callback URI must be absolute.", "NotAbsoluteUri", ProviderName);
        }

        if (!FreshBooksEventNames.TryGetEventName(topic, out var eventName))
        {
            throw new OperationNotSupportedException(ProviderName, topic.Entity, "webhooks");
        }

        var accountId = await AccountIdAsync(connectionId, cancellationToken);

        // The verification notice can arrive before FreshBooks answers this request: let the endpoint resolve the account.
        links.Remember(accountId, connectionId);
        using var body = Json(new CallbackFields { Event = eventName, Uri = uri.AbsoluteUri });
        var callback = await SendForCallbackAsync(
            Call("create", connectionId), ct => api.CreateCallbackAsync(accountId, body, connectionId, ct), cancellationToken);
        using var entered = await gate.EnterAsync(callback.Id, CancellationToken.None);
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
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        var call = Call("list", connectionId);
        var callbacks = new List<FreshBooksCallback>();

        // One request at a time: a callback listing is short, and it is checked as every listing is (overlapping windows).
        await foreach (var callback in FreshBooksPaging.ListAsync(
            (window, ct) => FetchAsync(call, accountId, connectionId, window, ct), 1, new HashSet<string>(StringComparer.Ordinal), c => c.Id, _ => true,
            cancellationToken))
        {
            callbacks.Add(callback);
        }

        return callbacks;
    }

    private async Task<FetchedPage<FreshBooksCallback>> FetchAsync(
        FreshBooksCall call, string accountId, string connectionId, PageWindow window, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(call, ct => api.ListCallbacksAsync(accountId, window.Page, window.PerPage, connectionId, ct), cancellationToken);
        var result = EventsApiResponse.ReadResult(response);
        if (!result.TryGetProperty("callbacks", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw FreshBooksErrorTable.Invalid(call, response.Status, response.Body, "FreshBooks listed callbacks without a callbacks array");
        }

        var read = items.EnumerateArray().Select(item => EventsApiResponse.ReadCallback(item, item.GetRawText())).ToArray();
        return new FetchedPage<FreshBooksCallback>(read, EventsApiResponse.ReadPage(response, result, read.Length), response);
    }

    public async Task<FreshBooksCallback> VerifyAsync(string connectionId, string callbackId, string verifier, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        PublicInput.Id(nameof(callbackId), callbackId, ProviderName);
        PublicInput.RequiredText(nameof(verifier), verifier, ProviderName);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        using var body = Json(new CallbackFields { Verifier = verifier });
        var callback = await SendForCallbackAsync(
            Call("verify", connectionId, callbackId), ct => api.UpdateCallbackAsync(accountId, callbackId, body, connectionId, ct), cancellationToken);

        // Stored only once FreshBooks accepted it, so a forged verification notice can never plant a key.
        using var entered = await gate.EnterAsync(callback.Id, CancellationToken.None);
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
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        PublicInput.Id(nameof(callbackId), callbackId, ProviderName);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        using var body = Json(new CallbackFields { Resend = true });
        _ = EventsApiResponse.ReadResult(await http.SendAsync(
            Call("resend_verification", connectionId, callbackId), ct => api.UpdateCallbackAsync(accountId, callbackId, body, connectionId, ct), cancellationToken));
    }

    public async Task DeleteAsync(string connectionId, string callbackId, CancellationToken cancellationToken = default)
    {
        PublicInput.ConnectionId(nameof(connectionId), connectionId, ProviderName);
        PublicInput.Id(nameof(callbackId), callbackId, ProviderName);
        var accountId = await AccountIdAsync(connectionId, cancellationToken);
        await http.SendAsync(Call("delete", connectionId, callbackId), ct => api.DeleteCallbackAsync(accountId, callbackId, connectionId, ct), cancellationToken);

        await secrets.DeleteAsync(callbackId, cancellationToken);
    }

    private async Task<string> AccountIdAsync(string connectionId, CancellationToken cancellationToken)
    {
        // As for a store call: a connection that is not stored, or not pinned to an account, needs connecting (again).
        var connection = await connections.GetAsync(connectionId, cancellationToken)
            ?? throw new ReauthorizationRequiredException(connectionId, $"No connection '{connectionId}' is stored; connect it before subscribing to webhooks.")
            {
                Provider = ProviderName,
            };
        return connection.Properties.TryGetValue(FreshBooksRequest.AccountIdProperty, out var accountId) && !string.IsNullOrWhiteSpace(accountId)
            ? accountId
            : throw new ReauthorizationRequiredException(connectionId,
                $"Connection '{connectionId}' is not pinned to a FreshBooks account (property '{FreshBooksRequest.AccountIdProperty}'); connect it again.")
            {
                Provider = ProviderName,
            };
    }

    private static FreshBooksCall Call(string operation, string connectionId, string? callbackId = null) =>
        FreshBooksCall.About(FreshBooksCall.Callback, operation, connectionId, callbackId);

    private async Task<FreshBooksCallback> SendForCallbackAsync(
        FreshBooksCall call, Func<CancellationToken, Task<IApiResponse>> send, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(call, send, cancellationToken);
        var result = EventsApiResponse.ReadResult(response);
        return result.TryGetProperty("callback", out var callback)
            ? EventsApiResponse.ReadCallback(callback, Excerpt(result))
            : throw FreshBooksErrorTable.Invalid(call, response.Status, response.Body, "FreshBooks answered without a callback");
    }

    private static JsonContent Json(CallbackFields fields) => JsonContent.Create(new CallbackEnvelope(fields), FreshBooksJson.Info<CallbackEnvelope>());

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
