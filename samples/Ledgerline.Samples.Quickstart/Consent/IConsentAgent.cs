namespace Ledgerline.Samples.Quickstart.Consent;

/// <summary>
/// Takes the user through FreshBooks' consent page: whatever stands between printing the authorization URL and
/// receiving the redirect back to the app. In a web app this is the user's browser; here it is either a scripted
/// browser (sandbox) or a person at the console (real FreshBooks).
/// </summary>
internal interface IConsentAgent
{
    /// <summary>Gets the user's decision on the consent page at <paramref name="authorizationUrl"/>.</summary>
    /// <returns>Where FreshBooks redirected the user.</returns>
    Task<AuthorizationRedirect> AuthorizeAsync(Uri authorizationUrl, CancellationToken cancellationToken = default);
}
