namespace Ledgerline.Xero.Auth;

/// <summary>A token endpoint's successful answer. <see cref="ToString"/> never shows the tokens.</summary>
internal sealed record XeroTokenResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlySet<string>? Scopes)
{
    public override string ToString() => $"XeroTokenResponse {{ ExpiresAt = {ExpiresAt:O} }}";
}
