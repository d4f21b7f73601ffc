namespace Ledgerline;

/// <summary>
/// A credit note issued to a customer: lines and totals like an invoice (without a discount, as neither FreshBooks nor
/// Xero discounts credit notes), and the part of it applied to the customer's invoices (<see cref="Allocations"/>).
/// <see cref="RemainingCredit"/> = <see cref="Total"/> − Σ allocations. FreshBooks: a credit note (<c>credit_notes</c>);
/// Xero: an <c>ACCRECCREDIT</c> credit note with allocations.
/// </summary>
public sealed record CreditNote : LedgerRecord
{
    /// <summary>The credit note number, as the provider shows it.</summary>
    public string? Number { get; init; }

    /// <summary>The customer credited.</summary>
    public required string ContactId { get; init; }

    /// <summary>Where the credit note is in its lifecycle.</summary>
    public CreditNoteStatus Status { get; init; }

    /// <summary>The provider's own status value, kept as sent.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The date it was issued.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>The currency of every amount.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The lines, in order.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];

    /// <summary>
    /// Whether the lines' unit prices include tax, as the provider keeps them (Xero credit notes with
    /// <c>LineAmountTypes</c> <c>Inclusive</c>), as on <see cref="Invoice.UnitPricesIncludeTax"/>: line amounts and totals
    /// stay tax-exclusive either way. <see langword="false"/> for FreshBooks and InMemory, and for every credit note
    /// created without <see cref="NewCreditNote.UnitPricesIncludeTax"/>.
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>The sum of the line amounts.</summary>
    public required Money Subtotal { get; init; }

    /// <summary>The tax.</summary>
    public required Money Tax { get; init; }

    /// <summary>Subtotal + tax: the credit granted.</summary>
    public required Money Total { get; init; }

    /// <summary>The credit not yet applied to invoices.</summary>
    public required Money RemainingCredit { get; init; }

    /// <summary>How the credit was applied, in the order it was.</summary>
    public IReadOnlyList<CreditAllocation> Allocations { get; init; } = [];

    /// <summary>Notes shown to the customer.</summary>
    public string? Notes { get; init; }
}

/// <summary>Part of a credit note applied to one invoice.</summary>
/// <param name="InvoiceId">The invoice the credit settled.</param>
/// <param name="Amount">How much of it, in the credit note's (and the invoice's) currency.</param>
/// <param name="Date">The date it was applied.</param>
public sealed record CreditAllocation(string InvoiceId, Money Amount, DateOnly Date);

/// <summary>The lifecycle of a credit note. A provider value Ledgerline does not know maps to <see cref="Unknown"/>.</summary>
public enum CreditNoteStatus
{
    /// <summary>A provider status Ledgerline does not recognise.</summary>
    Unknown = 0,

    /// <summary>Not yet issued; cannot be applied.</summary>
    Draft,

    /// <summary>Issued, with credit remaining to apply.</summary>
    Open,

    /// <summary>Fully applied: no credit remains.</summary>
    Applied,

    /// <summary>Cancelled.</summary>
    Void,
}

/// <summary>The input that creates a <see cref="CreditNote"/>, issued at once. Totals are computed, never given.</summary>
public sealed record NewCreditNote
{
    /// <summary>The customer credited; must exist.</summary>
    public required string ContactId { get; init; }

    /// <summary>The currency of every line.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The issue date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>The number; <see langword="null"/> lets the provider number it.</summary>
    public string? Number { get; init; }

    /// <summary>At least one line, priced in <see cref="Currency"/>.</summary>
    public required IReadOnlyList<NewInvoiceLine> Lines { get; init; }

    /// <summary>
    /// Whether the lines' unit prices include their tax (Xero <c>LineAmountTypes</c> <c>Inclusive</c>): a line of
    /// quantity 1 at 500.00 with 15 % tax then totals 500.00 (434.78 + 65.22), not 575.00. The credit note read back is as
    /// <see cref="CreditNote.UnitPricesIncludeTax"/> defines it: line amounts and totals stay tax-exclusive, so only "quantity ×
    /// unit price = amount" differs. Taken by providers whose store capabilities declare
    /// <see cref="StoreCapabilities.TaxInclusivePrices"/> (Xero; with no tax on any line Xero keeps the credit note without tax,
    /// read back <see langword="false"/>); any other provider (FreshBooks, InMemory) refuses <see langword="true"/> before
    /// any request (<see cref="LedgerValidationException"/> on <c>UnitPricesIncludeTax</c>, code
    /// <c>NotSupportedByProvider</c>).
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>Notes shown to the customer.</summary>
    public string? Notes { get; init; }
}

/// <summary>Changes to a <see cref="CreditNote"/> not yet applied: a <see langword="null"/> property is left as it is.</summary>
public sealed record CreditNoteChanges
{
    /// <summary>New number.</summary>
    public string? Number { get; init; }

    /// <summary>New issue date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>
    /// Replaces every line; refused once part of the credit was applied. A current line not given back is removed; one given
    /// back with its <see cref="NewInvoiceLine.Id"/> keeps what the provider holds beyond the canonical fields.
    /// </summary>
    public IReadOnlyList<NewInvoiceLine>? Lines { get; init; }

    /// <summary>
    /// Whether the unit prices of <see cref="Lines"/> include their tax, as on <see cref="NewCreditNote.UnitPricesIncludeTax"/>;
    /// <see langword="null"/> keeps the credit note's own, so lines read and given back (<c>ToNewLine()</c>) keep every total.
    /// Only together with <see cref="Lines"/>: changing it alone would re-price the current lines, so it is refused
    /// before any request. A provider without <see cref="StoreCapabilities.TaxInclusivePrices"/> refuses
    /// <see langword="true"/> (code <c>NotSupportedByProvider</c>); <see langword="false"/> asks for nothing new there.
    /// </summary>
    public bool? UnitPricesIncludeTax { get; init; }

    /// <summary>New notes; an empty string clears them.</summary>
    public string? Notes { get; init; }
}

/// <summary>Applies part of a credit note to an invoice of the same customer (<see cref="ICreditNoteStore.AllocateAsync(string, NewCreditAllocation, CancellationToken)"/>).</summary>
public sealed record NewCreditAllocation
{
    /// <summary>The invoice to settle; same customer and currency as the credit note.</summary>
    public required string InvoiceId { get; init; }

    /// <summary>How much to apply: positive, at most the credit remaining and the invoice's amount due.</summary>
    public required Money Amount { get; init; }

    /// <summary>The date it is applied.</summary>
    public required DateOnly Date { get; init; }
}

/// <summary>Filters for listing credit notes.</summary>
public sealed record CreditNoteQuery : RecordQuery<CreditNote>
{
    /// <summary>Only credit notes for this customer.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only credit notes in one of these statuses; an empty set would select nothing and is refused as invalid.</summary>
    public IReadOnlySet<CreditNoteStatus>? Statuses { get; init; }

    /// <summary>Only credit notes issued in this range.</summary>
    public DateRange? IssueDate { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(CreditNote record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (ContactId is not { } contactId || record.ContactId == contactId) &&
            (Statuses is not { } statuses || statuses.Contains(record.Status)) &&
            (IssueDate is not { } issued || issued.Contains(record.IssueDate));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(ContactId), ContactId);
        QueryFilter.Add(filters, nameof(Statuses), Statuses);
        QueryFilter.Add(filters, nameof(IssueDate), IssueDate);
    }
}

/// <summary>Credit notes issued to customers (accounts receivable).</summary>
public interface ICreditNoteStore : ILedgerStore<CreditNote, NewCreditNote, CreditNoteChanges, CreditNoteQuery>
{
    /// <summary>
    /// Applies part of the credit note to an invoice: the invoice's <see cref="Invoice.AmountCredited"/> grows and its amount
    /// due falls by <see cref="NewCreditAllocation.Amount"/>, the credit note's <see cref="CreditNote.RemainingCredit"/>
    /// falls by it (Xero <c>PUT /CreditNotes/{id}/Allocations</c>). Needs <see cref="StoreOperations.Allocate"/>.
    /// </summary>
    /// <returns>The credit note with the new allocation.</returns>
    /// <exception cref="RecordNotFoundException">The credit note or the invoice does not exist.</exception>
    /// <exception cref="LedgerValidationException">
    /// The amount exceeds the remaining credit (<c>AllocationExceedsCredit</c>) or the invoice's amount due
    /// (<c>AllocationExceedsAmountDue</c>), or the invoice is another customer's, in another currency or void.
    /// </exception>
    Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.CreditNote, nameof(StoreOperations.Allocate));

    /// <summary>
    /// Applies part of the credit note to an invoice, as <see cref="AllocateAsync(string, NewCreditAllocation, CancellationToken)"/>,
    /// with <paramref name="options"/>: an idempotency key makes the allocation safe to repeat after
    /// <see cref="OutcomeUnknownException"/> (the same key and allocation apply the credit once). Needs
    /// <see cref="StoreOperations.Allocate"/>, and for a key <see cref="StoreCapabilities.IdempotencyKeys"/> naming it.
    /// </summary>
    /// <param name="id">The credit note's id.</param>
    /// <param name="allocation">The invoice and the amount.</param>
    /// <param name="options">The options; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The credit note with the allocation.</returns>
    /// <exception cref="OperationNotSupportedException">A key was given and the provider does not honour keys on allocations; nothing is sent.</exception>
    /// <exception cref="IdempotencyKeyConflictException">The key was first used with a different allocation.</exception>
    Task<CreditNote> AllocateAsync(string id, NewCreditAllocation allocation, CreateOptions? options, CancellationToken cancellationToken = default) =>
        options?.IdempotencyKey is null
            ? AllocateAsync(id, allocation, cancellationToken)
            : throw new OperationNotSupportedException(GetType().Name, EntityKind.CreditNote, $"idempotency keys on {nameof(StoreOperations.Allocate)}");
}
