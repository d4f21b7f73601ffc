namespace Ledgerline;

/// <summary>
/// A payment made against a bill. Recording one moves the bill's amount paid, amount due and status. FreshBooks: a bill
/// payment (<c>bill_payments</c>, updatable); Xero: an <c>ACCPAYPAYMENT</c> (created and deleted, never changed).
/// </summary>
public sealed record BillPayment : LedgerRecord
{
    /// <summary>The bill paid.</summary>
    public required string BillId { get; init; }

    /// <summary>The vendor paid, when the provider says.</summary>
    public string? VendorId { get; init; }

    /// <summary>The amount, in the bill currency.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date it was paid.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>How it was paid, as the provider names it.</summary>
    public string? Method { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }
}

/// <summary>The input that records a <see cref="BillPayment"/>.</summary>
public sealed record NewBillPayment
{
    /// <summary>The bill paid; must exist.</summary>
    public required string BillId { get; init; }

    /// <summary>A positive amount in the bill currency, at most its amount due.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date paid.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>How it was paid.</summary>
    public string? Method { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }
}

/// <summary>Changes to a <see cref="BillPayment"/>: a <see langword="null"/> property is left as it is.</summary>
public sealed record BillPaymentChanges
{
    /// <summary>New positive amount.</summary>
    public Money? Amount { get; init; }

    /// <summary>New date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>New method.</summary>
    public string? Method { get; init; }

    /// <summary>New note.</summary>
    public string? Note { get; init; }
}

/// <summary>Filters for listing bill payments.</summary>
public sealed record BillPaymentQuery : RecordQuery<BillPayment>
{
    /// <summary>Only payments of this bill.</summary>
    public string? BillId { get; init; }

    /// <summary>Only payments made in this range.</summary>
    public DateRange? Date { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(BillPayment record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (BillId is not { } billId || record.BillId == billId) && (Date is not { } date || date.Contains(record.Date));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(BillId), BillId);
        QueryFilter.Add(filters, nameof(Date), Date);
    }
}

/// <summary>Payments of bills (accounts payable).</summary>
public interface IBillPaymentStore : ILedgerStore<BillPayment, NewBillPayment, BillPaymentChanges, BillPaymentQuery>;
