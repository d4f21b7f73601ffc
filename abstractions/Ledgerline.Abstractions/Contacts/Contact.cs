namespace Ledgerline;

/// <summary>A customer or other party the business invoices (a FreshBooks client).</summary>
public sealed record Contact : LedgerRecord
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Company or organization name.</summary>
    public string? Organization { get; init; }

    /// <summary>Primary e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone numbers by kind.</summary>
    public IReadOnlyList<ContactPhone> Phones { get; init; } = [];

    /// <summary>Billing address, when any part is known.</summary>
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>The contact's default currency, when set.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }

    /// <summary>The organization, else the full name, else the e-mail: what a person would call this contact.</summary>
    public string DisplayName =>
        !string.IsNullOrWhiteSpace(Organization) ? Organization
        : string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name
        : Email ?? Id;
}

/// <summary>A phone number and what it is for.</summary>
/// <param name="Kind">What the number is for.</param>
/// <param name="Number">The number as entered.</param>
public sealed record ContactPhone(PhoneKind Kind, string Number);

/// <summary>What a phone number is for.</summary>
public enum PhoneKind
{
    /// <summary>Business line.</summary>
    Business,

    /// <summary>Mobile.</summary>
    Mobile,

    /// <summary>Home.</summary>
    Home,

    /// <summary>Fax.</summary>
    Fax,
}

/// <summary>A postal address.</summary>
public sealed record PostalAddress
{
    /// <summary>First street line.</summary>
    public string? Street { get; init; }

    /// <summary>Second street line.</summary>
    public string? Street2 { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>State, province or region.</summary>
    public string? Region { get; init; }

    /// <summary>Postal or ZIP code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Country, as the provider names it.</summary>
    public string? Country { get; init; }
}

/// <summary>The input that creates a <see cref="Contact"/>. At least one of a name, an organization or an e-mail is required.</summary>
public sealed record NewContact
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Company or organization name.</summary>
    public string? Organization { get; init; }

    /// <summary>Primary e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone numbers, at most one per kind.</summary>
    public IReadOnlyList<ContactPhone> Phones { get; init; } = [];

    /// <summary>Billing address.</summary>
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>Default currency.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Changes to a <see cref="Contact"/>: a <see langword="null"/> property is left as it is; an empty string clears the field.</summary>
public sealed record ContactChanges
{
    /// <summary>New given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>New family name.</summary>
    public string? LastName { get; init; }

    /// <summary>New organization.</summary>
    public string? Organization { get; init; }

    /// <summary>New e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Replaces all phone numbers.</summary>
    public IReadOnlyList<ContactPhone>? Phones { get; init; }

    /// <summary>Replaces the billing address.</summary>
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>New default currency.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>New notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Filters for listing contacts.</summary>
public sealed record ContactQuery : RecordQuery<Contact>
{
    /// <summary>Only the contact with exactly this e-mail address (case-insensitive).</summary>
    public string? Email { get; init; }

    /// <summary>Only contacts whose organization contains this text (case-insensitive).</summary>
    public string? OrganizationContains { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Contact record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Email is not { } email || string.Equals(record.Email, email, StringComparison.OrdinalIgnoreCase)) &&
            (OrganizationContains is not { } organization || (record.Organization?.Contains(organization, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(Email), Email);
        QueryFilter.Add(filters, nameof(OrganizationContains), OrganizationContains);
    }
}

/// <summary>Contacts (FreshBooks clients).</summary>
public interface IContactStore : ILedgerStore<Contact, NewContact, ContactChanges, ContactQuery>;
