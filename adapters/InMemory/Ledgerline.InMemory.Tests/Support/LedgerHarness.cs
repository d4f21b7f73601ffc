using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ledgerline.InMemory.Tests.Support;

/// <summary>A fresh service provider with the in-memory provider on a fake clock, and helpers to make valid records.</summary>
public sealed class LedgerHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public LedgerHarness(Action<InMemoryOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLedgerline().AddInMemory(configure);
        Services = services.BuildServiceProvider();
        Ledger = Factory.Open("tenant-a");
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public ServiceProvider Services { get; }

    public ILedgerFactory Factory => Services.GetRequiredService<ILedgerFactory>();

    /// <summary>The guarded ledger, as applications get it.</summary>
    public ILedger Ledger { get; }

    public static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    public static Money Cad(decimal amount) => new(amount, CurrencyCode.CAD);

    public static NewInvoiceLine Line(decimal quantity, Money unitPrice, params LineTax[] taxes) =>
        new() { Name = "Work", Quantity = quantity, UnitPrice = unitPrice, Taxes = taxes };

    public Task<Contact> ContactAsync(string organization = "Acme", string? email = null) =>
        Ledger.Contacts.CreateAsync(new NewContact { Organization = organization, Email = email });

    public async Task<Invoice> InvoiceAsync(
        decimal discountPercent = 0m, string? contactId = null, DateOnly? issued = null, DateOnly? due = null, params NewInvoiceLine[] lines)
    {
        contactId ??= (await ContactAsync()).Id;
        return await Ledger.Invoices.CreateAsync(new NewInvoice
        {
            ContactId = contactId,
            Currency = lines.Length > 0 ? lines[0].UnitPrice.Currency : CurrencyCode.USD,
            IssueDate = issued ?? new DateOnly(2024, 5, 1),
            DueDate = due,
            DiscountPercent = discountPercent,
            Lines = lines.Length > 0 ? lines : [Line(1m, Usd(100m))],
        });
    }

    public Task<Payment> PayAsync(Invoice invoice, decimal amount, DateOnly? date = null) =>
        Ledger.Payments.CreateAsync(new NewPayment
        {
            InvoiceId = invoice.Id,
            Amount = new Money(amount, invoice.Currency),
            Date = date ?? new DateOnly(2024, 5, 10),
        });

    public static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    public void Dispose() => Services.Dispose();
}
