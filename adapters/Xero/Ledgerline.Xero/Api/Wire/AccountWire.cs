using System.Text.Json.Serialization;

namespace Ledgerline.Xero.Api;

/// <summary>An account of the chart of accounts (the members Ledgerline reads: a bank account's currency).</summary>
internal sealed class AccountWire
{
    public string? AccountID { get; set; }

    public string? Code { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    public string? CurrencyCode { get; set; }
}

/// <summary>The answer of the Accounts endpoint (unpaged).</summary>
internal sealed class AccountsResult : IXeroList<AccountWire>
{
    public const string ListKey = "Accounts";

    public List<AccountWire>? Accounts { get; set; }

    [JsonIgnore]
    public PaginationWire? Pagination => null;

    [JsonIgnore]
    public List<AccountWire>? Records => Accounts;
}
