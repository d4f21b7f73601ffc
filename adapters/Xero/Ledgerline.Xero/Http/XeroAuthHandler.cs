using Ledgerline.Connections;
using Ledgerline.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Xero.Http;

/// <summary>The bearer of the request's connection (<see cref="XeroRequest.ConnectionId"/>) from Xero's token manager; one forced refresh on a 401.</summary>
internal sealed class XeroAuthHandler([FromKeyedServices(XeroRequest.ProviderName)] ConnectionTokenManager tokenManager)
    : ConnectionBearerHandler(tokenManager, XeroRequest.ConnectionId);
