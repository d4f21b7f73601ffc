using System.Net;
using System.Net.Http.Headers;
using Ledgerline.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Http;

/// <summary>
/// Puts the connection's bearer on each request, looked up per request from <see cref="XeroRequest.ConnectionId"/> so no
/// token lives in a handler or a shared header (handlers are pooled and shared across tenants). The token comes from
/// Ledgerline's <see cref="ConnectionTokenManager"/> (refreshed before it expires, one refresh per connection at a time,
/// persisted before use). A 401 triggers at most one forced refresh and one resend per request.
/// </summary>
internal sealed class XeroAuthHandler([FromKeyedServices(XeroRequest.ProviderName)] ConnectionTokenManager tokenManager) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> RefreshedAfterRejection = new("Ledgerline.Xero.RefreshedAfter401");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(XeroRequest.ConnectionId, out var connectionId) || string.IsNullOrWhiteSpace(connectionId))
        {
            throw new InvalidOperationException(
                $"A Xero request was sent without a connection id; set the '{XeroRequest.ConnectionIdKey}' request option.");
        }

        var accessToken = await tokenManager.GetAccessTokenAsync(connectionId, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || (request.Options.TryGetValue(RefreshedAfterRejection, out var alreadyRefreshed) && alreadyRefreshed))
        {
            return response;
        }

        // Xero checks the token before acting on a request, so a 401 means nothing was done and resending is safe for every method.
        request.Options.Set(RefreshedAfterRejection, true);
        response.Dispose();
        accessToken = await tokenManager.RefreshAfterRejectionAsync(connectionId, accessToken, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
