using Ledgerline.Connections;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// Puts the connection's bearer on each request, looked up per request from <see cref="FreshBooksRequest.ConnectionId"/>
/// so no token lives in a handler or a shared header (handlers are pooled and shared across tenants). A 401 triggers at
/// most one forced refresh and one resend per request.
/// </summary>
internal sealed class FreshBooksAuthHandler([FromKeyedServices(FreshBooksRequest.ProviderName)] ConnectionTokenManager tokenManager) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> RefreshedAfterRejection = new("Ledgerline.FreshBooks.RefreshedAfter401");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(FreshBooksRequest.ConnectionId, out var connectionId) || string.IsNullOrWhiteSpace(connectionId))
        {
            throw new InvalidOperationException(
                $"A FreshBooks request was sent without a connection id; set the '{FreshBooksRequest.ConnectionIdKey}' request option.");
        }

        var accessToken = await tokenManager.GetAccessTokenAsync(connectionId, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || (request.Options.TryGetValue(RefreshedAfterRejection, out var alreadyRefreshed) && alreadyRefreshed))
        {
            return response;
        }

        // A 401 means FreshBooks did not act on the request, so resending it is safe for every method.
        request.Options.Set(RefreshedAfterRejection, true);
        response.Dispose();
        accessToken = await tokenManager.RefreshAfterRejectionAsync(connectionId, accessToken, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
