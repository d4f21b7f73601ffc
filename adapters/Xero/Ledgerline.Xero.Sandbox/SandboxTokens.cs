namespace Ledgerline.Xero.Sandbox;

/// <summary>A token set issued without walking the OAuth flow (see <see cref="XeroSandbox.IssueTokens"/>).</summary>
/// <param name="AccessToken">Bearer token for API calls.</param>
/// <param name="RefreshToken">Refresh token (rotating, with Xero's 30-minute reuse grace); empty when <c>offline_access</c> was not granted.</param>
/// <param name="IdToken">OpenID Connect id_token when the <c>openid</c> scope was granted, otherwise null.</param>
/// <param name="ExpiresAt">When the access token expires.</param>
/// <param name="Scope">Granted scopes, space separated.</param>
public sealed record SandboxTokens(string AccessToken, string RefreshToken, string? IdToken, DateTimeOffset ExpiresAt, string Scope)
{
    /// <summary>Never prints a token.</summary>
    public override string ToString() => $"SandboxTokens {{ ExpiresAt = {ExpiresAt:O}, Scope = {Scope} }}";
}
