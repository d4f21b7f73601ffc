namespace Ledgerline;

/// <summary>
/// An estimate (quote) for a contact: lines and totals with the invoice invariants (Σ lines = subtotal; subtotal −
/// discount + tax = total), a validity period, and a small lifecycle that ends when it is accepted and turned into an
/// invoice. FreshBooks: an estimate (<c>estimates/estimates</c>, <c>action_accept</c>); Xero: a quote (<c>/Quotes</c>).
/// </summary>
public sealed record Estimate : LedgerRecord
{
    /// <summary>The estimate number, as the provider shows it.</summary>
    public string? Number { get; init; }

    /// <summary>The contact the estimate is for.</summary>
    public required string ContactId { get; init; }

    /// <summary>Where the estimate is in its lifecycle.</summary>
    public EstimateStatus Status { get; init; }

    /// <summary>The provider's own status value, kept as sent (e.g. FreshBooks <c>ui_status</c>, Xero <c>Status</c>).</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The date the estimate was issued.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>The last day the estimate is valid, when it has one.</summary>
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>The currency of every amount on the estimate.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The lines, in order.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];

    /// <summary>
    /// Whether the lines' unit prices include tax, as the provider keeps them (Xero quotes with <c>LineAmountTypes</c>
    /// <c>INCLUSIVE</c>), as on <see cref="Invoice.UnitPricesIncludeTax"/>: line amounts are the amounts less the tax each
    /// line bears, and a discount is taken off the tax-inclusive amounts (see there). <see langword="false"/> for FreshBooks and InMemory, and for every estimate created without
    /// <see cref="NewEstimate.UnitPricesIncludeTax"/>.
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>The discount in percent, taken before tax, as <see cref="Invoice.DiscountPercent"/>.</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>The sum of the line amounts.</summary>
    public required Money Subtotal { get; init; }

    /// <summary>The discount (a positive amount), as <see cref="Invoice.Discount"/>: tax-inclusive when <see cref="UnitPricesIncludeTax"/>.</summary>
    public required Money Discount { get; init; }

    /// <summary>The tax.</summary>
    public required Money Tax { get; init; }

    /// <summary>Subtotal − discount + tax.</summary>
    public required Money Total { get; init; }

    /// <summary>Notes shown to the contact.</summary>
    public string? Notes { get; init; }

    /// <summary>Terms shown to the contact.</summary>
    public string? Terms { get; init; }

    /// <summary>The invoice the estimate was turned into (<see cref="IEstimateStore.ConvertToInvoiceAsync"/>), when it was.</summary>
    public string? InvoiceId { get; init; }
}

/// <summary>
/// The lifecycle of an estimate, a small closed set. A provider value Ledgerline does not know maps to
/// <see cref="Unknown"/>; the raw value stays in <see cref="Estimate.ProviderStatus"/>.
/// </summary>
public enum EstimateStatus
{
    /// <summary>A provider status Ledgerline does not recognise.</summary>
    Unknown = 0,

    /// <summary>Created, not yet sent.</summary>
    Draft,

    /// <summary>Sent to the contact (or marked as sent).</summary>
    Sent,

    /// <summary>Opened by the contact.</summary>
    Viewed,

    /// <summary>Accepted by the contact or on their behalf.</summary>
    Accepted,

    /// <summary>Declined by the contact.</summary>
    Declined,

    /// <summary>Turned into an invoice.</summary>
    Invoiced,
}

/// <summary>The input that creates an <see cref="Estimate"/>. Totals are computed, never given.</summary>
public sealed record NewEstimate
{
    /// <summary>The contact the estimate is for; must exist.</summary>
    public required string ContactId { get; init; }

    /// <summary>The currency of every line.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The issue date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>The last day the estimate is valid; not before <see cref="IssueDate"/>.</summary>
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>The estimate number; <see langword="null"/> lets the provider number it.</summary>
    public string? Number { get; init; }

    /// <summary>At least one line, each priced in <see cref="Currency"/>.</summary>
    public required IReadOnlyList<NewInvoiceLine> Lines { get; init; }

    /// <summary>Discount in percent of the subtotal, 0 to 100, taken before tax.</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>
    /// Whether the lines' unit prices include their tax (Xero quote <c>LineAmountTypes</c> <c>INCLUSIVE</c>): a line of
    /// quantity 1 at 500.00 with 15 % tax then totals 500.00 (434.78 + 65.22), not 575.00. The estimate read back is as
    /// <see cref="Estimate.UnitPricesIncludeTax"/> defines it: line amounts and totals stay tax-exclusive, so only "quantity ×
    /// unit price = amount" differs; with <c>DiscountPercent</c>, the discount is taken off the tax-inclusive amounts,
    /// as Xero takes it (see <see cref="Invoice.UnitPricesIncludeTax"/>). Taken by providers whose store capabilities declare
    /// <see cref="StoreCapabilities.TaxInclusivePrices"/> (Xero; with no tax on any line Xero keeps the quote without tax,
    /// read back <see langword="false"/>); any other provider (FreshBooks, InMemory) refuses <see langword="true"/> before
    /// any request (<see cref="LedgerValidationException"/> on <c>UnitPricesIncludeTax</c>, code
    /// <c>NotSupportedByProvider</c>).
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>Notes shown to the contact.</summary>
    public string? Notes { get; init; }

    /// <summary>Terms shown to the contact.</summary>
    public string? Terms { get; init; }
}

/// <summary>Changes to an <see cref="Estimate"/>: a <see langword="null"/> property is left as it is; an empty string clears the field.</summary>
public sealed record EstimateChanges
{
    /// <summary>New contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>New number.</summary>
    public string? Number { get; init; }

    /// <summary>New issue date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>New expiry date.</summary>
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>
    /// Replaces every line (in the estimate's currency): a current line not given back is removed; one given back with its
    /// <see cref="NewInvoiceLine.Id"/> keeps what the provider holds beyond the canonical fields.
    /// </summary>
    public IReadOnlyList<NewInvoiceLine>? Lines { get; init; }

    /// <summary>New discount in percent.</summary>
    public decimal? DiscountPercent { get; init; }

    /// <summary>
    /// Whether the unit prices of <see cref="Lines"/> include their tax, as on <see cref="NewEstimate.UnitPricesIncludeTax"/>;
    /// <see langword="null"/> keeps the estimate's own, so lines read and given back (<c>ToNewLine()</c>) keep every total.
    /// Only together with <see cref="Lines"/>: changing it alone would re-price the current lines, so it is refused
    /// before any request. A provider without <see cref="StoreCapabilities.TaxInclusivePrices"/> refuses
    /// <see langword="true"/> (code <c>NotSupportedByProvider</c>); <see langword="false"/> asks for nothing new there.
    /// </summary>
    public bool? UnitPricesIncludeTax { get; init; }

    /// <summary>New notes.</summary>
    public string? Notes { get; init; }

    /// <summary>New terms.</summary>
    public string? Terms { get; init; }
}

/// <summary>Filters for listing estimates.</summary>
public sealed record EstimateQuery : RecordQuery<Estimate>
{
    /// <summary>Only estimates for this contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only estimates in one of these statuses; an empty set would select nothing and is refused as invalid.</summary>
    public IReadOnlySet<EstimateStatus>? Statuses { get; init; }

    /// <summary>Only estimates issued in this range.</summary>
    public DateRange? IssueDate { get; init; }

    /// <inheritdoc />
    protected override bool MatchesFilters(Estimate record)
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

/// <summary>Estimates (FreshBooks estimates, Xero quotes).</summary>
public interface IEstimateStore : ILedgerStore<Estimate, NewEstimate, EstimateChanges, EstimateQuery>
{
    /// <summary>
    /// Marks a draft estimate as sent without sending anything. An estimate already past draft is returned unchanged.
    /// Needs <see cref="StoreOperations.MarkSent"/>.
    /// </summary>
    /// <exception cref="RecordNotFoundException">No estimate has this id.</exception>
    Task<Estimate> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.Estimate, nameof(StoreOperations.MarkSent));

    /// <summary>
    /// Records that the contact accepted the estimate (FreshBooks <c>action_accept</c>; Xero <c>ACCEPTED</c>). Accepting an
    /// accepted estimate changes nothing. Needs <see cref="StoreOperations.Accept"/>.
    /// </summary>
    /// <exception cref="LedgerValidationException">The estimate was declined or already invoiced (code <c>EstimateNotAcceptable</c>).</exception>
    Task<Estimate> AcceptAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.Estimate, nameof(StoreOperations.Accept));

    /// <summary>Records that the contact declined the estimate (Xero <c>DECLINED</c>). Needs <see cref="StoreOperations.Decline"/>.</summary>
    /// <exception cref="LedgerValidationException">The estimate was accepted or invoiced (code <c>EstimateNotDeclinable</c>).</exception>
    Task<Estimate> DeclineAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.Estimate, nameof(StoreOperations.Decline));

    /// <summary>
    /// Turns an accepted estimate into a draft invoice with the same contact, currency, lines, discount, notes and terms,
    /// issued today, and marks the estimate <see cref="EstimateStatus.Invoiced"/> with <see cref="Estimate.InvoiceId"/>.
    /// Converting an estimate that was already converted returns that invoice again. Needs
    /// <see cref="StoreOperations.ConvertToInvoice"/>.
    /// </summary>
    /// <exception cref="LedgerValidationException">The estimate is not accepted (code <c>EstimateNotAccepted</c>).</exception>
    Task<Invoice> ConvertToInvoiceAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.Estimate, nameof(StoreOperations.ConvertToInvoice));
}
