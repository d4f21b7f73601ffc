namespace Ledgerline.Acme.Http;

/// <summary>
/// Sends the stores' requests through the named client <see cref="ClientName"/> (registered by <c>AddAcme</c> with its
/// handlers: retries of safe methods, then the connection's bearer) and turns every failure into the typed
/// <see cref="LedgerlineException"/> family. Cancellation by the caller is never wrapped.
/// </summary>
internal sealed class AcmeHttp(IHttpClientFactory clients, TimeProvider timeProvider)
{
    /// <summary>The named <see cref="HttpClient"/> of the Acme API.</summary>
    public const string ClientName = "Ledgerline.Acme";

    /// <summary>The request option naming the connection a request is made for; <see cref="AcmeBearerHandler"/> reads it.</summary>
    public static readonly HttpRequestOptionsKey<string> ConnectionId = new("Ledgerline.Acme.ConnectionId");

    /// <summary>
    /// Sends <paramref name="request"/> for <paramref name="connectionId"/> and returns the successful response (the caller
    /// disposes it). A write whose answer never came raises <see cref="OutcomeUnknownException"/>: it may have been applied.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        string connectionId, HttpRequestMessage request, EntityKind entity, string? recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(ConnectionId, connectionId);
        var sentAt = timeProvider.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw AcmeErrors.NoAnswer(request.Method, entity, recordId, sentAt, exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await AcmeErrors.FromResponseAsync(response, connectionId, entity, recordId, timeProvider.GetUtcNow(), cancellationToken);
        }
    }
}
