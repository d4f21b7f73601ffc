namespace Ledgerline.FreshBooks.Sandbox;

/// <summary>One request the sandbox answered, as seen on the wire.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, without the query string.</param>
/// <param name="Query">Raw query string including the leading '?', or empty.</param>
/// <param name="StatusCode">Status the sandbox answered with (0 when the connection was dropped on purpose).</param>
/// <param name="BearerToken">The bearer token the client sent, if any.</param>
/// <param name="Time">Sandbox time when the request arrived.</param>
public sealed record SandboxRequest(string Method, string Path, string Query, int StatusCode, string? BearerToken, DateTimeOffset Time)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() =>
        $"{Method} {Path}{Query} -> {StatusCode} (token: {(BearerToken is null ? "none" : "present")}) at {Time:O}";
}

/// <summary>An access/refresh token pair issued by the sandbox.</summary>
/// <param name="AccessToken">Bearer token for API calls.</param>
/// <param name="RefreshToken">Single-use refresh token.</param>
/// <param name="ExpiresAt">When the access token stops working, on the sandbox clock.</param>
/// <param name="Scope">Granted scopes, space-separated.</param>
public sealed record SandboxTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string Scope)
{
    /// <summary>Never prints the tokens.</summary>
    public override string ToString() => $"SandboxTokens {{ ExpiresAt = {ExpiresAt:O}, Scope = {Scope} }}";
}
