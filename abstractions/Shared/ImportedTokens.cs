using System.Globalization;

namespace Ledgerline.Connections;

/// <summary>
/// What a connector's <c>ImportTokensAsync</c> checks before any request: OAuth access and refresh tokens are printable
/// ASCII (RFC 6749 §A.12, §A.17) and a few KB at most, so a token with a space, line break, control or non-ASCII
/// character, or a very long one, was never issued: it is refused as input (a line break or NUL would otherwise fail in
/// the HTTP stack as a <see cref="FormatException"/>, and a non-ASCII one would read as the provider being unreachable).
/// Its expiry must be a time near the clock (<see cref="RequireExpiry"/>). Linked into each adapter.
/// </summary>
internal static class ImportedTokens
{
    /// <summary>The longest token taken.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>Refuses a token that cannot be one: <see cref="LedgerValidationException"/>, code <c>MalformedToken</c>, the token never quoted.</summary>
    /// <param name="field">The parameter's name, e.g. <c>accessToken</c>.</param>
    /// <param name="token">The token.</param>
    /// <param name="provider">The provider, for <see cref="LedgerlineException.Provider"/>.</param>
    public static void RequireShape(string field, string token, string provider)
    {
        if (token.Length <= MaxLength && !token.Any(c => c is < '!' or > '~'))
        {
            return;
        }

        throw new LedgerValidationException([new FieldError(field,
            token.Length > MaxLength
                ? $"The token has {token.Length} characters; OAuth tokens this long are not issued (at most {MaxLength} are taken)."
                : "The token has a character outside printable ASCII (a space, line break, control or non-ASCII character); OAuth tokens have none, so it was not sent.",
            "MalformedToken")])
        {
            Provider = provider,
        };
    }

    /// <summary>How long ago an imported access token may have expired: FreshBooks' refresh tokens never expire, so a pair last refreshed years ago can still work.</summary>
    public static readonly TimeSpan MaxExpiredFor = TimeSpan.FromDays(3653);

    /// <summary>
    /// Refuses an expiry that cannot be one, before any request: <see langword="default"/> (never set: code
    /// <c>Required</c>), or one more than <see cref="TokenLifetime.MaxLifetime"/> ahead of <paramref name="now"/> or more
    /// than <see cref="MaxExpiredFor"/> behind it (code <c>ExpiryOutOfRange</c>). An expiry in the past within that window
    /// is taken: the token is refreshed before its first use.
    /// </summary>
    /// <param name="field">The parameter's name, <c>expiresAt</c>.</param>
    /// <param name="expiresAt">When the access token expires.</param>
    /// <param name="now">The clock's time.</param>
    /// <param name="provider">The provider, for <see cref="LedgerlineException.Provider"/>.</param>
    public static void RequireExpiry(string field, DateTimeOffset expiresAt, DateTimeOffset now, string provider)
    {
        if (expiresAt == default)
        {
            throw PublicInput.Invalid(field, $"The {field} is required: when the access token expires (default(DateTimeOffset) is no time).", "Required", provider);
        }

        // Differences of two DateTimeOffset values always fit a TimeSpan, so this comparison cannot overflow.
        var ahead = expiresAt - now;
        if (ahead > TokenLifetime.MaxLifetime || ahead < -MaxExpiredFor)
        {
            var side = ahead > TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $"more than {TokenLifetime.MaxLifetime.TotalDays:0} days ahead of")
                : string.Create(CultureInfo.InvariantCulture, $"more than {MaxExpiredFor.TotalDays:0} days behind");
            throw PublicInput.Invalid(field,
                $"The {field} is {side} the clock; access tokens live hours, so it is not a token's expiry " +
                "(a token that has already expired is taken within that window, and refreshed before its first use).",
                "ExpiryOutOfRange", provider);
        }
    }
}
