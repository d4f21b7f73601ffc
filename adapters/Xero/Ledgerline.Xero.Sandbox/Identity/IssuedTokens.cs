namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>What the token endpoint returns: the JSON members of Xero's <c>AccessToken</c> response.</summary>
internal sealed record IssuedTokens(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ExpiresAt, int ExpiresIn, string Scope);
