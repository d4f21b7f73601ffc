namespace Ledgerline.Xero.Mapping;

/// <summary>
/// How a canonical contact's names become Xero's one required <c>Name</c> and back. Written: the organization, else
/// "first last", else the e-mail. Read: <c>Name</c> is the organization unless it is exactly what Ledgerline would have
/// derived from the person's names or e-mail, in which case the contact has no organization.
/// </summary>
internal static class ContactNames
{
    /// <summary>The <c>Name</c> to write; null when there is nothing to derive it from.</summary>
    public static string? Name(string? organization, string? firstName, string? lastName, string? email) =>
        XeroValues.Text(organization) ?? FullName(firstName, lastName) ?? XeroValues.Text(email);

    /// <summary>The organization a read <c>Name</c> stands for.</summary>
    public static string? Organization(string name, string? firstName, string? lastName, string? email) =>
        string.Equals(name, FullName(firstName, lastName), StringComparison.Ordinal) ||
        (FullName(firstName, lastName) is null && string.Equals(name, XeroValues.Text(email), StringComparison.Ordinal))
            ? null
            : name;

    private static string? FullName(string? firstName, string? lastName) =>
        string.Join(' ', new[] { firstName, lastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())) is { Length: > 0 } full ? full : null;
}
