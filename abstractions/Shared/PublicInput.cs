namespace Ledgerline;

/// <summary>
/// The argument checks of an adapter's public entry points (connectors, authorization requests, webhook helpers):
/// a missing or blank argument is refused as <see cref="LedgerValidationException"/> with one <see cref="FieldError"/>
/// named after the parameter, before any request, with the codes the store pipeline and the ledger factory use
/// (<c>Required</c>, <c>BlankId</c>, and for a connection id <see cref="ConnectionIdRule"/>'s). These arguments usually
/// come from an app's data (a tenant id, a stored grant, a redirect's query), so they are input, not a programming
/// error. Linked into each adapter.
/// </summary>
internal static class PublicInput
{
    /// <summary>The longest OAuth scope taken: the providers' scope names have a few dozen characters.</summary>
    public const int MaxScopeLength = 128;

    /// <summary>The longest authorization code taken: the providers' codes have well under a hundred characters.</summary>
    public const int MaxCodeLength = 4096;

    /// <summary>Refuses <see langword="null"/>: code <c>Required</c>.</summary>
    /// <returns>The value, not null.</returns>
    public static T Required<T>(string field, T? value, string provider)
        where T : class =>
        value ?? throw Invalid(field, $"The {field} is required.", "Required", provider);

    /// <summary>Refuses a null, empty or blank text that is not an id (a code, a token, a verifier): code <c>Required</c>.</summary>
    /// <returns>The text.</returns>
    public static string RequiredText(string field, string? value, string provider) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, $"The {field} is required.", "Required", provider) : value;

    /// <summary>Refuses a null, empty or blank id (a callback id, an account id): code <c>BlankId</c>, as <c>ILedgerFactory.Open</c> does.</summary>
    /// <returns>The id.</returns>
    public static string Id(string field, string? value, string provider) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, $"The {field} must not be null or blank.", "BlankId", provider) : value;

    /// <summary>
    /// Refuses what <see cref="ConnectionIdRule"/> refuses (codes <c>BlankId</c>, <c>IdTooLong</c>, <c>MalformedId</c>), as
    /// <c>ILedgerFactory.Open</c> and the connection stores do.
    /// </summary>
    /// <returns>The id.</returns>
    public static string ConnectionId(string field, string? value, string provider) =>
        ConnectionIdRule.ThrowIfInvalid(value, provider, field);

    /// <summary>
    /// Refuses an authorization code from a redirect that no authorization server issued, before it is sent: null or blank
    /// (code <c>Required</c>), or a character outside RFC 6749's <c>VSCHAR</c> (printable ASCII and space: a control
    /// character, a line break, a non-ASCII character) or more than <see cref="MaxCodeLength"/> characters (code
    /// <c>MalformedCode</c>). The code is never quoted.
    /// </summary>
    /// <returns>The code.</returns>
    public static string AuthorizationCode(string field, string? value, string provider)
    {
        RequiredText(field, value, provider);
        return value!.Length > MaxCodeLength
            ? throw Invalid(field, $"The {field} has {value.Length} characters; authorization codes this long are not issued (at most {MaxCodeLength} are taken), so it was not sent.", "MalformedCode", provider)
            : value.Any(c => c is < ' ' or > '~')
                ? throw Invalid(field, $"The {field} has a character outside printable ASCII (a control character, line break or non-ASCII character); authorization codes have none, so it was not sent.", "MalformedCode", provider)
                : value;
    }

    /// <summary>
    /// Checks the scopes of an authorization request: each one an RFC 6749 §3.3 <c>scope-token</c> (one or more of
    /// <c>%x21 / %x23-5B / %x5D-7E</c>: printable ASCII without space, <c>"</c> or <c>\</c>) of at most
    /// <see cref="MaxScopeLength"/> characters. A null element is refused with code <c>Required</c>, a blank, spaced,
    /// over-long or otherwise malformed one with code <c>MalformedScope</c>, on <c>{field}[{index}]</c>.
    /// </summary>
    /// <returns>The scopes in order, duplicates removed.</returns>
    public static string[] Scopes(string field, IEnumerable<string?> scopes, string provider)
    {
        var checkedScopes = new List<string>();
        var index = 0;
        foreach (var scope in scopes)
        {
            var element = $"{field}[{index++}]";
            if (scope is null)
            {
                throw Invalid(element, $"The {element} is null; each scope is a name such as user:profile:read or offline_access.", "Required", provider);
            }

            if (scope.Length == 0 || scope.Length > MaxScopeLength || scope.Any(c => !IsScopeCharacter(c)))
            {
                throw Invalid(element,
                    scope.Length > MaxScopeLength
                        ? $"The {element} has {scope.Length} characters; a scope has at most {MaxScopeLength}."
                        : $"The {element} is not one OAuth scope (RFC 6749 §3.3: one or more printable ASCII characters, no space, '\"' or '\\'; list each scope as its own element).",
                    "MalformedScope", provider);
            }

            checkedScopes.Add(scope);
        }

        return [.. checkedScopes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One field's refusal. The message must never quote a secret.</summary>
    public static LedgerValidationException Invalid(string field, string message, string code, string provider) =>
        new([new FieldError(field, message, code)]) { Provider = provider };

    // RFC 6749 §A.4 NQCHAR.
    private static bool IsScopeCharacter(char c) => c is '!' or (>= '#' and <= '[') or (>= ']' and <= '~');
}
