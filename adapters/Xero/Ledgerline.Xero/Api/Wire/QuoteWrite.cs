namespace Ledgerline.Xero.Api;

/// <summary>A quote as Ledgerline writes it; a null member is left out, so Xero keeps its value.</summary>
internal sealed record QuoteWrite
{
    public string? QuoteID { get; init; }

    public ContactRefWrite? Contact { get; init; }

    public string? Date { get; init; }

    public string? ExpiryDate { get; init; }

    public string? QuoteNumber { get; init; }

    public string? Summary { get; init; }

    public string? Terms { get; init; }

    public string? CurrencyCode { get; init; }

    /// <summary>Xero's quote enum, upper-case: <c>EXCLUSIVE</c> or <c>NOTAX</c> as Ledgerline writes them.</summary>
    public string? LineAmountTypes { get; init; }

    public IReadOnlyList<LineItemWrite>? LineItems { get; init; }

    public string? Status { get; init; }
}

/// <summary>The body of a quote write: Xero's plural envelope with one element.</summary>
internal sealed record QuotesBody(IReadOnlyList<QuoteWrite> Quotes);
