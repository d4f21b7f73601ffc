namespace Ledgerline.Xero.ConformanceTests;

/// <summary>
/// The suite's sample inputs, restated for the Xero deviations (the suite's own samples are internal to it): the same
/// day, currency and shapes, so each deviation changes only what Xero cannot take.
/// </summary>
internal static class Samples
{
    public static readonly DateOnly Day = new(2025, 3, 10);

    public static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    /// <summary>The sandbox organisation's base currency, in which Xero keeps item prices.</summary>
    public static Money Nzd(decimal amount) => new(amount, CurrencyCode.Parse("NZD"));

    public static NewContact Contact(int n) => new()
    {
        FirstName = "Ada",
        LastName = $"Conformance{n}",
        Email = $"ada.conformance{n}@example.com",
    };

    public static NewInvoiceLine Line(string name, decimal quantity, decimal unitPrice, params LineTax[] taxes) => new()
    {
        Name = name,
        Quantity = quantity,
        UnitPrice = Usd(unitPrice),
        Taxes = taxes,
    };

    public static NewInvoice Invoice(string contactId, decimal total = 100m) => new()
    {
        ContactId = contactId,
        Currency = CurrencyCode.USD,
        IssueDate = Day,
        Lines = [Line("Consulting", 1m, total)],
    };

    public static NewPayment Payment(string invoiceId, decimal amount) => new()
    {
        InvoiceId = invoiceId,
        Amount = Usd(amount),
        Date = Day,
    };
}
