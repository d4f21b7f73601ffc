using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A contact as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class ContactWire
{
    public string? ContactID { get; set; }

    public string? ContactNumber { get; set; }

    public string? AccountNumber { get; set; }

    public string? ContactStatus { get; set; }

    public string? Name { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? EmailAddress { get; set; }

    public string? DefaultCurrency { get; set; }

    public List<AddressWire>? Addresses { get; set; }

    public List<PhoneWire>? Phones { get; set; }

    /// <summary>Read-only at Xero (set in Xero's app only).</summary>
    public string? Website { get; set; }

    /// <summary>Read-only: true once a bill (<c>ACCPAY</c>) names the contact; changing it does not move <c>UpdatedDateUTC</c>.</summary>
    public bool? IsSupplier { get; set; }

    /// <summary>Read-only: true once a sales invoice (<c>ACCREC</c>) names the contact.</summary>
    public bool? IsCustomer { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>One of a contact's address slots.</summary>
internal sealed class AddressWire
{
    public string? AddressType { get; set; }

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? City { get; set; }

    public string? Region { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }
}

/// <summary>One of a contact's phone slots.</summary>
internal sealed class PhoneWire
{
    public string? PhoneType { get; set; }

    public string? PhoneNumber { get; set; }

    public string? PhoneAreaCode { get; set; }

    public string? PhoneCountryCode { get; set; }
}

/// <summary>The answer of the Contacts endpoints.</summary>
internal sealed class ContactsResult : IXeroList<ContactWire>
{
    public const string ListKey = "Contacts";

    public List<ContactWire>? Contacts { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonIgnore]
    public List<ContactWire>? Records => Contacts;
}
