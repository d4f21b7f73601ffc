using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Clients ↔ contacts. <c>updated</c> is US/Eastern; <c>signup_date</c> (UTC) is not part of the canonical model. Id,
/// <c>updated</c> and <c>vis_state</c> are required; a <c>currency_code</c> that is sent must be a currency.
/// </summary>
internal sealed class ContactRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ClientWire, Contact>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, s.UserId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Updated))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.VisState))
            .Map(d => d.FirstName, s => FreshBooksValues.Text(s.FirstName))
            .Map(d => d.LastName, s => FreshBooksValues.Text(s.LastName))
            .Map(d => d.Organization, s => FreshBooksValues.Text(s.Organization))
            .Map(d => d.Email, s => FreshBooksValues.Text(s.Email))
            .Map(d => d.Phones, s => Phones(s))
            .Map(d => d.BillingAddress, s => Address(s))
            .Map(d => d.Currency, s => FreshBooksValues.OptionalCurrency(s.CurrencyCode, "currency_code"))
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Note))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewContact, ClientWrite>()
            .Map(d => d.FirstName, s => s.FirstName)
            .Map(d => d.LastName, s => s.LastName)
            .Map(d => d.Organization, s => s.Organization)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.BusinessPhone, s => Phone(s.Phones, PhoneKind.Business, null))
            .Map(d => d.MobilePhone, s => Phone(s.Phones, PhoneKind.Mobile, null))
            .Map(d => d.HomePhone, s => Phone(s.Phones, PhoneKind.Home, null))
            .Map(d => d.Fax, s => Phone(s.Phones, PhoneKind.Fax, null))
            .Map(d => d.Note, s => s.Notes)
            .Map(d => d.CurrencyCode, s => s.Currency.HasValue ? s.Currency.Value.Value : null)
            .Map(d => d.Street, s => s.BillingAddress == null ? null : s.BillingAddress.Street)
            .Map(d => d.Street2, s => s.BillingAddress == null ? null : s.BillingAddress.Street2)
            .Map(d => d.City, s => s.BillingAddress == null ? null : s.BillingAddress.City)
            .Map(d => d.Province, s => s.BillingAddress == null ? null : s.BillingAddress.Region)
            .Map(d => d.PostalCode, s => s.BillingAddress == null ? null : s.BillingAddress.PostalCode)
            .Map(d => d.Country, s => s.BillingAddress == null ? null : s.BillingAddress.Country)
            .Ignore(d => d.VisState);

        // Phones and the address are replaced whole: every part is sent, an empty string clearing what the change omits.
        config.NewConfig<ContactChanges, ClientWrite>()
            .Map(d => d.FirstName, s => s.FirstName)
            .Map(d => d.LastName, s => s.LastName)
            .Map(d => d.Organization, s => s.Organization)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.BusinessPhone, s => s.Phones == null ? null : Phone(s.Phones, PhoneKind.Business, string.Empty))
            .Map(d => d.MobilePhone, s => s.Phones == null ? null : Phone(s.Phones, PhoneKind.Mobile, string.Empty))
            .Map(d => d.HomePhone, s => s.Phones == null ? null : Phone(s.Phones, PhoneKind.Home, string.Empty))
            .Map(d => d.Fax, s => s.Phones == null ? null : Phone(s.Phones, PhoneKind.Fax, string.Empty))
            .Map(d => d.Note, s => s.Notes)
            .Map(d => d.CurrencyCode, s => s.Currency.HasValue ? s.Currency.Value.Value : null)
            .Map(d => d.Street, s => s.BillingAddress == null ? null : s.BillingAddress.Street ?? string.Empty)
            .Map(d => d.Street2, s => s.BillingAddress == null ? null : s.BillingAddress.Street2 ?? string.Empty)
            .Map(d => d.City, s => s.BillingAddress == null ? null : s.BillingAddress.City ?? string.Empty)
            .Map(d => d.Province, s => s.BillingAddress == null ? null : s.BillingAddress.Region ?? string.Empty)
            .Map(d => d.PostalCode, s => s.BillingAddress == null ? null : s.BillingAddress.PostalCode ?? string.Empty)
            .Map(d => d.Country, s => s.BillingAddress == null ? null : s.BillingAddress.Country ?? string.Empty)
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<ClientWire, Contact>(s => new Contact
        {
            Id = FreshBooksValues.RequiredId(s.Id, s.UserId),
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Updated),
            State = FreshBooksValues.RequiredState(s.VisState),
            FirstName = FreshBooksValues.Text(s.FirstName),
            LastName = FreshBooksValues.Text(s.LastName),
            Organization = FreshBooksValues.Text(s.Organization),
            Email = FreshBooksValues.Text(s.Email),
            Phones = Phones(s),
            BillingAddress = Address(s),
            Currency = FreshBooksValues.OptionalCurrency(s.CurrencyCode, "currency_code"),
            Notes = FreshBooksValues.Text(s.Note),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<NewContact, ClientWrite>(s => new ClientWrite
        {
            FirstName = s.FirstName,
            LastName = s.LastName,
            Organization = s.Organization,
            Email = s.Email,
            BusinessPhone = Phone(s.Phones, PhoneKind.Business, null),
            MobilePhone = Phone(s.Phones, PhoneKind.Mobile, null),
            HomePhone = Phone(s.Phones, PhoneKind.Home, null),
            Fax = Phone(s.Phones, PhoneKind.Fax, null),
            Note = s.Notes,
            CurrencyCode = s.Currency.HasValue ? s.Currency.Value.Value : null,
            Street = s.BillingAddress == null ? null : s.BillingAddress.Street,
            Street2 = s.BillingAddress == null ? null : s.BillingAddress.Street2,
            City = s.BillingAddress == null ? null : s.BillingAddress.City,
            Province = s.BillingAddress == null ? null : s.BillingAddress.Region,
            PostalCode = s.BillingAddress == null ? null : s.BillingAddress.PostalCode,
            Country = s.BillingAddress == null ? null : s.BillingAddress.Country,
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<ContactChanges, ClientWrite>(s => new ClientWrite
        {
            FirstName = s.FirstName,
            LastName = s.LastName,
            Organization = s.Organization,
            Email = s.Email,
            BusinessPhone = s.Phones == null ? null : Phone(s.Phones, PhoneKind.Business, string.Empty),
            MobilePhone = s.Phones == null ? null : Phone(s.Phones, PhoneKind.Mobile, string.Empty),
            HomePhone = s.Phones == null ? null : Phone(s.Phones, PhoneKind.Home, string.Empty),
            Fax = s.Phones == null ? null : Phone(s.Phones, PhoneKind.Fax, string.Empty),
            Note = s.Notes,
            CurrencyCode = s.Currency.HasValue ? s.Currency.Value.Value : null,
            Street = s.BillingAddress == null ? null : s.BillingAddress.Street ?? string.Empty,
            Street2 = s.BillingAddress == null ? null : s.BillingAddress.Street2 ?? string.Empty,
            City = s.BillingAddress == null ? null : s.BillingAddress.City ?? string.Empty,
            Province = s.BillingAddress == null ? null : s.BillingAddress.Region ?? string.Empty,
            PostalCode = s.BillingAddress == null ? null : s.BillingAddress.PostalCode ?? string.Empty,
            Country = s.BillingAddress == null ? null : s.BillingAddress.Country ?? string.Empty,
        });
    }

    internal static IReadOnlyList<ContactPhone> Phones(ClientWire client)
    {
        var phones = new List<ContactPhone>(4);
        Add(PhoneKind.Business, client.BusinessPhone);
        Add(PhoneKind.Mobile, client.MobilePhone);
        Add(PhoneKind.Home, client.HomePhone);
        Add(PhoneKind.Fax, client.Fax);
        return phones;

        void Add(PhoneKind kind, string? number)
        {
            if (!string.IsNullOrWhiteSpace(number))
            {
                phones.Add(new ContactPhone(kind, number));
            }
        }
    }

    internal static PostalAddress? Address(ClientWire client)
    {
        var address = new PostalAddress
        {
            Street = FreshBooksValues.Text(client.Street),
            Street2 = FreshBooksValues.Text(client.Street2),
            City = FreshBooksValues.Text(client.City),
            Region = FreshBooksValues.Text(client.Province),
            PostalCode = FreshBooksValues.Text(client.PostalCode),
            Country = FreshBooksValues.Text(client.Country),
        };
        return address == new PostalAddress() ? null : address;
    }

    internal static string? Phone(IReadOnlyList<ContactPhone>? phones, PhoneKind kind, string? whenMissing) =>
        phones?.FirstOrDefault(p => p.Kind == kind)?.Number ?? whenMissing;
}
