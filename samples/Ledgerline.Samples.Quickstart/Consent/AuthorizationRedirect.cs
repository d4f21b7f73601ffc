namespace Ledgerline.Samples.Quickstart.Consent;

/// <summary>
/// Where FreshBooks sent the user back after the consent page: the redirect URI carrying either <c>code</c> and
/// <c>state</c>, or an OAuth <c>error</c> (e.g. <c>access_denied</c> when the user clicked Deny).
/// </summary>
/// <param name="Code">The authorization code, valid once for a few minutes.</param>
/// <param name="State">The state echoed back; <see langword="null"/> when only a bare code was pasted.</param>
/// <param name="Error">The OAuth error code, when consent was not given.</param>
/// <param name="ErrorDescription">The error's human-readable description.</param>
internal sealed record AuthorizationRedirect(string? Code, string? State, string? Error, string? ErrorDescription)
{
    /// <summary>Reads a redirect URL (<c>https://app.example/callback?code=…&amp;state=…</c>) or, failing that, a bare code.</summary>
    public static AuthorizationRedirect Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return new AuthorizationRedirect(trimmed.Length == 0 ? null : trimmed, null, null, null);
        }

        var query = ParseQuery(uri.Query);
        return new AuthorizationRedirect(
            query.GetValueOrDefault("code"), query.GetValueOrDefault("state"), query.GetValueOrDefault("error"), query.GetValueOrDefault("error_description"));
    }

    /// <summary>Never shows the code: it is a short-lived credential.</summary>
    public override string ToString() =>
        $"AuthorizationRedirect {{ Code = {(Code is null ? "null" : "***")}, State = {State}, Error = {Error} }}";

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            values.TryAdd(key, equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]));
        }

        return values;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
