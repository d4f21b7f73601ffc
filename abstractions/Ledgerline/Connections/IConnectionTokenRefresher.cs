namespace Ledgerline.Connections;

/// <summary>
/// The provider's half of a token refresh: performs the OAuth 2.0 refresh-token grant (RFC 6749 §6) for one connection.
/// Implemented by each adapter and driven by <see cref="ConnectionTokenManager"/>, which decides when to refresh, makes
/// sure only one refresh per connection runs (in the process, and across processes through
/// <see cref="IConnectionLeaseStore"/>), and persists the answer before anyone uses it.
/// </summary>
/// <remarks>
/// An implementation sends exactly one request and never retries it: a refresh token may be single-use (FreshBooks), so a
/// repeated request can spend a grant whose answer was never read.
/// </remarks>
public interface IConnectionTokenRefresher
{
    /// <summary>The provider's name, as in <see cref="LedgerlineException.Provider"/> (e.g. <c>FreshBooks</c>).</summary>
    string ProviderName { get; }

    /// <summary>Exchanges the connection's refresh token for a new pair.</summary>
    /// <param name="connection">The stored connection; its <see cref="LedgerConnection.Tokens"/> are not null.</param>
    /// <param name="cancellationToken">
    /// The refresh deadline (<see cref="ConnectionTokenManagerOptions.RefreshDeadline"/>), never a caller's token.
    /// </param>
    /// <returns>The new pair and, when the provider says, the scopes now granted.</returns>
    /// <exception cref="ReauthorizationRequiredException">
    /// The provider refused the grant itself (OAuth <c>invalid_grant</c>): the refresh token is spent, expired or revoked.
    /// The manager then re-reads the store once (a peer may have rotated the pair) before marking the connection.
    /// </exception>
    /// <exception cref="LedgerlineException">Any other refusal or failure, typed (rate limited, unavailable, …).</exception>
    Task<RefreshedTokens> RefreshAsync(LedgerConnection connection, CancellationToken cancellationToken);
}

/// <summary>A token endpoint's successful answer. <see cref="ToString"/> never shows the tokens.</summary>
/// <param name="Tokens">The new pair, <see cref="ConnectionTokens.ExpiresAt"/> computed from <c>expires_in</c>.</param>
/// <param name="Scopes">The scopes the provider says are granted now, or <see langword="null"/> when it did not say.</param>
public sealed record RefreshedTokens(ConnectionTokens Tokens, IReadOnlySet<string>? Scopes)
{
    /// <summary>Describes the answer without revealing the tokens.</summary>
    public override string ToString() =>
        $"RefreshedTokens {{ ExpiresAt = {Tokens.ExpiresAt:O}, Scopes = {(Scopes is null ? "-" : string.Join(' ', Scopes))} }}";
}
