namespace Ledgerline;

/// <summary>
/// A supplier the business buys from and receives bills from (accounts payable). Its own entity, not a role on
/// <see cref="Contact"/>: FreshBooks keeps bill vendors apart from clients (separate ids), while Xero's contacts can be both
/// (the same contact then appears in both stores under the same id). See the README's design decisions.
/// </summary>
public sealed record Vendor : LedgerRecord
{
    /// <summary>The vendor's name (business or person); required.</summary>
    public required string Name { get; init; }

    /// <summary>Given name of the person to deal with there.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name of the person to deal with there.</summary>
    public string? LastName { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Web site.</summary>
    public string? Website { get; init; }

    /// <summary>The business's own account number with the vendor.</summary>
    public string? AccountNumber { get; init; }

    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>The currency the vendor bills in by default.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>The input that creates a <see cref="Vendor"/>.</summary>
public sealed record NewVendor
{
    /// <summary>The name; required.</summary>
    public required string Name { get; init; }

    /// <summary>Given name of the contact person.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name of the contact person.</summary>
    public string? LastName { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Web site.</summary>
    public string? Website { get; init; }

    /// <summary>Your account number with the vendor.</summary>
    public string? AccountNumber { get; init; }

    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Default currency.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Changes to a <see cref="Vendor"/>: a <see langword="null"/> property is left as it is; an empty string clears the field.</summary>
public sealed record VendorChanges
{
    /// <summary>New name; cannot be cleared.</summary>
    public string? Name { get; init; }

    /// <summary>New given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>New family name.</summary>
    public string? LastName { get; init; }

    /// <summary>New e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>New phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>New web site.</summary>
    public string? Website { get; init; }

    /// <summary>New account number.</summary>
    public string? AccountNumber { get; init; }

    /// <summary>Replaces the address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>New default currency.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>New notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Filters for listing vendors.</summary>
public sealed record VendorQuery : RecordQuery<Vendor>
{
    /// <summary>Only vendors whose name contains this text (case-insensitive).</summary>
    public string? NameContains { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Vendor record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return NameContains is not { } name || record.Name.Contains(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters) => QueryFilter.Add(filters, nameof(NameContains), NameContains);
}

/// <summary>Vendors (FreshBooks bill vendors, Xero supplier contacts).</summary>
public interface IVendorStore : ILedgerStore<Vendor, NewVendor, VendorChanges, VendorQuery>;
