using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Bill vendors ↔ vendors. Strict on the <c>vendorid</c> key and the name; <c>updated_at</c> is UTC (unlike the
/// Eastern <c>updated</c> of clients and invoices).
/// </summary>
internal sealed class VendorRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<BillVendorWire, Vendor>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.VendorId, null))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredUtc(s.UpdatedAt, "updated_at", s.CreatedAt))
            .Map(d => d.State, s => FreshBooksValues.RequiredState(s.VisState))
            .Map(d => d.Name, s => FreshBooksValues.RequiredText(s.VendorName, "vendor_name"))
            .Map(d => d.FirstName, s => FreshBooksValues.Text(s.FirstName))
            .Map(d => d.LastName, s => FreshBooksValues.Text(s.LastName))
            .Map(d => d.Email, s => FreshBooksValues.Text(s.Email))
            .Map(d => d.Phone, s => FreshBooksValues.Text(s.Phone))
            .Map(d => d.Website, s => FreshBooksValues.Text(s.Website))
            .Map(d => d.AccountNumber, s => FreshBooksValues.Text(s.AccountNumber))
            .Map(d => d.Address, s => Address(s))
            .Map(d => d.Currency, s => FreshBooksValues.Currency(s.CurrencyCode))
            .Map(d => d.Notes, s => FreshBooksValues.Text(s.Note))
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewVendor, BillVendorWrite>()
            .Map(d => d.VendorName, s => s.Name)
            .Map(d => d.FirstName, s => s.FirstName)
            .Map(d => d.LastName, s => s.LastName)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.Phone, s => s.Phone)
            .Map(d => d.Website, s => s.Website)
            .Map(d => d.AccountNumber, s => s.AccountNumber)
            .Map(d => d.Street, s => s.Address == null ? null : s.Address.Street)
            .Map(d => d.Street2, s => s.Address == null ? null : s.Address.Street2)
            .Map(d => d.City, s => s.Address == null ? null : s.Address.City)
            .Map(d => d.Province, s => s.Address == null ? null : s.Address.Region)
            .Map(d => d.PostalCode, s => s.Address == null ? null : s.Address.PostalCode)
            .Map(d => d.Country, s => s.Address == null ? null : s.Address.Country)
            .Map(d => d.CurrencyCode, s => s.Currency.HasValue ? s.Currency.Value.Value : null)
            .Map(d => d.Note, s => s.Notes)
            .Ignore(d => d.VisState);

        // The address is replaced whole: every part is sent, an empty string clearing what the change omits.
        config.NewConfig<VendorChanges, BillVendorWrite>()
            .Map(d => d.VendorName, s => s.Name)
            .Map(d => d.FirstName, s => s.FirstName)
            .Map(d => d.LastName, s => s.LastName)
            .Map(d => d.Email, s => s.Email)
            .Map(d => d.Phone, s => s.Phone)
            .Map(d => d.Website, s => s.Website)
            .Map(d => d.AccountNumber, s => s.AccountNumber)
            .Map(d => d.Street, s => s.Address == null ? null : s.Address.Street ?? string.Empty)
            .Map(d => d.Street2, s => s.Address == null ? null : s.Address.Street2 ?? string.Empty)
            .Map(d => d.City, s => s.Address == null ? null : s.Address.City ?? string.Empty)
            .Map(d => d.Province, s => s.Address == null ? null : s.Address.Region ?? string.Empty)
            .Map(d => d.PostalCode, s => s.Address == null ? null : s.Address.PostalCode ?? string.Empty)
            .Map(d => d.Country, s => s.Address == null ? null : s.Address.Country ?? string.Empty)
            .Map(d => d.CurrencyCode, s => s.Currency.HasValue ? s.Currency.Value.Value : null)
            .Map(d => d.Note, s => s.Notes)
            .Ignore(d => d.VisState);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<BillVendorWire, Vendor>(s => new Vendor
        {
            Id = FreshBooksValues.RequiredId(s.VendorId, null),
            UpdatedAt = FreshBooksValues.RequiredUtc(s.UpdatedAt, "updated_at", s.CreatedAt),
            State = FreshBooksValues.RequiredState(s.VisState),
            Name = FreshBooksValues.RequiredText(s.VendorName, "vendor_name"),
            FirstName = FreshBooksValues.Text(s.FirstName),
            LastName = FreshBooksValues.Text(s.LastName),
            Email = FreshBooksValues.Text(s.Email),
            Phone = FreshBooksValues.Text(s.Phone),
            Website = FreshBooksValues.Text(s.Website),
            AccountNumber = FreshBooksValues.Text(s.AccountNumber),
            Address = Address(s),
            Currency = FreshBooksValues.Currency(s.CurrencyCode),
            Notes = FreshBooksValues.Text(s.Note),
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<NewVendor, BillVendorWrite>(s => new BillVendorWrite
        {
            VendorName = s.Name,
            FirstName = s.FirstName,
            LastName = s.LastName,
            Email = s.Email,
            Phone = s.Phone,
            Website = s.Website,
            AccountNumber = s.AccountNumber,
            Street = s.Address == null ? null : s.Address.Street,
            Street2 = s.Address == null ? null : s.Address.Street2,
            City = s.Address == null ? null : s.Address.City,
            Province = s.Address == null ? null : s.Address.Region,
            PostalCode = s.Address == null ? null : s.Address.PostalCode,
            Country = s.Address == null ? null : s.Address.Country,
            CurrencyCode = s.Currency.HasValue ? s.Currency.Value.Value : null,
            Note = s.Notes,
        });
        // Not mapped, as in the Mapster configuration: VisState.
        mappings.Add<VendorChanges, BillVendorWrite>(s => new BillVendorWrite
        {
            VendorName = s.Name,
            FirstName = s.FirstName,
            LastName = s.LastName,
            Email = s.Email,
            Phone = s.Phone,
            Website = s.Website,
            AccountNumber = s.AccountNumber,
            Street = s.Address == null ? null : s.Address.Street ?? string.Empty,
            Street2 = s.Address == null ? null : s.Address.Street2 ?? string.Empty,
            City = s.Address == null ? null : s.Address.City ?? string.Empty,
            Province = s.Address == null ? null : s.Address.Region ?? string.Empty,
            PostalCode = s.Address == null ? null : s.Address.PostalCode ?? string.Empty,
            Country = s.Address == null ? null : s.Address.Country ?? string.Empty,
            CurrencyCode = s.Currency.HasValue ? s.Currency.Value.Value : null,
            Note = s.Notes,
        });
    }

    internal static PostalAddress? Address(BillVendorWire vendor)
    {
        var address = new PostalAddress
        {
            Street = FreshBooksValues.Text(vendor.Street),
            Street2 = FreshBooksValues.Text(vendor.Street2),
            City = FreshBooksValues.Text(vendor.City),
            Region = FreshBooksValues.Text(vendor.Province),
            PostalCode = FreshBooksValues.Text(vendor.PostalCode),
            Country = FreshBooksValues.Text(vendor.Country),
        };
        return address == new PostalAddress() ? null : address;
    }
}
