namespace Ledgerline.Xero.Connections;

/// <summary>
/// The OAuth scope a family of Xero endpoints needs, as Xero's OpenAPI descriptions give it per operation
/// (<c>security</c>): <see cref="Broad"/> to write, or its <c>.read</c> variant to read; a granular scope that Xero
/// splits the broad one into (<c>accounting.invoices</c>, <c>accounting.payments</c>, …) is accepted in its place.
/// </summary>
/// <param name="Broad">The scope <see cref="XeroOptions.Scopes"/> should hold: the one named in <see cref="PermissionDeniedException.RequiredScope"/>.</param>
/// <param name="Granular">The granular scope that covers the same endpoints, or <see langword="null"/> for none.</param>
internal sealed record XeroScope(string Broad, string? Granular = null)
{
    /// <summary>Contacts (customers and vendors).</summary>
    public static readonly XeroScope Contacts = new("accounting.contacts");

    /// <summary>Invoices, bills, credit notes and quotes.</summary>
    public static readonly XeroScope Invoices = new("accounting.transactions", "accounting.invoices");

    /// <summary>Payments on invoices and bills.</summary>
    public static readonly XeroScope Payments = new("accounting.transactions", "accounting.payments");

    /// <summary>Spent and received money (bank transactions).</summary>
    public static readonly XeroScope BankTransactions = new("accounting.transactions", "accounting.banktransactions");

    /// <summary>Tax rates, accounts and the organisation.</summary>
    public static readonly XeroScope Settings = new("accounting.settings");

    /// <summary>Items: settings, or granular <c>accounting.invoices</c>.</summary>
    public static readonly XeroScope Items = new("accounting.settings", "accounting.invoices");

    /// <summary>The Projects API: projects and time entries.</summary>
    public static readonly XeroScope Projects = new("projects");

    /// <summary>The scope the endpoints of <paramref name="entity"/> need.</summary>
    public static XeroScope Of(EntityKind entity) => entity switch
    {
        EntityKind.Contact or EntityKind.Vendor => Contacts,
        EntityKind.Invoice or EntityKind.Bill or EntityKind.CreditNote or EntityKind.Estimate => Invoices,
        EntityKind.Payment or EntityKind.BillPayment => Payments,
        EntityKind.Expense => BankTransactions,
        EntityKind.Item => Items,
        EntityKind.TaxRate or EntityKind.Company => Settings,
        EntityKind.Project or EntityKind.TimeEntry => Projects,
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Xero has no endpoint for this kind of record."),
    };

    /// <summary>Whether <paramref name="granted"/> allows the call: a read takes any variant, a write a writing one.</summary>
    public bool IsGranted(IReadOnlySet<string> granted, bool write) =>
        granted.Contains(Broad)
        || (Granular is not null && granted.Contains(Granular))
        || (!write && (granted.Contains(Broad + ".read") || (Granular is not null && granted.Contains(Granular + ".read"))));
}
