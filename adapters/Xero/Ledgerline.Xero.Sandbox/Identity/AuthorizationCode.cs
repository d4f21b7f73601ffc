namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>An authorization code waiting to be exchanged (single use, short-lived), with its PKCE challenge if any.</summary>
internal sealed class AuthorizationCode
{
    public required string Code { get; init; }

    public required Grant Grant { get; init; }

    public required string RedirectUri { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public string? CodeChallenge { get; init; }

    public bool Used { get; set; }
}
