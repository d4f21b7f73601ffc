namespace Ledgerline.FreshBooks.Auth;

/// <summary>
/// FreshBooks' token endpoint answered with an OAuth error (4xx with <c>error</c>). Carries only the error code and the
/// provider's description, never the request body (it holds the client secret and the refresh token).
/// </summary>
internal sealed class TokenEndpointException(int statusCode, string? error)
    : LedgerlineException(
        $"FreshBooks' token endpoint refused the request: {(string.IsNullOrEmpty(error) ? "HTTP " + statusCode : error)}.")
{
    /// <summary>The OAuth <c>error</c> value meaning the grant (code or refresh token) is dead.</summary>
    public const string InvalidGrant = "invalid_grant";

    public bool IsInvalidGrant => string.Equals(ProviderCode, InvalidGrant, StringComparison.Ordinal);

    internal static TokenEndpointException Create(int statusCode, string? error, string? description) =>
        new(statusCode, error)
        {
            Provider = Http.FreshBooksRequest.ProviderName,
            ProviderCode = error,
            ProviderMessage = description,
            StatusCode = statusCode,
        };
}
