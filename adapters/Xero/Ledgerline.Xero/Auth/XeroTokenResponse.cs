namespace Ledgerline.Xero.Auth;

/// <summary>A token endpoint's successful answer. <see cref="ToString"/> never shows the tokens.</summary>
internal sealed record XeroTokenResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, IReadOnlySet<string>? Scopes)
{
    /// <summary>
    /// Set when the answer held both tokens but no lifetime that can be taken: <see cref="ExpiresAt"/> is then the time the
    /// request was sent, and this is the error to raise once the tokens are safe (saved, or handed to the caller).
    /// </summary>
    public InvalidProviderResponseException? UnreadableLifetime { get; init; }

    public override string ToString() =>
        $"XeroTokenResponse {{ ExpiresAt = {ExpiresAt:O}{(UnreadableLifetime is null ? string.Empty : ", Lifetime = unreadable")} }}";
}
