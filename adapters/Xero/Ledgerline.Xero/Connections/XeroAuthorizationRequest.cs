using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.Xero.Connections;

/// <summary>
/// One authorization attempt: the URL of Xero's consent page, the random <c>state</c> to check on the way back, and the
/// PKCE code verifier the code exchange must send. Keep it (e.g. in the user's session) until Xero redirects back.
/// <see cref="ToString"/> never shows the verifier.
/// </summary>
public sealed class XeroAuthorizationRequest
{
    internal XeroAuthorizationRequest(Uri authorizationUrl, string state, string codeVerifier, IReadOnlyList<string> scopes)
    {
        AuthorizationUrl = authorizationUrl;
        State = state;
        CodeVerifier = codeVerifier;
        Scopes = scopes;
    }

    /// <summary>Where to send the user: Xero's consent page, where they also choose the organisations to connect.</summary>
    public Uri AuthorizationUrl { get; }

    /// <summary>The <c>state</c> sent; Xero returns it unchanged.</summary>
    public string State { get; }

    /// <summary>The PKCE code verifier (43 characters of base64url); its S256 challenge is in <see cref="AuthorizationUrl"/>.</summary>
    public string CodeVerifier { get; }

    /// <summary>The scopes requested.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Whether the <c>state</c> Xero returned is this request's (compared in constant time).</summary>
    public bool IsExpectedState(string? returnedState) =>
        returnedState is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returnedState), Encoding.UTF8.GetBytes(State));

    /// <summary>Describes the request without the verifier.</summary>
    public override string ToString() => $"XeroAuthorizationRequest {{ AuthorizationUrl = {AuthorizationUrl}, CodeVerifier = *** }}";
}
