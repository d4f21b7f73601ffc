using System.Text.Json.Serialization;

namespace Ledgerline.FreshBooks.Api;

/// <summary>The body of a token revocation (<c>POST /auth/oauth/revoke</c>).</summary>
internal sealed record RevokeBody(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("token")] string Token)
{
    /// <summary>Describes the body without its secret or token.</summary>
    public override string ToString() => $"RevokeBody {{ ClientId = {ClientId}, ClientSecret = ***, Token = *** }}";
}
