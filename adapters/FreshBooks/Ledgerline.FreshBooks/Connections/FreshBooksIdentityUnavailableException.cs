namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// FreshBooks exchanged the authorization code for tokens, but reading who authorized and which businesses they can
/// connect (<c>GET /users/me</c>) failed even after the retries for a safe request. The code is spent, so the tokens are
/// not dropped: <see cref="Grant"/> holds them (never shown) with no identity and no businesses, and
/// <see cref="FreshBooksConnector.ListBusinessesAsync"/> reads them again without sending the user back to FreshBooks,
/// as long as the access token lives (<see cref="FreshBooksGrant.ExpiresAt"/>). <see cref="Exception.InnerException"/>
/// is what the lookup failed with (e.g. <see cref="ProviderUnavailableException"/>,
/// <see cref="InvalidProviderResponseException"/>, <see cref="RateLimitedException"/>), whose status and code this
/// carries too.
/// </summary>
public sealed class FreshBooksIdentityUnavailableException : LedgerlineException
{
    internal FreshBooksIdentityUnavailableException(FreshBooksGrant grant, LedgerlineException failure)
        : base(
            "FreshBooks issued tokens for the authorization code, but who authorized and their businesses could not be read " +
            $"({failure.Message}). The grant is kept: call FreshBooksConnector.ListBusinessesAsync with this exception's Grant " +
            "to try again without asking the user to consent again.", failure)
    {
        Grant = grant;
        Provider = failure.Provider;
        StatusCode = failure.StatusCode;
        ProviderCode = failure.ProviderCode;
        ProviderMessage = failure.ProviderMessage;
    }

    /// <summary>The grant the code was exchanged for, without identity or businesses; its tokens are never shown.</summary>
    public FreshBooksGrant Grant { get; }
}
