namespace Ledgerline.Xero.Connections;

/// <summary>
/// Xero exchanged the authorization code for tokens, but listing the organisations they reach (<c>GET /connections</c>)
/// failed even after the retries for a safe request. The code is spent, so the tokens are not dropped: <see cref="Grant"/>
/// holds them (never shown) with no organisations, and <see cref="XeroConnector.ListOrganisationsAsync"/> lists them again
/// without sending the user back to Xero, as long as the access token lives (<see cref="XeroGrant.ExpiresAt"/>, 30
/// minutes). <see cref="Exception.InnerException"/> is what the listing failed with (e.g.
/// <see cref="ProviderUnavailableException"/>, <see cref="InvalidProviderResponseException"/>,
/// <see cref="RateLimitedException"/>), whose status and code this carries too.
/// </summary>
public sealed class XeroOrganisationsUnavailableException : LedgerlineException
{
    internal XeroOrganisationsUnavailableException(XeroGrant grant, LedgerlineException failure)
        : base(
            "Xero issued tokens for the authorization code, but the organisations they reach could not be listed " +
            $"({failure.Message}). The grant is kept: call XeroConnector.ListOrganisationsAsync with this exception's Grant " +
            "to try again without asking the user to consent again.", failure)
    {
        Grant = grant;
        Provider = failure.Provider;
        StatusCode = failure.StatusCode;
        ProviderCode = failure.ProviderCode;
        ProviderMessage = failure.ProviderMessage;
    }

    /// <summary>The grant the code was exchanged for, without organisations; its tokens are never shown.</summary>
    public XeroGrant Grant { get; }
}
