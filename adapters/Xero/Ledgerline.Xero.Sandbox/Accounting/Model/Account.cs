namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>An account of the chart of accounts.</summary>
internal sealed class Account : XeroEntity
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Class { get; set; } = "";

    public string Status { get; set; } = "ACTIVE";

    public string TaxType { get; set; } = "NONE";

    public string? Description { get; set; }

    public bool EnablePaymentsToAccount { get; set; }

    public string? BankAccountNumber { get; set; }

    public string? BankAccountType { get; set; }

    public string? CurrencyCode { get; set; }

    public bool AcceptsPayments => Status == "ACTIVE" && (Type == "BANK" || EnablePaymentsToAccount);

    public override XeroEntity Copy() => (Account)MemberwiseClone();
}
