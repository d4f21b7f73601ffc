namespace Ledgerline.Connections;

/// <summary>
/// How long an access token may be taken to live, for a provider's <c>expires_in</c> and an imported expiry alike. The
/// providers issue tokens for 12 hours (FreshBooks) or 30 minutes (Xero); a lifetime beyond <see cref="MaxLifetime"/> is
/// not a lifetime but a unit mistake or a broken answer, and one far enough out would overflow the date arithmetic of
/// every later call. Linked into each adapter.
/// </summary>
internal static class TokenLifetime
{
    /// <summary>The longest lifetime taken: 366 days, hundreds of times what any provider issues, so no real answer is refused.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>The expiry of a token issued at <paramref name="issuedAt"/> for <paramref name="seconds"/>; false unless 0 &lt; seconds ≤ <see cref="MaxLifetime"/>.</summary>
    public static bool TryExpiry(DateTimeOffset issuedAt, long seconds, out DateTimeOffset expiresAt)
    {
        if (seconds <= 0 || seconds > (long)MaxLifetime.TotalSeconds || issuedAt > DateTimeOffset.MaxValue - MaxLifetime)
        {
            expiresAt = default;
            return false;
        }

        expiresAt = issuedAt.AddSeconds(seconds);
        return true;
    }
}
