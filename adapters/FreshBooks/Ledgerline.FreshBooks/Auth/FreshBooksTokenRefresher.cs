using Ledgerline.Connections;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Auth;

/// <summary>
/// FreshBooks' refresh-token grant for <see cref="ConnectionTokenManager"/>. FreshBooks refresh tokens are single-use:
/// a refresh answered but not saved loses the grant, which is why the manager never abandons a refresh it has sent.
/// </summary>
internal sealed class FreshBooksTokenRefresher(FreshBooksTokenClient tokenClient) : IConnectionTokenRefresher
{
    public string ProviderName => FreshBooksRequest.ProviderName;

    public async Task<RefreshedTokens> RefreshAsync(LedgerConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tokens = connection.Tokens ?? throw new ArgumentException("The connection has no tokens.", nameof(connection));
        TokenResponse rotated;
        try
        {
            rotated = await tokenClient.RefreshAsync(tokens.RefreshToken, cancellationToken);
        }
        catch (TokenEndpointException ex) when (ex.IsInvalidGrant)
        {
            throw new ReauthorizationRequiredException(connection.Id, ex.Message, ex)
            {
                Provider = ProviderName,
                ProviderCode = ex.ProviderCode,
                ProviderMessage = ex.ProviderMessage,
                StatusCode = ex.StatusCode,
            };
        }

        // An unreadable lifetime is handed on, not thrown: the manager saves the rotated pair first, then fails the call.
        return new RefreshedTokens(new ConnectionTokens(rotated.AccessToken, rotated.RefreshToken, rotated.ExpiresAt), rotated.Scopes)
        {
            UnreadableLifetime = rotated.UnreadableLifetime,
        };
    }
}
