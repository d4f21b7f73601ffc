using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero contacts read as canonical vendors: Xero keeps one contact list, and a vendor is a contact seen from the payables
/// side, under the same id. <c>Name</c> is the vendor's name (required); the phone is the <c>DEFAULT</c> slot and the address
/// the postal (<c>POBOX</c>) one, as for contacts; <c>AccountNumber</c> and <c>DefaultCurrency</c> map one to one;
/// <c>Website</c> is read (Xero lets only its own app set it). <c>ContactStatus</c> is the record state, as for contacts.
/// Xero contacts have no notes.
/// </summary>
internal sealed class VendorRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ContactWire, Vendor>()
            .Map(d => d.Id, s => XeroValues.Required(s.ContactID, "ContactID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => ContactRegister.State(s.ContactStatus))
            .Map(d => d.Name, s => XeroValues.Required(s.Name, "Name"))
            .Map(d => d.FirstName, s => XeroValues.Text(s.FirstName))
            .Map(d => d.LastName, s => XeroValues.Text(s.LastName))
            .Map(d => d.Email, s => XeroValues.Text(s.EmailAddress))
            .Map(d => d.Phone, s => Phone(s.Phones))
            .Map(d => d.Website, s => XeroValues.Text(s.Website))
            .Map(d => d.AccountNumber, s => XeroValues.Text(s.AccountNumber))
            .Map(d => d.Address, s => ContactRegister.Address(s.Addresses))
            .Map(d => d.Currency, s => XeroValues.OptionalCurrency(s.DefaultCurrency, "DefaultCurrency"))
            .Map(d => d.Notes, s => (string?)null)
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<ContactWire, Vendor>(s => new Vendor
        {
            Id = XeroValues.Required(s.ContactID, "ContactID"),
            UpdatedAt = XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"),
            State = ContactRegister.State(s.ContactStatus),
            Name = XeroValues.Required(s.Name, "Name"),
            FirstName = XeroValues.Text(s.FirstName),
            LastName = XeroValues.Text(s.LastName),
            Email = XeroValues.Text(s.EmailAddress),
            Phone = Phone(s.Phones),
            Website = XeroValues.Text(s.Website),
            AccountNumber = XeroValues.Text(s.AccountNumber),
            Address = ContactRegister.Address(s.Addresses),
            Currency = XeroValues.OptionalCurrency(s.DefaultCurrency, "DefaultCurrency"),
            Notes = null,
        });
    }

    /// <summary>The vendor's phone: the contact's <c>DEFAULT</c> (business) slot.</summary>
    internal const string PhoneType = "DEFAULT";

    private static string? Phone(IReadOnlyList<PhoneWire>? phones) =>
        ContactRegister.Phones(phones).FirstOrDefault(p => p.Kind == PhoneKind.Business)?.Number;
}
