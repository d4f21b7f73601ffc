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
    /// <returns>
    /// The new pair and, when the provider says, the scopes now granted. An answer that holds both tokens but no readable
    /// lifetime is returned too, never thrown (the provider has rotated the pair already): see
    /// <see cref="RefreshedTokens.UnreadableLifetime"/>.
    /// </returns>
    /// <exception cref="ReauthorizationRequiredException">
    /// The provider refused the grant itself (OAuth <c>invalid_grant</c>): the refresh token is spent, expired or revoked.
    /// The manager then re-reads the store once (a peer may have rotated the pair) before marking the connection.
    /// </exception>
    /// <exception cref="LedgerlineException">Any other refusal or failure, typed (rate limited, unavailable, …).</exception>
    Task<RefreshedTokens> RefreshAsync(LedgerConnection connection, CancellationToken cancellationToken);
}

/// <summary>A token endpoint's successful answer. <see cref="ToString"/> never shows the tokens.</summary>
/// <param name="Tokens">
/// The new pair, <see cref="ConnectionTokens.ExpiresAt"/> computed from <c>expires_in</c>; when the answer's lifetime could
/// not be read, the time the request was sent (see <see cref="UnreadableLifetime"/>).
/// </param>
/// <param name="Scopes">The scopes the provider says are granted now, or <see langword="null"/> when it did not say.</param>
public sealed record RefreshedTokens(ConnectionTokens Tokens, IReadOnlySet<string>? Scopes)
{
    /// <summary>
    /// Set when the answer held both tokens but no lifetime that can be taken (<c>expires_in</c> missing, not a number,
    /// zero or less, or beyond what any provider issues): the provider's typed error, with no token or body excerpt in it.
    /// The pair is still returned, because the provider has already rotated it (a refresh token may be single-use) and
    /// throwing would lose it; <see cref="ConnectionTokens.ExpiresAt"/> is then the time the request was sent (measured
    /// before sending), never a made-up lifetime, so the pair is due for refresh at its next use.
    /// <see cref="ConnectionTokenManager"/> saves the pair first, then fails the call with an
    /// <see cref="InvalidProviderResponseException"/> whose inner exception is this one.
    /// </summary>
    public InvalidProviderResponseException? UnreadableLifetime { get; init; }

    /// <summary>Describes the answer without revealing the tokens.</summary>
    public override string ToString() =>
        $"RefreshedTokens {{ ExpiresAt = {Tokens.ExpiresAt:O}, Scopes = {(Scopes is null ? "-" : string.Join(' ', Scopes))}" +
        $"{(UnreadableLifetime is null ? string.Empty : ", Lifetime = unreadable")} }}";
}
