namespace Ledgerline.Connections;

/// <summary>
/// What a connector's <c>ImportTokensAsync</c> checks before any request: OAuth access and refresh tokens are printable
/// ASCII (RFC 6749 §A.12, §A.17) and a few KB at most, so a token with a space, line break, control or non-ASCII
/// character, or a very long one, was never issued: it is refused as input (a line break or NUL would otherwise fail in
/// the HTTP stack as a <see cref="FormatException"/>, and a non-ASCII one would read as the provider being unreachable).
/// Linked into each adapter.
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
}
