using System.Net;
using System.Net.Http.Headers;
using Ledgerline.Connections;

namespace Ledgerline.Http;

/// <summary>
/// For provider authors: the handler that puts a connection's OAuth bearer on each request of a provider's HTTP client.
/// The connection is named per request in <see cref="HttpRequestMessage.Options"/> under the provider's key, so no token
/// lives in a handler or a shared header (handlers are pooled and shared across tenants). The token comes from the
/// provider's <see cref="ConnectionTokenManager"/> (refreshed before it expires, one refresh per connection at a time,
/// persisted before use). A 401 triggers at most one forced refresh and one resend per request: providers check the
/// token before acting, so resending after a 401 is safe for every method.
/// </summary>
/// <remarks>Derive it once per provider, passing the provider's token manager and request option key.</remarks>
public abstract class ConnectionBearerHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> RefreshedAfterRejection = new("Ledgerline.RefreshedAfter401");

    private readonly ConnectionTokenManager _tokenManager;
    private readonly HttpRequestOptionsKey<string> _connectionId;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokenManager">The provider's token manager.</param>
    /// <param name="connectionId">The request option naming the connection a request is made for.</param>
    protected ConnectionBearerHandler(ConnectionTokenManager tokenManager, HttpRequestOptionsKey<string> connectionId)
    {
        ArgumentNullException.ThrowIfNull(tokenManager);
        _tokenManager = tokenManager;
        _connectionId = connectionId;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The request names no connection (a bug in the provider).</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(_connectionId, out var connectionId) || string.IsNullOrWhiteSpace(connectionId))
        {
            throw new InvalidOperationException($"A request was sent without a connection id; set the '{_connectionId.Key}' request option.");
        }

        var accessToken = await _tokenManager.GetAccessTokenAsync(connectionId, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || (request.Options.TryGetValue(RefreshedAfterRejection, out var alreadyRefreshed) && alreadyRefreshed))
        {
            return response;
        }

        request.Options.Set(RefreshedAfterRejection, true);
        response.Dispose();
        accessToken = await _tokenManager.RefreshAfterRejectionAsync(connectionId, accessToken, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
