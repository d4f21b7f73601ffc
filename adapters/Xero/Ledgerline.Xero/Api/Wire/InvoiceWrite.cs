namespace Ledgerline.Xero.Api;

/// <summary>An invoice as Ledgerline writes it; a null member is left out, so Xero keeps its value.</summary>
internal sealed record InvoiceWrite
{
    public string? InvoiceID { get; init; }

    public string? Type { get; init; }

    public ContactRefWrite? Contact { get; init; }

    public string? Date { get; init; }

    public string? DueDate { get; init; }

    public string? InvoiceNumber { get; init; }

    public string? Reference { get; init; }

    public string? CurrencyCode { get; init; }

    public string? LineAmountTypes { get; init; }

    public IReadOnlyList<LineItemWrite>? LineItems { get; init; }

    public string? Status { get; init; }

    public bool? SentToContact { get; init; }
}

/// <summary>The contact a written document names, by id.</summary>
internal sealed record ContactRefWrite(string ContactID);

/// <summary>One invoice line to write.</summary>
internal sealed record LineItemWrite
{
    /// <summary>The current line this one replaces (Xero keeps its id and what else it holds on the line); null for a new line.</summary>
    public string? LineItemID { get; init; }

    public string? Description { get; init; }

    /// <summary>The item the line sells; written only when an invoice is made from a quote line that names one.</summary>
    public string? ItemCode { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal UnitAmount { get; init; }

    public string? AccountCode { get; init; }

    public string? TaxType { get; init; }

    public decimal? DiscountRate { get; init; }

    /// <summary>A fixed line discount; written only when an invoice is made from a quote line that has one.</summary>
    public decimal? DiscountAmount { get; init; }

    /// <summary>
    /// The line's tax as Xero holds it, written back only for a current line given back unchanged, so a tax amount
    /// overridden in Xero is kept (Xero computes the tax of a line written without one).
    /// </summary>
    public decimal? TaxAmount { get; init; }
}

/// <summary>The body of an invoice write: Xero's plural envelope with one element.</summary>
internal sealed record InvoicesBody(IReadOnlyList<InvoiceWrite> Invoices);
