namespace Ledgerline.ConformanceTests;

/// <summary>Ids the suites use.</summary>
internal static class ConformanceIds
{
    /// <summary>An id no record has; numeric so providers with numeric ids treat it as well-formed.</summary>
    public const string Missing = "987654321";
}

/// <summary>Small, valid inputs the suites build on. Dates are fixed so results never depend on the day the suite runs.</summary>
internal static class Samples
{
    public static readonly DateOnly Day = new(2025, 3, 10);

    public static readonly DateTimeOffset Morning = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

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

    /// <summary>A one-line USD invoice with no due date (so it can never turn overdue) for <paramref name="total"/>.</summary>
    public static NewInvoice Invoice(string contactId, decimal total = 100m, DateOnly? issueDate = null) => new()
    {
        ContactId = contactId,
        Currency = CurrencyCode.USD,
        IssueDate = issueDate ?? Day,
        Lines = [Line("Consulting", 1m, total)],
    };

    public static NewPayment Payment(string invoiceId, decimal amount, DateOnly? date = null) => new()
    {
        InvoiceId = invoiceId,
        Amount = Usd(amount),
        Date = date ?? Day,
    };

    public static NewExpense Expense(int n, DateOnly? date = null) => new()
    {
        Amount = Usd(10m + n),
        Date = date ?? Day,
        Vendor = $"Vendor {n}",
    };

    public static NewTimeEntry TimeEntry(int n, DateTimeOffset? startedAt = null) => new()
    {
        StartedAt = startedAt ?? Morning.AddHours(n),
        Duration = TimeSpan.FromMinutes(30),
        Note = $"Work {n}",
    };

    public static NewTaxRate TaxRate(int n) => new()
    {
        Name = $"Tax {n}",
        Percent = 5m + n,
    };

    /// <summary>
    /// An item with a code and no price: the shared state, paging and query tests need some item, and Xero keeps item
    /// prices only in the organisation's base currency (prices are tested on their own, in the item suite).
    /// </summary>
    public static NewItem Item(int n) => new()
    {
        Name = $"Item {n}",
        Code = $"SKU-{n}",
    };

    /// <summary>A one-line USD estimate without an expiry date (not every provider keeps one).</summary>
    public static NewEstimate Estimate(string contactId, decimal total = 100m) => new()
    {
        ContactId = contactId,
        Currency = CurrencyCode.USD,
        IssueDate = Day,
        Lines = [Line("Proposal", 1m, total)],
    };

    /// <summary>A one-line USD credit note for <paramref name="total"/>.</summary>
    public static NewCreditNote CreditNote(string contactId, decimal total = 30m) => new()
    {
        ContactId = contactId,
        Currency = CurrencyCode.USD,
        IssueDate = Day,
        Lines = [Line("Goodwill credit", 1m, total)],
    };

    public static NewVendor Vendor(int n) => new()
    {
        Name = $"Supplier {n} Ltd",
        Email = $"billing{n}@supplier.example",
        Currency = CurrencyCode.USD,
    };

    /// <summary>A one-line USD bill for <paramref name="total"/>, due in 30 days.</summary>
    public static NewBill Bill(string vendorId, decimal total = 100m) => new()
    {
        VendorId = vendorId,
        Currency = CurrencyCode.USD,
        IssueDate = Day,
        DueDate = Day.AddDays(30),
        Lines = [new NewBillLine { Description = "Office supplies", Quantity = 1m, UnitPrice = Usd(total) }],
    };

    public static NewBillPayment BillPayment(string billId, decimal amount) => new()
    {
        BillId = billId,
        Amount = Usd(amount),
        Date = Day,
    };

    public static NewProject Project(int n) => new()
    {
        Name = $"Project {n}",
        Description = $"Work package {n}",
        BillingMethod = ProjectBillingMethod.Hourly,
        HourlyRate = Usd(120m),
    };
}
