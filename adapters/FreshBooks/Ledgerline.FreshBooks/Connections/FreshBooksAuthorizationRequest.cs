using System.Security.Cryptography;
using System.Text;

namespace Ledgerline.FreshBooks.Connections;

/// <summary>
/// Where to send the user to authorize the app, and the <see cref="State"/> to expect back on the redirect. Keep the
/// state with the user's session (a cookie or server-side session) and check it with <see cref="IsExpectedState"/>
/// before exchanging the code: it ties the redirect to the browser that started the flow (CSRF protection).
/// </summary>
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

    /// <summary>Whether the <c>state</c> returned on the redirect is this request's (compared in constant time).</summary>
    /// <param name="returnedState">The <c>state</c> query parameter of the redirect.</param>
    public bool IsExpectedState(string? returnedState) =>
        returnedState is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(returnedState), Encoding.UTF8.GetBytes(State));
}
