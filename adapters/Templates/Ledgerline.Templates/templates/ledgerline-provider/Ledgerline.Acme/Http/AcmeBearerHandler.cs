using Ledgerline.Connections;
using Ledgerline.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Acme.Http;

/// <summary>
/// Puts the bearer of the request's connection (<see cref="AcmeHttp.ConnectionId"/>) on each attempt, from Acme's
/// <see cref="ConnectionTokenManager"/>: refreshed before expiry, one refresh per connection at a time, persisted before
/// use; a 401 triggers one forced refresh and one resend.
/// </summary>
internal sealed class AcmeBearerHandler([FromKeyedServices(AcmeLedgerProvider.ProviderName)] ConnectionTokenManager tokenManager)
    : ConnectionBearerHandler(tokenManager, AcmeHttp.ConnectionId);
