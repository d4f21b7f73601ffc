using Ledgerline.Connections;
using Ledgerline.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.FreshBooks.Http;

/// <summary>
/// The bearer of the request's connection (<see cref="FreshBooksRequest.ConnectionId"/>) from FreshBooks' token manager;
/// a 401 triggers at most one forced refresh and one resend per request.
/// </summary>
internal sealed class FreshBooksAuthHandler([FromKeyedServices(FreshBooksRequest.ProviderName)] ConnectionTokenManager tokenManager)
    : ConnectionBearerHandler(tokenManager, FreshBooksRequest.ConnectionId);
