using Ledgerline.Connections;

namespace Ledgerline.Acme.Auth;

/// <summary>
/// Acme's half of a token refresh: the OAuth refresh-token grant for one connection. <see cref="ConnectionTokenManager"/>
/// decides when to call it, runs one refresh per connection at a time (across processes too, with a lease store), and
/// persists the new pair with compare-and-swap before any caller uses it.
/// </summary>
internal sealed class AcmeTokenRefresher : IConnectionTokenRefresher
{
    public string ProviderName => AcmeLedgerProvider.ProviderName;

    /// <remarks>
    /// TODO (PROVIDER-GUIDE.md, "Tokens"): POST grant_type=refresh_token with the client credentials to Acme's token
    /// endpoint through a named client of its own with no retry handler, exactly once (a refresh token may be single-use);
    /// return the new pair with ExpiresAt from expires_in; throw ReauthorizationRequiredException on invalid_grant and the
    /// typed family otherwise. Both tokens but no usable expires_in: return the pair anyway (Acme has rotated it), ExpiresAt
    /// the time measured before sending and UnreadableLifetime set, so the manager saves it before failing the call. Never
    /// log a token.
    /// </remarks>
    public Task<RefreshedTokens> RefreshAsync(LedgerConnection connection, CancellationToken cancellationToken) =>
        throw new NotImplementedException("TODO: Acme's refresh-token grant (AcmeTokenRefresher). See PROVIDER-GUIDE.md.");
}
