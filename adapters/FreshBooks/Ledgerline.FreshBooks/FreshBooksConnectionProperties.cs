namespace Ledgerline.FreshBooks;

/// <summary>
/// The keys of the FreshBooks facts kept in <see cref="Ledgerline.Connections.LedgerConnection.Properties"/>. The connector writes
/// them when a user connects; an app that stores a connection itself (a migration, a test, a sample) sets at least
/// <see cref="AccountId"/> and, for time entries, <see cref="BusinessId"/>.
/// </summary>
public static class FreshBooksConnectionProperties
{
    /// <summary>
    /// The accounting <c>account_id</c> the connection is pinned to (alphanumeric, e.g. <c>ABC123</c>); every accounting
    /// call (contacts, invoices, payments, expenses) is made under it.
    /// </summary>
    public const string AccountId = "freshbooks.account_id";

    /// <summary>
    /// The numeric <c>business_id</c> of the same business, as invariant-culture text; time tracking and projects are
    /// addressed by it rather than by the account id.
    /// </summary>
    public const string BusinessId = "freshbooks.business_id";

    /// <summary>The business's name, for display only; Ledgerline never reads it to make a call.</summary>
    public const string BusinessName = "freshbooks.business_name";

    /// <summary>The FreshBooks identity id of the user who connected, for audit and display.</summary>
    public const string IdentityId = "freshbooks.identity_id";
}
