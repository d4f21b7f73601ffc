using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// The Xero organisation as the canonical company: <c>OrganisationID</c> (the tenant id), <c>Name</c>, <c>LegalName</c>
/// (when it differs), <c>BaseCurrency</c>, <c>CountryCode</c>, <c>Timezone</c> converted to an IANA zone
/// (<see cref="XeroTimeZones"/>; null when it cannot be told exactly), and the address: the postal (<c>POBOX</c>) one, as on
/// Xero's invoices, else the street one.
/// </summary>
internal sealed class CompanyRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<OrganisationWire, Company>()
            .Map(d => d.Id, s => XeroValues.Required(s.OrganisationID, "OrganisationID"))
            .Map(d => d.Name, s => XeroValues.Required(s.Name, "Name"))
            .Map(d => d.LegalName, s => LegalName(s))
            .Map(d => d.BaseCurrency, s => XeroValues.OptionalCurrency(s.BaseCurrency, "BaseCurrency"))
            .Map(d => d.TimeZone, s => XeroTimeZones.ToIana(s.Timezone))
            .Map(d => d.CountryCode, s => CountryCode(s.CountryCode))
            .Map(d => d.Address, s => Address(s.Addresses))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<OrganisationWire, Company>(s => new Company
        {
            Id = XeroValues.Required(s.OrganisationID, "OrganisationID"),
            Name = XeroValues.Required(s.Name, "Name"),
            LegalName = LegalName(s),
            BaseCurrency = XeroValues.OptionalCurrency(s.BaseCurrency, "BaseCurrency"),
            TimeZone = XeroTimeZones.ToIana(s.Timezone),
            CountryCode = CountryCode(s.CountryCode),
            Address = Address(s.Addresses),
        });
    }

    private static string? LegalName(OrganisationWire organisation) =>
        XeroValues.Text(organisation.LegalName) is { } legal && !string.Equals(legal, organisation.Name, StringComparison.Ordinal) ? legal : null;

    private static string? CountryCode(string? code) =>
        code is { Length: 2 } && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;

    internal static PostalAddress? Address(IReadOnlyList<AddressWire>? addresses)
    {
        foreach (var type in (string[])["POBOX", "STREET"])
        {
            if (addresses?.FirstOrDefault(a => a.AddressType == type) is { } slot)
            {
                var address = new PostalAddress
                {
                    Street = XeroValues.Text(slot.AddressLine1),
                    Street2 = XeroValues.Text(slot.AddressLine2),
                    City = XeroValues.Text(slot.City),
                    Region = XeroValues.Text(slot.Region),
                    PostalCode = XeroValues.Text(slot.PostalCode),
                    Country = XeroValues.Text(slot.Country),
                };
                if (address != new PostalAddress())
                {
                    return address;
                }
            }
        }

        return null;
    }
}
