namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A contact: customer, supplier or both (the flags are derived from invoices, read-only on the API).</summary>
internal sealed class Contact : XeroEntity
{
    public string Name { get; set; } = "";

    public string? ContactNumber { get; set; }

    public string? AccountNumber { get; set; }

    public string ContactStatus { get; set; } = "ACTIVE";

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? EmailAddress { get; set; }

    public string? CompanyNumber { get; set; }

    public string? TaxNumber { get; set; }

    public string? DefaultCurrency { get; set; }

    public List<Address> Addresses { get; set; } = [];

    public List<Phone> Phones { get; set; } = [];

    public bool IsCustomer { get; set; }

    public bool IsSupplier { get; set; }

    public override XeroEntity Copy()
    {
        var c = (Contact)MemberwiseClone();
        c.Addresses = [.. Addresses];
        c.Phones = [.. Phones];
        return c;
    }
}
