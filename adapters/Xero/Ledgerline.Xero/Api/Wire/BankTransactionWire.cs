using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>A bank transaction (spent or received money) as Xero sends it (the members Ledgerline reads).</summary>
internal sealed class BankTransactionWire
{
    public string? BankTransactionID { get; set; }

    public string? Type { get; set; }

    public ContactRefWire? Contact { get; set; }

    public BankAccountRefWire? BankAccount { get; set; }

    public string? Date { get; set; }

    public string? Reference { get; set; }

    public string? CurrencyCode { get; set; }

    public string? Status { get; set; }

    public string? LineAmountTypes { get; set; }

    public List<LineItemWire>? LineItems { get; set; }

    public decimal? SubTotal { get; set; }

    public decimal? TotalTax { get; set; }

    public decimal? Total { get; set; }

    [JsonPropertyName("UpdatedDateUTC")]
    public string? UpdatedDateUtc { get; set; }
}

/// <summary>The bank account a transaction went through.</summary>
internal sealed class BankAccountRefWire
{
    public string? AccountID { get; set; }

    public string? Code { get; set; }
}

/// <summary>The answer of the BankTransactions endpoints.</summary>
internal sealed class BankTransactionsResult : IXeroList<BankTransactionWire>
{
    public const string ListKey = "BankTransactions";

    public List<BankTransactionWire>? BankTransactions { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationWire? Pagination { get; set; }

    [JsonIgnore]
    public List<BankTransactionWire>? Records => BankTransactions;
}
