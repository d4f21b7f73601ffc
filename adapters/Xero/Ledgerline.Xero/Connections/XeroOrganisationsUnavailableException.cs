namespace Ledgerline.Xero.Connections;

/// <summary>
/// Xero exchanged the authorization code for tokens, but the organisations they reach are not known: listing them
/// (<c>GET /connections</c>) failed even after the retries for a safe request, or Xero's token answer held both tokens
/// without a lifetime that can be read (<c>expires_in</c>), so the exchange stopped there. The code is spent, so the
/// tokens are not dropped: <see cref="Grant"/> holds them (never shown) with no organisations, and
/// <see cref="XeroConnector.ListOrganisationsAsync"/> lists them again without sending the user back to Xero, as long as
/// the access token lives (30 minutes from the exchange). <see cref="Exception.InnerException"/> is what failed (e.g.
/// <see cref="ProviderUnavailableException"/>, <see cref="InvalidProviderResponseException"/>,
/// <see cref="RateLimitedException"/>), whose status and code this carries too.
/// </summary>
/// <remarks>
/// After an unreadable lifetime, <see cref="XeroGrant.ExpiresAt"/> is the time the exchange was sent, not a made-up
/// lifetime: the access token Xero issued is still good for <see cref="XeroConnector.ListOrganisationsAsync"/> for a
/// while, and the connection made from the grant refreshes it before its first use.
/// </remarks>
public sealed class XeroOrganisationsUnavailableException : LedgerlineException
{
    internal XeroOrganisationsUnavailableException(XeroGrant grant, LedgerlineException failure)
        : this(
            "Xero issued tokens for the authorization code, but the organisations they reach could not be listed " +
            $"({failure.Message}). The grant is kept: call XeroConnector.ListOrganisationsAsync with this exception's Grant " +
            "to try again without asking the user to consent again.", grant, failure)
    {
    }

    private XeroOrganisationsUnavailableException(string message, XeroGrant grant, LedgerlineException failure)
        : base(message, failure)
    {
        Grant = grant;
        Provider = failure.Provider;
        StatusCode = failure.StatusCode;
        ProviderCode = failure.ProviderCode;
        ProviderMessage = failure.ProviderMessage;
    }

    /// <summary>
    /// Xero's token answer held both tokens but no readable lifetime: the tokens are kept in the grant, due for refresh
    /// (expiring when the exchange was sent), and <c>GET /connections</c> was not called.
    /// </summary>
    internal static XeroOrganisationsUnavailableException UnreadableLifetime(XeroGrant grant, InvalidProviderResponseException failure) =>
        new(
            "Xero issued tokens for the authorization code, but its token answer had no lifetime that can be read " +
            "(expires_in), so the organisations they reach were not listed. The tokens were kept and will be refreshed at " +
            "their first use: call XeroConnector.ListOrganisationsAsync with this exception's Grant, then ConnectAsync, " +
            "without asking the user to consent again.", grant, failure);

    /// <summary>
    /// Tokens due for refresh (imported, or a grant listed again, whose access token had expired or was about to) were
    /// refreshed, so Xero rotated the pair, but the organisations could not be listed: the grant holds the new pair.
    /// </summary>
    internal static XeroOrganisationsUnavailableException Refreshed(XeroGrant grant, LedgerlineException failure) =>
        new(
            "Xero refreshed the tokens, whose access token had expired, but the organisations they reach could not be listed " +
            $"({failure.Message}). Xero rotated the pair and the new one is kept: call XeroConnector.ListOrganisationsAsync with " +
            "this exception's Grant to try again.", grant, failure);

    /// <summary>
    /// Tokens due for refresh could not be refreshed because no answer was read from Xero's token endpoint: the grant holds
    /// the pair as given, whose refresh token Xero takes again within 30 minutes of a refresh whose answer was lost.
    /// </summary>
    internal static XeroOrganisationsUnavailableException RefreshFailed(XeroGrant grant, LedgerlineException failure) =>
        new(
            $"The access token had expired and refreshing it failed ({failure.Message}). The pair is kept as given (Xero takes " +
            "its refresh token again for 30 minutes): call XeroConnector.ListOrganisationsAsync with this exception's Grant to " +
            "try again.", grant, failure);

    /// <summary>The grant the code was exchanged for, without organisations; its tokens are never shown.</summary>
    public XeroGrant Grant { get; }
}
