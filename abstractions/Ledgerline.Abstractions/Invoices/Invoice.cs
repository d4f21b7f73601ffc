namespace Ledgerline;

/// <summary>
/// An invoice. Its totals are always consistent: the line amounts sum to <see cref="Subtotal"/>;
/// <see cref="Subtotal"/> − <see cref="Discount"/> + <see cref="Tax"/> = <see cref="Total"/>;
/// <see cref="Total"/> − <see cref="AmountPaid"/> = <see cref="AmountDue"/>. The discount applies before tax.
/// </summary>
public sealed record Invoice : LedgerRecord
{
    /// <summary>The invoice number shown to the customer.</summary>
    public string? Number { get; init; }

    /// <summary>The id of the <see cref="Contact"/> invoiced.</summary>
    public required string ContactId { get; init; }

    /// <summary>Where the invoice is in its business lifecycle.</summary>
    public InvoiceStatus Status { get; init; }

    /// <summary>The provider's own status value, kept as received (e.g. FreshBooks' <c>v3_status</c>).</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>The date the invoice is issued.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>The date payment is due.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The invoice currency; every amount on it is in this currency.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>The lines, in order.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; init; } = [];

    /// <summary>
    /// Whether the lines' <see cref="InvoiceLine.UnitPrice"/> include tax, as the provider keeps them (Xero invoices with
    /// <c>LineAmountTypes</c> <c>Inclusive</c>). The line <see cref="InvoiceLine.Amount"/>s are then the amounts less the
    /// tax each line bears, so the identities above hold with the provider's own figures; only "quantity × unit price =
    /// amount" does not. A discount on such an invoice is taken, as Xero takes it, off the tax-inclusive amounts, and tax is
    /// computed on what is left: <see cref="Discount"/> is that tax-inclusive discount (Xero's <c>TotalDiscount</c>) and a
    /// discounted line's amount is its amount before discount less the tax it bears after it (1 × 100.00 incl. 15 % less
    /// 10 %: amount 88.26, discount 10.00, tax 11.74, total 90.00). Without a discount the line amounts and subtotal are
    /// tax-exclusive; with one, Subtotal − Discount is (the provider's subtotal after discount, 78.26). Ledgerline never
    /// divides out a tax the provider did not (86.96 would be such a figure). <see langword="false"/> for providers whose
    /// prices exclude tax (FreshBooks, InMemory) and for every invoice created without
    /// <see cref="NewInvoice.UnitPricesIncludeTax"/>.
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>
    /// The discount as a percentage (10 means 10 %), applied before tax: of the subtotal, or of the tax-inclusive amounts
    /// when <see cref="UnitPricesIncludeTax"/>. Where the provider discounts lines differently (Xero lines with different
    /// rates or amounts), the discount's share of the amounts before discount, rounded to 4 decimal places.
    /// </summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>Sum of the line amounts.</summary>
    public required Money Subtotal { get; init; }

    /// <summary>
    /// The discount taken off the subtotal (a positive amount); tax-inclusive when <see cref="UnitPricesIncludeTax"/>, as
    /// the provider takes it (see there).
    /// </summary>
    public required Money Discount { get; init; }

    /// <summary>Tax, computed on the discounted line amounts.</summary>
    public required Money Tax { get; init; }

    /// <summary>Subtotal − discount + tax.</summary>
    public required Money Total { get; init; }

    private readonly Money _amountCredited;

    /// <summary>What has been paid.</summary>
    public required Money AmountPaid { get; init; }

    /// <summary>
    /// What credit notes have settled (<see cref="ICreditNoteStore.AllocateAsync(string, NewCreditAllocation, CancellationToken)"/>; Xero <c>AmountCredited</c>). Zero in
    /// the invoice currency for providers that settle credit as payments (FreshBooks: a payment of type Credit, counted in
    /// <see cref="AmountPaid"/>).
    /// </summary>
    public Money AmountCredited
    {
        get => _amountCredited.Currency.IsDefault ? Money.Zero(Currency) : _amountCredited;
        init => _amountCredited = value;
    }

    /// <summary>
    /// Total − paid − credited, signed: negative when the total is negative (a credit entered as an invoice) or more than
    /// the total was paid. Providers that never show less than zero due (FreshBooks' <c>outstanding</c>) keep that figure in
    /// <see cref="LedgerRecord.RawRepresentation"/>; a payment on an invoice with nothing due is refused before any request.
    /// </summary>
    public required Money AmountDue { get; init; }

    /// <summary>Notes shown on the invoice.</summary>
    public string? Notes { get; init; }

    /// <summary>Payment terms shown on the invoice.</summary>
    public string? Terms { get; init; }
}

/// <summary>
/// One line of an invoice, estimate or credit note. Every line a provider returns can be given back unchanged in a change
/// (<see cref="ToNewLine"/>): amounts may be negative (a deposit or credit line), as providers allow.
/// </summary>
public sealed record InvoiceLine
{
    /// <summary>
    /// The provider's id for the line within its document (FreshBooks <c>lineid</c>, Xero <c>LineItemID</c>), or
    /// <see langword="null"/> when the provider gives lines none. It names the line until the document's lines next change
    /// (FreshBooks renumbers them then). Give it back in <see cref="NewInvoiceLine.Id"/> to change this line rather than add a
    /// new one, so the provider keeps what only it knows about the line.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Short name of what is billed.</summary>
    public required string Name { get; init; }

    /// <summary>Longer description.</summary>
    public string? Description { get; init; }

    /// <summary>Quantity; may be fractional or negative.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Price of one unit; negative for a deposit, credit or other reduction entered as a line.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>
    /// Quantity × unit price, before discount and without tax; negative when exactly one of them is. When
    /// <see cref="Invoice.UnitPricesIncludeTax"/>, that amount less the tax the line bears (after the line's discount,
    /// where it has one: see <see cref="Invoice.UnitPricesIncludeTax"/>).
    /// </summary>
    public required Money Amount { get; init; }

    /// <summary>Taxes applied to this line (at most two on FreshBooks).</summary>
    public IReadOnlyList<LineTax> Taxes { get; init; } = [];

    /// <summary>
    /// This line as the line of a change (<see cref="InvoiceChanges.Lines"/>, <see cref="EstimateChanges.Lines"/>,
    /// <see cref="CreditNoteChanges.Lines"/>) that keeps it as it is, <see cref="Id"/> included: change what you need with
    /// <c>with { … }</c>. For a new document, drop the id (<c>with { Id = null }</c>).
    /// </summary>
    public NewInvoiceLine ToNewLine() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        Quantity = Quantity,
        UnitPrice = UnitPrice,
        Taxes = Taxes,
    };
}

/// <summary>A tax applied to an invoice line.</summary>
/// <param name="Name">The tax's name, e.g. <c>HST</c>.</param>
/// <param name="Percent">The rate in percent (13 means 13 %).</param>
public sealed record LineTax(string Name, decimal Percent)
{
    /// <summary>
    /// The <see cref="TaxRate"/> this tax was taken from, when the provider links them (Xero's <c>TaxType</c>); the name
    /// and percent on the line stay what the document was issued with. A given id must exist.
    /// </summary>
    public string? TaxRateId { get; init; }
}

/// <summary>
/// The business lifecycle of an invoice, a small closed set. A provider value Ledgerline does not know maps to
/// <see cref="Unknown"/> (never an exception); the raw value stays in <see cref="Invoice.ProviderStatus"/>.
/// </summary>
public enum InvoiceStatus
{
    /// <summary>A provider status Ledgerline does not recognise.</summary>
    Unknown = 0,

    /// <summary>Created, not yet sent.</summary>
    Draft,

    /// <summary>Sent to the customer, nothing paid.</summary>
    Sent,

    /// <summary>Opened by the customer, nothing paid.</summary>
    Viewed,

    /// <summary>Some but not all of the total paid.</summary>
    PartiallyPaid,

    /// <summary>Paid in full.</summary>
    Paid,

    /// <summary>Past its due date and not paid in full.</summary>
    Overdue,

    /// <summary>Disputed by the customer.</summary>
    Disputed,

    /// <summary>
    /// Cancelled after it was issued, with nothing paid (<c>IInvoiceStore.VoidAsync</c>): kept for the record with its
    /// amounts, expects no money, and can no longer be changed or paid.
    /// </summary>
    Void,
}

/// <summary>Helpers for <see cref="InvoiceStatus"/>.</summary>
public static class InvoiceStatusExtensions
{
    /// <summary>The statuses of invoices that still expect money: every known status but <see cref="InvoiceStatus.Paid"/> and <see cref="InvoiceStatus.Void"/>.</summary>
    public static IReadOnlySet<InvoiceStatus> Unpaid { get; } = new HashSet<InvoiceStatus>
    {
        InvoiceStatus.Draft, InvoiceStatus.Sent, InvoiceStatus.Viewed, InvoiceStatus.PartiallyPaid,
        InvoiceStatus.Overdue, InvoiceStatus.Disputed,
    };

    /// <summary>Whether an invoice in this status still expects money.</summary>
    public static bool IsUnpaid(this InvoiceStatus status) => Unpaid.Contains(status);
}

/// <summary>The input that creates an <see cref="Invoice"/>. Totals are computed, never given.</summary>
public sealed record NewInvoice
{
    /// <summary>The contact invoiced.</summary>
    public required string ContactId { get; init; }

    /// <summary>The invoice currency; every line's unit price must be in it.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>Issue date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>Due date; not before <see cref="IssueDate"/>.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Invoice number; the provider assigns one when omitted.</summary>
    public string? Number { get; init; }

    /// <summary>At least one line.</summary>
    public required IReadOnlyList<NewInvoiceLine> Lines { get; init; }

    /// <summary>Discount percentage, 0 to 100, applied before tax.</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>
    /// Whether the lines' unit prices include their tax (Xero <c>LineAmountTypes</c> <c>Inclusive</c>): a line of
    /// quantity 1 at 500.00 with 15 % tax then totals 500.00 (434.78 + 65.22), not 575.00. The invoice read back is as
    /// <see cref="Invoice.UnitPricesIncludeTax"/> defines it: line amounts and totals stay tax-exclusive, so only "quantity ×
    /// unit price = amount" differs; with <c>DiscountPercent</c>, the discount is taken off the tax-inclusive amounts,
    /// as Xero takes it (see <see cref="Invoice.UnitPricesIncludeTax"/>). Taken by providers whose store capabilities declare
    /// <see cref="StoreCapabilities.TaxInclusivePrices"/> (Xero; with no tax on any line Xero keeps the invoice without tax,
    /// read back <see langword="false"/>); any other provider (FreshBooks, InMemory) refuses <see langword="true"/> before
    /// any request (<see cref="LedgerValidationException"/> on <c>UnitPricesIncludeTax</c>, code
    /// <c>NotSupportedByProvider</c>).
    /// </summary>
    public bool UnitPricesIncludeTax { get; init; }

    /// <summary>Notes shown on the invoice.</summary>
    public string? Notes { get; init; }

    /// <summary>Payment terms shown on the invoice.</summary>
    public string? Terms { get; init; }
}

/// <summary>A line of a new or changed invoice, estimate or credit note.</summary>
public sealed record NewInvoiceLine
{
    /// <summary>
    /// In a change's <c>Lines</c>: the <see cref="InvoiceLine.Id"/> of a current line that this line replaces, or
    /// <see langword="null"/> for a new line. The line's canonical fields are all taken from here; what the provider keeps
    /// beyond them (FreshBooks: a rebilled expense line's <c>type</c> and <c>expenseid</c>, the <c>compounded_tax</c> flag) is
    /// kept from the current line. An id the document does not have is refused (<see cref="LedgerValidationException"/>,
    /// code <c>UnknownLine</c>), as is an id given twice (<c>DuplicateLineId</c>) or on a new document (<c>LineIdOnCreate</c>).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Short name; required.</summary>
    public required string Name { get; init; }

    /// <summary>Longer description.</summary>
    public string? Description { get; init; }

    /// <summary>Quantity; may be fractional or negative.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Unit price in the document currency; may be negative (a deposit or credit line).</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>Taxes, at most two, each 0 to 100 percent.</summary>
    public IReadOnlyList<LineTax> Taxes { get; init; } = [];
}

/// <summary>Changes to an <see cref="Invoice"/>: a <see langword="null"/> property is left as it is.</summary>
public sealed record InvoiceChanges
{
    /// <summary>New contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>New number.</summary>
    public string? Number { get; init; }

    /// <summary>New issue date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>New due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>New currency; when set, <see cref="Lines"/> must be given in it too.</summary>
    public CurrencyCode? Currency { get; init; }

    /// <summary>
    /// Replaces every line: a current line not given back is removed. Give a line back with its
    /// <see cref="NewInvoiceLine.Id"/> (<see cref="InvoiceLine.ToNewLine"/>) to keep what the provider holds beyond the
    /// canonical fields.
    /// </summary>
    public IReadOnlyList<NewInvoiceLine>? Lines { get; init; }

    /// <summary>New discount percentage.</summary>
    public decimal? DiscountPercent { get; init; }

    /// <summary>
    /// Whether the unit prices of <see cref="Lines"/> include their tax, as on <see cref="NewInvoice.UnitPricesIncludeTax"/>;
    /// <see langword="null"/> keeps the invoice's own, so lines read and given back (<c>ToNewLine()</c>) keep every total.
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

/// <summary>Filters for listing invoices.</summary>
public sealed record InvoiceQuery : RecordQuery<Invoice>
{
    /// <summary>Only invoices for this contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Only invoices in one of these statuses (e.g. <see cref="InvoiceStatusExtensions.Unpaid"/>); an empty set would select nothing and is refused as invalid.</summary>
    public IReadOnlySet<InvoiceStatus>? Statuses { get; init; }

    /// <summary>Only invoices issued in this range.</summary>
    public DateRange? IssueDate { get; init; }

    /// <summary>Only invoices due in this range.</summary>
    public DateRange? DueDate { get; init; }

    /// <summary>A query for invoices that still expect money.</summary>
    public static InvoiceQuery Unpaid() => new() { Statuses = InvoiceStatusExtensions.Unpaid };

    /// <inheritdoc />
    protected override bool MatchesFilters(Invoice record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (ContactId is not { } contactId || record.ContactId == contactId) &&
            (Statuses is not { } statuses || statuses.Contains(record.Status)) &&
            (IssueDate is not { } issued || issued.Contains(record.IssueDate)) &&
            (DueDate is not { } due || (record.DueDate is { } dueDate && due.Contains(dueDate)));
    }

    /// <inheritdoc />
    protected override void AddFilters(ICollection<QueryFilter> filters)
    {
        QueryFilter.Add(filters, nameof(ContactId), ContactId);
        QueryFilter.Add(filters, nameof(Statuses), Statuses);
        QueryFilter.Add(filters, nameof(IssueDate), IssueDate);
        QueryFilter.Add(filters, nameof(DueDate), DueDate);
    }
}

/// <summary>Invoices.</summary>
public interface IInvoiceStore : ILedgerStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>
{
    /// <summary>
    /// Marks a draft invoice as sent without sending anything (FreshBooks <c>action_mark_as_sent</c>; Xero
    /// <c>SentToContact</c>), e.g. after you delivered it yourself. An invoice already past draft is returned unchanged.
    /// Needs <see cref="StoreOperations.MarkSent"/>; a provider without it is refused before any request.
    /// </summary>
    /// <exception cref="RecordNotFoundException">No invoice has this id.</exception>
    /// <exception cref="RecordDeletedException">The invoice is deleted.</exception>
    Task<Invoice> MarkAsSentAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.Invoice, nameof(StoreOperations.MarkSent));

    /// <summary>
    /// Voids an issued invoice that has nothing paid against it: its status becomes <see cref="InvoiceStatus.Void"/>, its
    /// amounts stay for the record, and it can no longer be changed or paid (Xero <c>VOIDED</c>; a draft is deleted
    /// instead). Needs <see cref="StoreOperations.Void"/>; FreshBooks has no void, so it is refused there before any request.
    /// </summary>
    /// <exception cref="RecordNotFoundException">No invoice has this id.</exception>
    /// <exception cref="RecordDeletedException">The invoice is deleted.</exception>
    /// <exception cref="LedgerValidationException">The invoice is a draft, has payments, or is already paid (code <c>InvoiceNotVoidable</c>).</exception>
    Task<Invoice> VoidAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(GetType().Name, EntityKind.Invoice, nameof(StoreOperations.Void));
}
