namespace Ledgerline;

/// <summary>A payment received against an invoice. Recording one moves the invoice's amount due and status.</summary>
public sealed record Payment : LedgerRecord
{
    /// <summary>The invoice paid.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>The contact who paid, when the provider says.</summary>
    public string? ContactId { get; init; }

    /// <summary>The amount, in the invoice currency.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date the payment was received.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>How it was paid, as the provider names it (e.g. <c>Check</c>, <c>Credit Card</c>).</summary>
    public string? Method { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }
}

/// <summary>The input that records a <see cref="Payment"/>.</summary>
public sealed record NewPayment
{
    /// <summary>The invoice paid.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>A positive amount in the invoice currency.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date received.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>How it was paid.</summary>
    public string? Method { get; init; }

    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }
}

/// <summary>Changes to a <see cref="Payment"/>: a <see langword="null"/> property is left as it is.</summary>
public sealed record PaymentChanges
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

/// <summary>Filters for listing payments.</summary>
public sealed record PaymentQuery : RecordQuery<Payment>
{
    /// <summary>Only payments against this invoice.</summary>
    public string? InvoiceId { get; init; }

    /// <summary>Only payments by this contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only payments received in this range.</summary>
    public DateRange? Date { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Payment record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (InvoiceId is not { } invoiceId || record.InvoiceId == invoiceId) &&
            (ContactId is not { } contactId || record.ContactId == contactId) &&
            (Date is not { } date || date.Contains(record.Date));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(InvoiceId), InvoiceId);
        QueryFilter.Add(filters, nameof(ContactId), ContactId);
        QueryFilter.Add(filters, nameof(Date), Date);
    }
}

/// <summary>Payments.</summary>
public interface IPaymentStore : ILedgerStore<Payment, NewPayment, PaymentChanges, PaymentQuery>;
