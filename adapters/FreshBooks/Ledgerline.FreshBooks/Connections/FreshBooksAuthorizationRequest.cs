using System.Security.Cryptography;
using System.Text;
using System.Web;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// Where to send the user to authorize the app, and the <see cref="State"/> to expect back on the redirect. Keep the
/// state with the user's session (a cookie or server-side session) and check it with <see cref="IsExpectedState"/>
/// before exchanging the code: it ties the redirect to the browser that started the flow (CSRF protection).
/// </summary>
/// <remarks>
/// An app with several instances keeps it across requests by storing <see cref="AuthorizationUrl"/>, <see cref="State"/>
/// and <see cref="Scopes"/> (in a server-side session or a signed cookie) and rebuilding it with <see cref="Restore"/>.
/// FreshBooks' flow has no PKCE verifier, so nothing in it is a secret beyond the state's tie to the user's session.
/// </remarks>
public sealed class FreshBooksAuthorizationRequest
{
    internal FreshBooksAuthorizationRequest(Uri authorizationUrl, string state, IReadOnlyList<string> scopes)
    {
        AuthorizationUrl = authorizationUrl;
        State = state;
        Scopes = scopes;
    }

    /// <summary>The FreshBooks consent page URL to redirect the user to.</summary>
    public Uri AuthorizationUrl { get; }

    /// <summary>A cryptographically random value FreshBooks will echo back as the <c>state</c> query parameter.</summary>
    public string State { get; }

    /// <summary>The scopes requested.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>
    /// Rebuilds a request from its stored properties; the URL must carry the same <c>state</c>, so values from different
    /// attempts are refused.
    /// </summary>
    /// <param name="authorizationUrl">The stored <see cref="AuthorizationUrl"/>.</param>
    /// <param name="state">The stored <see cref="State"/>.</param>
    /// <param name="scopes">The stored <see cref="Scopes"/>.</param>
    /// <returns>A request equal to the stored one.</returns>
    /// <exception cref="LedgerValidationException">
    /// A value is missing (code <c>Required</c> on the parameter); a scope is not one RFC 6749 scope-token, by the rule of
    /// <see cref="FreshBooksConnector.CreateAuthorizationRequest"/> (a null element <c>Required</c>, else
    /// <c>MalformedScope</c>, on <c>scopes[i]</c>); or the URL is not absolute or carries another <c>state</c> (code
    /// <c>MismatchedRequest</c> on <c>authorizationUrl</c>).
    /// </exception>
    public static FreshBooksAuthorizationRequest Restore(Uri authorizationUrl, string state, IEnumerable<string> scopes)
    {
        var provider = FreshBooksRequest.ProviderName;
        PublicInput.Required(nameof(authorizationUrl), authorizationUrl, provider);
        PublicInput.RequiredText(nameof(state), state, provider);
        PublicInput.Required(nameof(scopes), scopes, provider);
        var requested = PublicInput.Scopes(nameof(scopes), scopes, provider);
        if (!authorizationUrl.IsAbsoluteUri || !string.Equals(HttpUtility.ParseQueryString(authorizationUrl.Query)["state"], state, StringComparison.Ordinal))
        {
            throw PublicInput.Invalid(nameof(authorizationUrl),
                "The stored values do not belong to one authorization request: the URL is not absolute or carries another state.", "MismatchedRequest", provider);
        }

        return new FreshBooksAuthorizationRequest(authorizationUrl, state, requested);
    }

    /// <summary>Whether the <c>state</c> returned on the redirect is this request's (compared in constant time).</summary>
    /// <param name="returnedState">The <c>state</c> query parameter of the redirect.</param>
    public bool IsExpectedState(string? returnedState) =>
        returnedState is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returnedState), Encoding.UTF8.GetBytes(State));
}
