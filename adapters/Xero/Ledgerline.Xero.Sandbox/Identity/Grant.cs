namespace Ledgerline.Xero.Sandbox.Identity;

/// <summary>One consent (authorization) of the app by the user: its scopes, and every token minted from it.</summary>
internal sealed class Grant
{
    public required Guid Id { get; init; }

    public required string ClientId { get; init; }

    public required SandboxUser User { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Shared by the connections made in the same consent (<c>authEventId</c>).</summary>
    public required Guid AuthEventId { get; init; }

    public required DateTimeOffset AuthTime { get; init; }

    public string? Nonce { get; init; }

    /// <summary>Obtained with PKCE: the client has no secret, so refreshing needs only its client id.</summary>
    public bool PublicClient { get; init; }

    /// <summary>Set by revocation; every token of the grant stops working. Only written under the store lock.</summary>
    public bool Revoked { get; set; }

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}
