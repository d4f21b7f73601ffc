namespace Ledgerline;

/// <summary>
/// The business a connection reaches, read-only: who it is, what currency its books are kept in and its time zone, so an
/// application need not guess. FreshBooks: the connection's business (<c>/users/me</c> membership); Xero: the
/// organisation (<c>/Organisation</c>).
/// </summary>
public sealed record Company
{
    /// <summary>The provider's id for the business (FreshBooks account id, Xero organisation id).</summary>
    public required string Id { get; init; }

    /// <summary>The business name.</summary>
    public required string Name { get; init; }

    /// <summary>The registered legal name, when different and known.</summary>
    public string? LegalName { get; init; }

    /// <summary>
    /// The currency the books are kept in, or <see langword="null"/> when the provider does not say (FreshBooks' identity
    /// answer names none; Ledgerline never guesses it).
    /// </summary>
    public CurrencyCode? BaseCurrency { get; init; }

    /// <summary>
    /// The business's time zone as an IANA id (e.g. <c>America/New_York</c>; Xero's Windows ids are converted), or
    /// <see langword="null"/> when the provider does not say.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>The ISO 3166 country code, when known.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The business address, when known.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>The provider's own representation, for what the canonical model does not carry.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public object? RawRepresentation { get; init; }
}

/// <summary>The connected business, read-only.</summary>
public interface ICompanyStore
{
    /// <summary>Reads the business the connection reaches. Needs <see cref="StoreOperations.Get"/> on <see cref="EntityKind.Company"/>.</summary>
    Task<Company> GetAsync(CancellationToken cancellationToken = default);
}
