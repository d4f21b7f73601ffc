namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// FreshBooks exchanged the authorization code for tokens, but who authorized and which businesses they can connect is not
/// known: <c>GET /users/me</c> failed even after the retries for a safe request, or FreshBooks' token answer held both
/// tokens without a lifetime that can be read (<c>expires_in</c>), so the exchange stopped there. The code is spent, so
/// the tokens are not dropped: <see cref="Grant"/> holds them (never shown) with no identity and no businesses, and
/// <see cref="FreshBooksConnector.ListBusinessesAsync"/> reads them again without sending the user back to FreshBooks,
/// as long as the access token lives. <see cref="Exception.InnerException"/> is what failed (e.g.
/// <see cref="ProviderUnavailableException"/>, <see cref="InvalidProviderResponseException"/>,
/// <see cref="RateLimitedException"/>), whose status and code this carries too.
/// </summary>
/// <remarks>
/// After an unreadable lifetime, <see cref="FreshBooksGrant.ExpiresAt"/> is the time the exchange was sent, not a made-up
/// lifetime: the access token FreshBooks issued is still good for <see cref="FreshBooksConnector.ListBusinessesAsync"/>
/// (FreshBooks' live 12 hours), and the connection made from the grant refreshes it before its first use.
/// </remarks>
public sealed class FreshBooksIdentityUnavailableException : LedgerlineException
{
    internal FreshBooksIdentityUnavailableException(FreshBooksGrant grant, LedgerlineException failure)
        : this(
            "FreshBooks issued tokens for the authorization code, but who authorized and their businesses could not be read " +
            $"({failure.Message}). The grant is kept: call FreshBooksConnector.ListBusinessesAsync with this exception's Grant " +
            "to try again without asking the user to consent again.", grant, failure)
    {
    }

    private FreshBooksIdentityUnavailableException(string message, FreshBooksGrant grant, LedgerlineException failure)
        : base(message, failure)
    {
        Grant = grant;
        Provider = failure.Provider;
        StatusCode = failure.StatusCode;
        ProviderCode = failure.ProviderCode;
        ProviderMessage = failure.ProviderMessage;
    }

    /// <summary>
    /// FreshBooks' token answer held both tokens but no readable lifetime: the tokens are kept in the grant, due for refresh
    /// (expiring when the exchange was sent), and <c>/users/me</c> was not read.
    /// </summary>
    internal static FreshBooksIdentityUnavailableException UnreadableLifetime(FreshBooksGrant grant, InvalidProviderResponseException failure) =>
        new(
            "FreshBooks issued tokens for the authorization code, but its token answer had no lifetime that can be read " +
            "(expires_in), so who authorized and their businesses were not read. The tokens were kept and will be refreshed at " +
            "their first use: call FreshBooksConnector.ListBusinessesAsync with this exception's Grant, then ConnectAsync, " +
            "without asking the user to consent again.", grant, failure);

    /// <summary>
    /// Tokens due for refresh (imported, or a grant read again, whose access token had expired or was about to) were
    /// refreshed, so the pair given is spent, but who they belong to could not be read: the grant holds the new pair.
    /// </summary>
    internal static FreshBooksIdentityUnavailableException Refreshed(FreshBooksGrant grant, LedgerlineException failure) =>
        new(
            "FreshBooks refreshed the tokens, whose access token had expired, but who they belong to and their businesses could " +
            $"not be read ({failure.Message}). The pair given is spent and the new one is kept: call " +
            "FreshBooksConnector.ListBusinessesAsync with this exception's Grant to try again.", grant, failure);

    /// <summary>
    /// Tokens due for refresh could not be refreshed for a reason other than FreshBooks refusing the refresh token (it
    /// could not be reached, or its answer could not be read): the grant holds the pair as it was given.
    /// </summary>
    internal static FreshBooksIdentityUnavailableException RefreshFailed(FreshBooksGrant grant, LedgerlineException failure) =>
        new(
            $"The access token had expired and refreshing it failed ({failure.Message}). The pair is kept as given: call " +
            "FreshBooksConnector.ListBusinessesAsync with this exception's Grant to try again.", grant, failure);

    /// <summary>The grant the code was exchanged for, without identity or businesses; its tokens are never shown.</summary>
    public FreshBooksGrant Grant { get; }
}
