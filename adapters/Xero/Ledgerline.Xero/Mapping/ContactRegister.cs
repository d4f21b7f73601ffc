using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero contacts ↔ canonical contacts. Xero requires a <c>Name</c> (the contact's display name, unique among active
/// contacts); Ledgerline writes the organization, else the person's full name, else the e-mail, and reads <c>Name</c> back
/// as the organization unless it is exactly that full name or e-mail (<see cref="ContactNames"/>). The billing address
/// is Xero's postal (<c>POBOX</c>) address; phones are the <c>DEFAULT</c> (business), <c>MOBILE</c> and <c>FAX</c> slots.
/// <c>ContactStatus</c> <c>ACTIVE</c>/<c>ARCHIVED</c> is the record state; <c>GDPRREQUEST</c> (erasure requested) reads as
/// archived. Xero contacts have no notes.
/// </summary>
internal sealed class ContactRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ContactWire, Contact>()
            .Map(d => d.Id, s => XeroValues.Required(s.ContactID, "ContactID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => State(s.ContactStatus))
            .Map(d => d.FirstName, s => XeroValues.Text(s.FirstName))
            .Map(d => d.LastName, s => XeroValues.Text(s.LastName))
            .Map(d => d.Organization, s => ContactNames.Organization(XeroValues.Required(s.Name, "Name"), s.FirstName, s.LastName, s.EmailAddress))
            .Map(d => d.Email, s => XeroValues.Text(s.EmailAddress))
            .Map(d => d.Phones, s => Phones(s.Phones))
            .Map(d => d.BillingAddress, s => Address(s.Addresses))
            .Map(d => d.Currency, s => XeroValues.OptionalCurrency(s.DefaultCurrency, "DefaultCurrency"))
            .Map(d => d.Notes, s => (string?)null)
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<ContactWire, Contact>(s => new Contact
        {
            Id = XeroValues.Required(s.ContactID, "ContactID"),
            UpdatedAt = XeroValues.Instant(s.UpdatedDateUtc, "UpdatedDateUTC"),
            State = State(s.ContactStatus),
            FirstName = XeroValues.Text(s.FirstName),
            LastName = XeroValues.Text(s.LastName),
            Organization = ContactNames.Organization(XeroValues.Required(s.Name, "Name"), s.FirstName, s.LastName, s.EmailAddress),
            Email = XeroValues.Text(s.EmailAddress),
            Phones = Phones(s.Phones),
            BillingAddress = Address(s.Addresses),
            Currency = XeroValues.OptionalCurrency(s.DefaultCurrency, "DefaultCurrency"),
            Notes = null,
        });
    }

    /// <summary><c>ContactStatus</c> as the record state; a status Xero does not document is invalid data.</summary>
    internal static RecordState State(string? status) => status switch
    {
        "ACTIVE" => RecordState.Active,
        "ARCHIVED" or "GDPRREQUEST" => RecordState.Archived,
        _ => throw new FormatException($"Xero sent ContactStatus '{status}', which is not ACTIVE, ARCHIVED or GDPRREQUEST."),
    };

    internal static IReadOnlyList<ContactPhone> Phones(IReadOnlyList<PhoneWire>? phones)
    {
        var result = new List<ContactPhone>(3);
        foreach (var (type, kind) in PhoneSlots)
        {
            if (phones?.FirstOrDefault(p => p.PhoneType == type) is { } phone && Number(phone) is { } number)
            {
                result.Add(new ContactPhone(kind, number));
            }
        }

        return result;
    }

    internal static PostalAddress? Address(IReadOnlyList<AddressWire>? addresses)
    {
        if (addresses?.FirstOrDefault(a => a.AddressType == BillingAddressType) is not { } slot)
        {
            return null;
        }

        var address = new PostalAddress
        {
            Street = XeroValues.Text(slot.AddressLine1),
            Street2 = XeroValues.Text(slot.AddressLine2),
            City = XeroValues.Text(slot.City),
            Region = XeroValues.Text(slot.Region),
            PostalCode = XeroValues.Text(slot.PostalCode),
            Country = XeroValues.Text(slot.Country),
        };
        return address == new PostalAddress() ? null : address;
    }

    /// <summary>The address slot that is the billing address.</summary>
    internal const string BillingAddressType = "POBOX";

    /// <summary>Xero's phone slots that are canonical kinds; <c>DDI</c> and <c>OFFICE</c> stay in the raw representation.</summary>
    internal static readonly (string Type, PhoneKind Kind)[] PhoneSlots =
        [("DEFAULT", PhoneKind.Business), ("MOBILE", PhoneKind.Mobile), ("FAX", PhoneKind.Fax)];

    private static string? Number(PhoneWire phone)
    {
        var parts = new[] { phone.PhoneCountryCode, phone.PhoneAreaCode, phone.PhoneNumber }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return string.IsNullOrWhiteSpace(phone.PhoneNumber) ? null : string.Join(' ', parts);
    }
}
