namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>The outcome of spending an authorization code or a refresh token: tokens, or an OAuth error code.</summary>
internal sealed record RedeemResult(IssuedTokens? Tokens, string? Error, string? Description)
{
    public static RedeemResult Fail(string error, string description) => new(null, error, description);
}
