namespace Ledgerline.Xero.Api;

/// <summary>A contact as Ledgerline writes it; a null member is left out, so Xero keeps its value.</summary>
internal sealed record ContactWrite
{
    public string? ContactID { get; init; }

    public string? Name { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? AccountNumber { get; init; }

    public string? EmailAddress { get; init; }

    public string? DefaultCurrency { get; init; }

    public string? ContactStatus { get; init; }

    public IReadOnlyList<AddressWrite>? Addresses { get; init; }

    public IReadOnlyList<PhoneWrite>? Phones { get; init; }
}

/// <summary>An address slot to write (Xero replaces the slot of that type).</summary>
internal sealed record AddressWrite
{
    public required string AddressType { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }
}

/// <summary>A phone slot to write (Xero replaces the slot of that type).</summary>
internal sealed record PhoneWrite(string PhoneType, string PhoneNumber);

/// <summary>The body of a contact write: Xero's plural envelope with one element.</summary>
internal sealed record ContactsBody(IReadOnlyList<ContactWrite> Contacts);
