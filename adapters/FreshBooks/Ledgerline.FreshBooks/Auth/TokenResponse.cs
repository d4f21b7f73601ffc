namespace Ledgerline.FreshBooks.Auth;

/// <summary>A successful answer from FreshBooks' token endpoint. Never logged; <see cref="ToString"/> hides the tokens.</summary>
internal sealed record TokenResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlySet<string>? Scopes)
{
    /// <summary>
    /// Set when the answer held both tokens but no lifetime that can be taken: <see cref="ExpiresAt"/> is then the time the
    /// request was sent, and this is the error to raise once the tokens are safe (saved, or handed to the caller).
    /// </summary>
    public InvalidProviderResponseException? UnreadableLifetime { get; init; }

    public override string ToString() =>
        $"TokenResponse {{ ExpiresAt = {ExpiresAt:O}, Scopes = {(Scopes is null ? "-" : string.Join(' ', Scopes))}{(UnreadableLifetime is null ? string.Empty : ", Lifetime = unreadable")} }}";
}
