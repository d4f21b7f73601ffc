namespace Ledgerline;

/// <summary>
/// The argument checks of an adapter's public entry points (connectors, authorization requests, webhook helpers):
/// a missing or blank argument is refused as <see cref="LedgerValidationException"/> with one <see cref="FieldError"/>
/// named after the parameter, before any request, with the codes the store pipeline and the ledger factory use
/// (<c>Required</c>, <c>BlankId</c>). These arguments usually come from an app's data (a tenant id, a stored grant, a
/// redirect's query), so they are input, not a programming error. Linked into each adapter.
/// </summary>
internal static class PublicInput
{
    /// <summary>Refuses <see langword="null"/>: code <c>Required</c>.</summary>
    /// <returns>The value, not null.</returns>
    public static T Required<T>(string field, T? value, string provider)
        where T : class =>
        value ?? throw Invalid(field, $"The {field} is required.", "Required", provider);

    /// <summary>Refuses a null, empty or blank text that is not an id (a code, a token, a verifier): code <c>Required</c>.</summary>
    /// <returns>The text.</returns>
    public static string RequiredText(string field, string? value, string provider) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, $"The {field} is required.", "Required", provider) : value;

    /// <summary>Refuses a null, empty or blank id (a connection id, a callback id): code <c>BlankId</c>, as <c>ILedgerFactory.Open</c> does.</summary>
    /// <returns>The id.</returns>
    public static string Id(string field, string? value, string provider) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid(field, $"The {field} must not be null or blank.", "BlankId", provider) : value;

    /// <summary>One field's refusal. The message must never quote a secret.</summary>
    public static LedgerValidationException Invalid(string field, string message, string code, string provider) =>
        new([new FieldError(field, message, code)]) { Provider = provider };
}
