using Ledgerline.FreshBooks.Api;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// A wire estimate with its lines and amounts read once, exactly as an invoice's (<see cref="PricedInvoice"/>: FreshBooks
/// computes both the same way), and its required values checked: a missing id, client, issue date or status fails here,
/// before mapping, and never becomes a placeholder.
/// </summary>
/// <param name="Wire">The estimate as FreshBooks sent it.</param>
/// <param name="Id">The estimate id.</param>
/// <param name="ContactId">The client id.</param>
/// <param name="IssueDate">The issue date (<c>create_date</c>).</param>
/// <param name="Status">The canonical status.</param>
/// <param name="Priced">The lines and amounts.</param>
internal sealed record PricedEstimate(
    EstimateWire Wire, string Id, string ContactId, DateOnly IssueDate, EstimateStatus Status, PricedInvoice Priced)
{
    /// <summary>Reads the required values, lines and amounts of a wire estimate.</summary>
    public static PricedEstimate Of(EstimateWire estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var id = FreshBooksValues.Reference(estimate.Id ?? estimate.EstimateId)
            ?? throw new FormatException("The estimate carries no id.");
        var contact = FreshBooksValues.Reference(estimate.CustomerId)
            ?? throw new FormatException($"Estimate {id} carries no customerid.");
        var issued = FreshBooksValues.Date(estimate.CreateDate)
            ?? throw new FormatException($"Estimate {id} has create_date {FreshBooksValues.Quote(estimate.CreateDate)}, not a YYYY-MM-DD date.");
        var status = EstimateStatusMapping.Map(estimate.UiStatus, estimate.Status);

        // The line and total arithmetic is the invoice's; an estimate has no payments.
        var priced = PricedInvoice.Of(new InvoiceWire
        {
            CurrencyCode = estimate.CurrencyCode,
            Amount = estimate.Amount,
            DiscountTotal = estimate.DiscountTotal,
            DiscountValue = estimate.DiscountValue,
            Lines = estimate.Lines,
        }, payable: false);
        return new PricedEstimate(estimate, id, contact, issued, status, priced);
    }

    /// <summary>The invoice made from the estimate: the first live one its <c>invoices</c> include lists.</summary>
    public static string? InvoiceIdOf(EstimateWire estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.Invoices is not { Count: > 0 } invoices)
        {
            return null;
        }

        var first = invoices[0] ?? throw new FormatException("The first invoice listed on the estimate (invoices[0]) is null.");
        return FreshBooksValues.Reference(first.Id ?? first.InvoiceId)
            ?? throw new FormatException("An invoice listed on the estimate carries no id.");
    }
}
