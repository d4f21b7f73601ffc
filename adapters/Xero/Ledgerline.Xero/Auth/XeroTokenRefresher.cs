using Ledgerline.Connections;
using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Auth;

/// <summary>
/// Xero's refresh-token grant for <see cref="ConnectionTokenManager"/>, using Xero's documented reuse rule: "If, for
/// whatever reason, you don't receive the response you can retry refreshing your existing refresh token for a grace
/// period of 30 minutes." So when no answer is read (a dropped or cut-short response: the request may have rotated the
/// pair at Xero), the same refresh token is sent again, up to <see cref="MaxAttempts"/> times within the manager's
/// refresh deadline, and the answer that does arrive is the one the manager persists. A refusal (400
/// <c>invalid_grant</c>: the grant is dead) or any other answer is never retried.
/// </summary>
internal sealed class XeroTokenRefresher(XeroTokenClient tokenClient) : IConnectionTokenRefresher
{
    /// <summary>Attempts per refresh when no answer is read; all within Xero's 30-minute reuse grace.</summary>
    public const int MaxAttempts = 3;

    public string ProviderName => XeroRequest.ProviderName;

    public async Task<RefreshedTokens> RefreshAsync(LedgerConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tokens = connection.Tokens ?? throw new ArgumentException("The connection has no tokens.", nameof(connection));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var rotated = await tokenClient.RefreshAsync(tokens.RefreshToken, cancellationToken);
                // An unreadable lifetime is handed on, not thrown: the manager saves the rotated pair first, then fails the call.
                return new RefreshedTokens(new ConnectionTokens(rotated.AccessToken, rotated.RefreshToken, rotated.ExpiresAt), rotated.Scopes)
                {
                    UnreadableLifetime = rotated.UnreadableLifetime,
                };
            }
            catch (XeroTokenEndpointException refused)
            {
                throw refused.ToLedgerline(connection.Id);
            }
            catch (XeroTokenTransportException lost) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                // Xero may have rotated the pair and the answer was lost: the same refresh token is valid again within
                // the grace, and Xero answers with the same successor.
                _ = lost;
            }
            catch (XeroTokenTransportException lost)
            {
                throw new ProviderUnavailableException(
                    $"No answer was read from Xero's token endpoint after {attempt} attempts for connection '{connection.Id}'.", lost.InnerException)
                {
                    Provider = ProviderName,
                };
            }
        }
    }
}
