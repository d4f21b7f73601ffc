namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>An issued refresh token. Mutable state is only touched under the token store's lock.</summary>
internal sealed class RefreshTokenRecord
{
    public required string Token { get; init; }

    public required Grant Grant { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was first exchanged; from then on only the reuse grace keeps it alive.</summary>
    public DateTimeOffset? SpentAt { get; set; }

    /// <summary>The refresh token its first exchange returned; a retry within the grace returns the same one.</summary>
    public RefreshTokenRecord? Successor { get; set; }
}
