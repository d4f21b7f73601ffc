namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>An issued access token (a signed JWT; the sandbox looks it up rather than re-validating the signature).</summary>
internal sealed record AccessTokenRecord(string Token, Grant Grant, DateTimeOffset ExpiresAt);
