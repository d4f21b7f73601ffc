using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Ledgerline.Xero.Http;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// One authorization attempt: the URL of Xero's consent page, the random <c>state</c> to check on the way back, the PKCE
/// code verifier and the redirect URI the code exchange must send, and when it was made. Keep it until Xero redirects
/// back (Xero's codes live 5 minutes).
/// </summary>
/// <remarks>
/// An app with several instances (behind a load balancer) keeps it across requests by storing its properties —
/// <see cref="AuthorizationUrl"/>, <see cref="State"/>, <see cref="CodeVerifier"/>, <see cref="RedirectUri"/>,
/// <see cref="Scopes"/> and <see cref="CreatedAt"/> — in a server-side session or an encrypted, signed cookie (e.g. with
/// ASP.NET Core Data Protection), and rebuilding it with <see cref="Restore"/> on the redirect back. The verifier is a
/// secret (whoever holds it with the code can exchange the code): never put it in a URL, a plain cookie or a log.
/// <see cref="ToString"/> never shows it.
/// </remarks>
public sealed class XeroAuthorizationRequest
{
    internal XeroAuthorizationRequest(
        Uri authorizationUrl, string state, string codeVerifier, Uri redirectUri, IReadOnlyList<string> scopes, DateTimeOffset createdAt)
    {
        AuthorizationUrl = authorizationUrl;
        State = state;
        CodeVerifier = codeVerifier;
        RedirectUri = redirectUri;
        Scopes = scopes;
        CreatedAt = createdAt;
    }

    /// <summary>Where to send the user: Xero's consent page, where they also choose the organisations to connect.</summary>
    public Uri AuthorizationUrl { get; }

    /// <summary>The <c>state</c> sent; Xero returns it unchanged.</summary>
    public string State { get; }

    /// <summary>The PKCE code verifier (43 characters of base64url); its S256 challenge is in <see cref="AuthorizationUrl"/>. A secret.</summary>
    public string CodeVerifier { get; }

    /// <summary>The redirect URI sent (<see cref="XeroOptions.RedirectUri"/> when the request was made); the code exchange sends it again.</summary>
    public Uri RedirectUri { get; }

    /// <summary>The scopes requested.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>When the request was made (UTC, on the app's <see cref="TimeProvider"/>), e.g. to drop stale stored requests.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// Rebuilds a request from its stored properties (see the remarks). The values are checked against each other: the
    /// URL must carry the same <c>state</c>, redirect URI and the S256 challenge of <paramref name="codeVerifier"/>, so a
    /// request pieced together from different attempts is refused.
    /// </summary>
    /// <param name="authorizationUrl">The stored <see cref="AuthorizationUrl"/>.</param>
    /// <param name="state">The stored <see cref="State"/>.</param>
    /// <param name="codeVerifier">The stored <see cref="CodeVerifier"/> (43 to 128 characters of <c>A-Z a-z 0-9 - . _ ~</c>).</param>
    /// <param name="redirectUri">The stored <see cref="RedirectUri"/>.</param>
    /// <param name="scopes">The stored <see cref="Scopes"/>.</param>
    /// <param name="createdAt">The stored <see cref="CreatedAt"/>.</param>
    /// <returns>A request equal to the stored one.</returns>
    /// <exception cref="LedgerValidationException">
    /// The message never quotes the verifier. A value is missing (code <c>Required</c> on the parameter); the scopes break
    /// the rule of <see cref="XeroConnector.CreateAuthorizationRequest"/> (none at all: <c>Required</c> on <c>scopes</c>; a
    /// null element <c>Required</c>, one that is not an RFC 6749 scope-token <c>MalformedScope</c>, on <c>scopes[i]</c>); a
    /// URL is not absolute (code <c>NotAbsoluteUri</c>); the verifier is not a PKCE verifier (code <c>MalformedVerifier</c>
    /// on <c>codeVerifier</c>); or the values do not belong to one request (code <c>MismatchedRequest</c> on <c>authorizationUrl</c>).
    /// </exception>
    public static XeroAuthorizationRequest Restore(
        Uri authorizationUrl, string state, string codeVerifier, Uri redirectUri, IEnumerable<string> scopes, DateTimeOffset createdAt)
    {
        var provider = XeroRequest.ProviderName;
        PublicInput.Required(nameof(authorizationUrl), authorizationUrl, provider);
        PublicInput.RequiredText(nameof(state), state, provider);
        PublicInput.Required(nameof(codeVerifier), codeVerifier, provider);
        PublicInput.Required(nameof(redirectUri), redirectUri, provider);
        PublicInput.Required(nameof(scopes), scopes, provider);
        var requested = PublicInput.Scopes(nameof(scopes), scopes, provider);
        if (requested.Length == 0)
        {
            // No request CreateAuthorizationRequest builds has none: Xero needs at least one scope.
            throw PublicInput.Invalid(nameof(scopes), "Xero needs at least one scope; a stored request always has one.", "Required", provider);
        }

        if (!authorizationUrl.IsAbsoluteUri || !redirectUri.IsAbsoluteUri)
        {
            throw PublicInput.Invalid(authorizationUrl.IsAbsoluteUri ? nameof(redirectUri) : nameof(authorizationUrl),
                "The authorization URL and the redirect URI must be absolute.", "NotAbsoluteUri", provider);
        }

        if (codeVerifier.Length is < 43 or > 128 || !codeVerifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
        {
            throw PublicInput.Invalid(nameof(codeVerifier), "The code verifier is not a PKCE verifier (43 to 128 characters of A-Z a-z 0-9 - . _ ~).", "MalformedVerifier", provider);
        }

        var query = HttpUtility.ParseQueryString(authorizationUrl.Query);
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
        if (!string.Equals(query["state"], state, StringComparison.Ordinal) ||
            !string.Equals(query["redirect_uri"], redirectUri.AbsoluteUri, StringComparison.Ordinal) ||
            !string.Equals(query["code_challenge"], challenge, StringComparison.Ordinal))
        {
            throw PublicInput.Invalid(nameof(authorizationUrl),
                "The stored values do not belong to one authorization request: the URL's state, redirect_uri or code_challenge does not match.",
                "MismatchedRequest", provider);
        }

        return new XeroAuthorizationRequest(authorizationUrl, state, codeVerifier, redirectUri, requested, createdAt);
    }

    /// <summary>Whether the <c>state</c> Xero returned is this request's (compared in constant time).</summary>
    public bool IsExpectedState(string? returnedState) =>
        returnedState is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returnedState), Encoding.UTF8.GetBytes(State));

    /// <summary>Describes the request without the verifier.</summary>
    public override string ToString() =>
        $"XeroAuthorizationRequest {{ AuthorizationUrl = {AuthorizationUrl}, RedirectUri = {RedirectUri}, CreatedAt = {CreatedAt:O}, CodeVerifier = *** }}";
}
