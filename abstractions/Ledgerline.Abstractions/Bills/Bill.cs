namespace Ledgerline;

/// <summary>
/// A bill from a vendor (accounts payable): lines booked to expense categories, totals (Σ lines = subtotal; subtotal +
/// tax = total; total − paid = due) and a status driven by its bill payments. FreshBooks: a bill (<c>bills/bills</c>);
/// Xero: an <c>ACCPAY</c> invoice. Bills carry no discount (Xero refuses discounts on ACCPAY).
/// </summary>
public sealed record Bill : LedgerRecord
{
    /// <summary>The vendor's bill number, when it has one.</summary>
    public string? Number { get; init; }

    /// <summary>The vendor who sent the bill.</summary>
    public required string VendorId { get; init; }

    /// <summary>Where the bill is in its lifecycle.</summary>
    public BillStatus Status { get; init; }

    /// <summary>The provider's own status value, kept as sent.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The bill's date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>When it must be paid, when it says.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The currency of every amount.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The lines, in order.</summary>
    public IReadOnlyList<BillLine> Lines { get; init; } = [];

    /// <summary>
    /// Whether the lines' <see cref="BillLine.UnitPrice"/> include tax, as the provider keeps them (Xero bills with
    /// <c>LineAmountTypes</c> <c>Inclusive</c>), as on <see cref="Invoice.UnitPricesIncludeTax"/>: line amounts and totals
    /// stay tax-exclusive either way. <see langword="false"/> for FreshBooks and InMemory, and for every bill recorded
    /// without <see cref="NewBill.UnitPricesIncludeTax"/>.
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>The sum of the line amounts.</summary>
    public required Money Subtotal { get; init; }

    /// <summary>The tax.</summary>
    public required Money Tax { get; init; }

    /// <summary>Subtotal + tax.</summary>
    public required Money Total { get; init; }

    /// <summary>What has been paid (<see cref="BillPayment"/>s).</summary>
    public required Money AmountPaid { get; init; }

    /// <summary>Total − paid.</summary>
    public required Money AmountDue { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>One line of a bill. Every line a provider returns can be given back unchanged in a change (<see cref="ToNewLine"/>).</summary>
public sealed record BillLine
{
    /// <summary>
    /// The provider's id for the line within its bill (FreshBooks line <c>id</c>, Xero <c>LineItemID</c>), or
    /// <see langword="null"/> when the provider gives lines none. Give it back in <see cref="NewBillLine.Id"/> to change this
    /// line rather than add a new one, so the provider keeps what only it knows about the line.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>What was bought.</summary>
    public required string Description { get; init; }

    /// <summary>How many; may be fractional or negative.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The price of one, in the bill currency; negative for a refund or credit entered as a line.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>
    /// Quantity × unit price, rounded to the currency's minor unit; always tax-exclusive (when
    /// <see cref="Bill.UnitPricesIncludeTax"/>, the provider's line amount less the line's tax).
    /// </summary>
    public required Money Amount { get; init; }

    /// <summary>The expense category (FreshBooks) or account (Xero <c>AccountCode</c>) the line is booked to.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Taxes on the line.</summary>
    public IReadOnlyList<LineTax> Taxes { get; init; } = [];

    /// <summary>
    /// This line as the line of a <see cref="BillChanges.Lines"/> that keeps it as it is, <see cref="Id"/> included: change
    /// what you need with <c>with { … }</c>. For a new bill, drop the id (<c>with { Id = null }</c>).
    /// </summary>
    public NewBillLine ToNewLine() => new()
    {
        Id = Id,
        Description = Description,
        Quantity = Quantity,
        UnitPrice = UnitPrice,
        CategoryId = CategoryId,
        Taxes = Taxes,
    };
}

/// <summary>The input for one bill line.</summary>
public sealed record NewBillLine
{
    /// <summary>
    /// In <see cref="BillChanges.Lines"/>: the <see cref="BillLine.Id"/> of a current line that this line replaces, or
    /// <see langword="null"/> for a new line. The canonical fields are all taken from here; what the provider keeps beyond
    /// them (FreshBooks: the <c>compounded_tax</c> flag) is kept from the current line. An unknown id is refused
    /// (<c>UnknownLine</c>), as is an id given twice (<c>DuplicateLineId</c>) or on a new bill (<c>LineIdOnCreate</c>).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>What was bought; required.</summary>
    public required string Description { get; init; }

    /// <summary>How many; may be fractional or negative.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The price of one, in the bill currency; may be negative.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>The expense category or account to book it to.</summary>
    public string? CategoryId { get; init; }

    /// <summary>Taxes on the line, at most two.</summary>
    public IReadOnlyList<LineTax> Taxes { get; init; } = [];
}

/// <summary>The lifecycle of a bill. A provider value Ledgerline does not know maps to <see cref="Unknown"/>.</summary>
public enum BillStatus
{
    /// <summary>A provider status Ledgerline does not recognise.</summary>
    Unknown = 0,

    /// <summary>Entered but not yet approved for payment (Xero <c>DRAFT</c>/<c>SUBMITTED</c>).</summary>
    Draft,

    /// <summary>Approved, nothing paid (FreshBooks <c>unpaid</c>, Xero <c>AUTHORISED</c>).</summary>
    Open,

    /// <summary>Some but not all paid.</summary>
    PartiallyPaid,

    /// <summary>Paid in full.</summary>
    Paid,

    /// <summary>Past its due date and not paid in full.</summary>
    Overdue,

    /// <summary>Cancelled.</summary>
    Void,
}

/// <summary>Helpers for <see cref="BillStatus"/>.</summary>
public static class BillStatusExtensions
{
    /// <summary>The statuses of bills that still need paying.</summary>
    public static IReadOnlySet<BillStatus> Unpaid { get; } = new HashSet<BillStatus>
    {
        BillStatus.Draft, BillStatus.Open, BillStatus.PartiallyPaid, BillStatus.Overdue,
    };
}

/// <summary>The input that records a <see cref="Bill"/>, approved for payment. Totals are computed, never given.</summary>
public sealed record NewBill
{
    /// <summary>The vendor; must exist. A bill without one is refused.</summary>
    public required string VendorId { get; init; }

    /// <summary>The currency of every line.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The bill's date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>When it must be paid; not before <see cref="IssueDate"/>.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The vendor's bill number.</summary>
    public string? Number { get; init; }

    /// <summary>At least one line, priced in <see cref="Currency"/>.</summary>
    public required IReadOnlyList<NewBillLine> Lines { get; init; }

    /// <summary>
    /// Whether the lines' unit prices include their tax (Xero <c>LineAmountTypes</c> <c>Inclusive</c>): a line of
    /// quantity 1 at 500.00 with 15 % tax then totals 500.00 (434.78 + 65.22), not 575.00. The bill read back is as
    /// <see cref="Bill.UnitPricesIncludeTax"/> defines it: line amounts and totals stay tax-exclusive, so only "quantity ×
    /// unit price = amount" differs. Taken by providers whose store capabilities declare
    /// <see cref="StoreCapabilities.TaxInclusivePrices"/> (Xero; with no tax on any line Xero keeps the bill without tax,
    /// read back <see langword="false"/>); any other provider (FreshBooks, InMemory) refuses <see langword="true"/> before
    /// any request (<see cref="LedgerValidationException"/> on <c>UnitPricesIncludeTax</c>, code
    /// <c>NotSupportedByProvider</c>).
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Changes to a <see cref="Bill"/>: a <see langword="null"/> property is left as it is.</summary>
public sealed record BillChanges
{
    /// <summary>New number.</summary>
    public string? Number { get; init; }

    /// <summary>New date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>New due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>
    /// Replaces every line: a current line not given back is removed; one given back with its <see cref="NewBillLine.Id"/>
    /// keeps what the provider holds beyond the canonical fields.
    /// </summary>
    public IReadOnlyList<NewBillLine>? Lines { get; init; }

    /// <summary>
    /// Whether the unit prices of <see cref="Lines"/> include their tax, as on <see cref="NewBill.UnitPricesIncludeTax"/>;
    /// <see langword="null"/> keeps the bill's own, so lines read and given back (<c>ToNewLine()</c>) keep every total.
    /// Only together with <see cref="Lines"/>: changing it alone would re-price the current lines, so it is refused
    /// before any request. A provider without <see cref="StoreCapabilities.TaxInclusivePrices"/> refuses
    /// <see langword="true"/> (code <c>NotSupportedByProvider</c>); <see langword="false"/> asks for nothing new there.
    /// </summary>
    public bool? UnitPricesIncludeTax { get; init; }

    /// <summary>New notes; an empty string clears them.</summary>
    public string? Notes { get; init; }
}

/// <summary>Filters for listing bills.</summary>
public sealed record BillQuery : RecordQuery<Bill>
{
    /// <summary>Only bills from this vendor.</summary>
    public string? VendorId { get; init; }

    /// <summary>Only bills in one of these statuses; an empty set would select nothing and is refused as invalid.</summary>
    public IReadOnlySet<BillStatus>? Statuses { get; init; }

    /// <summary>Only bills dated in this range.</summary>
    public DateRange? IssueDate { get; init; }

    /// <summary>Only bills due in this range (bills without a due date never match).</summary>
    public DateRange? DueDate { get; init; }

    /// <summary>Bills that still need paying.</summary>
    public static BillQuery Unpaid() => new() { Statuses = BillStatusExtensions.Unpaid };

    /// <inheritdoc />
    protected override bool MatchesFilters(Bill record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (VendorId is not { } vendorId || record.VendorId == vendorId) &&
            (Statuses is not { } statuses || statuses.Contains(record.Status)) &&
            (IssueDate is not { } issued || issued.Contains(record.IssueDate)) &&
            (DueDate is not { } due || (record.DueDate is { } dueDate && due.Contains(dueDate)));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(VendorId), VendorId);
        QueryFilter.Add(filters, nameof(Statuses), Statuses);
        QueryFilter.Add(filters, nameof(IssueDate), IssueDate);
        QueryFilter.Add(filters, nameof(DueDate), DueDate);
    }
}

/// <summary>Bills from vendors (FreshBooks bills, Xero <c>ACCPAY</c> invoices).</summary>
public interface IBillStore : ILedgerStore<Bill, NewBill, BillChanges, BillQuery>;
