namespace Ledgerline.FreshBooks.Auth;

/// <summary>A successful answer from FreshBooks' token endpoint. Never logged; <see cref="ToString"/> hides the tokens.</summary>
internal sealed record TokenResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlySet<string>? Scopes)
{
    public override string ToString() => $"TokenResponse {{ ExpiresAt = {ExpiresAt:O}, Scopes = {(Scopes is null ? "-" : string.Join(' ', Scopes))} }}";
}
