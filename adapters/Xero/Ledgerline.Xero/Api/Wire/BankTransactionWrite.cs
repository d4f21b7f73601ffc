namespace Ledgerline.Xero.Api;

/// <summary>Spent money as Ledgerline writes it; a null member is left out, so Xero keeps its value.</summary>
internal sealed record BankTransactionWrite
{
    public string? BankTransactionID { get; init; }

    public string? Type { get; init; }

    public ContactNameWrite? Contact { get; init; }

    public BankAccountCodeWrite? BankAccount { get; init; }

    public string? Date { get; init; }

    public string? Reference { get; init; }

    public string? LineAmountTypes { get; init; }

    public IReadOnlyList<SpendLineWrite>? LineItems { get; init; }

    public string? Status { get; init; }
}

/// <summary>The contact paid, by name: Xero uses the active contact of that name, or creates one.</summary>
internal sealed record ContactNameWrite(string Name);

/// <summary>The bank account money is spent from, by code.</summary>
internal sealed record BankAccountCodeWrite(string Code);

/// <summary>One line of spent money: an account, an amount and (unless <c>NoTax</c>) the tax type and amount paid.</summary>
internal sealed record SpendLineWrite
{
    public string? LineItemID { get; init; }

    public required string Description { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal UnitAmount { get; init; }

    public required string AccountCode { get; init; }

    public string? TaxType { get; init; }

    /// <summary>The tax paid, as the receipt says (Xero's computed tax is overridden when given).</summary>
    public decimal? TaxAmount { get; init; }
}

/// <summary>The body of a bank transaction write: Xero's plural envelope with one element.</summary>
internal sealed record BankTransactionsBody(IReadOnlyList<BankTransactionWrite> BankTransactions);
