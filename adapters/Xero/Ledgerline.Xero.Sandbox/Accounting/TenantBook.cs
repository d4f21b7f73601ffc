using Ledgerline.Xero.Sandbox.Accounting.Model;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// One organisation's books. Every read and write of its records takes <see cref="Gate"/>, so a batch is applied
/// element by element without interleaving with other requests to the same tenant.
/// </summary>
internal sealed class TenantBook(SandboxTenant tenant, TimeZoneInfo zone, IReadOnlyDictionary<string, decimal> currencyRates)
{
    public SandboxTenant Tenant { get; } = tenant;

    public Lock Gate { get; } = new();

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Currencies the organisation trades in, with a fixed rate per unit of base currency (the base currency is 1).</summary>
    public IReadOnlyDictionary<string, decimal> CurrencyRates { get; } = currencyRates;

    /// <summary>The organisation's own postal (<c>POBOX</c>) and street addresses, as <c>/Organisation</c> reports them.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    public EntityStore<Contact> Contacts { get; } = new();

    public EntityStore<Invoice> Invoices { get; } = new();

    public EntityStore<Payment> Payments { get; } = new();

    public EntityStore<CreditNote> CreditNotes { get; } = new();

    public EntityStore<BankTransaction> BankTransactions { get; } = new();

    public EntityStore<Quote> Quotes { get; } = new();

    public EntityStore<Item> Items { get; } = new();

    public EntityStore<Account> Accounts { get; } = new();

    public EntityStore<TaxRate> TaxRates { get; } = new();

    /// <summary>Default tax types when a line names neither a tax type nor an account with one.</summary>
    public required string DefaultSalesTax { get; init; }

    public required string DefaultPurchasesTax { get; init; }

    public int NextInvoiceNumber { get; set; } = 1;

    public int NextCreditNoteNumber { get; set; } = 1;

    public int NextQuoteNumber { get; set; } = 1;

    /// <summary>"Today" in the organisation's time zone: Xero's default for <c>Invoice.Date</c>.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    public TaxRate? TaxRate(string? taxType) =>
        taxType is null ? null : TaxRates.All.FirstOrDefault(t => string.Equals(t.TaxType, taxType, StringComparison.OrdinalIgnoreCase));

    public Account? AccountByCode(string? code) =>
        code is null ? null : Accounts.All.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase) && a.Status != "DELETED");

    /// <summary>The next free <c>INV-0001</c>-style number for a sales invoice.</summary>
    public string TakeInvoiceNumber()
    {
        while (true)
        {
            var candidate = "INV-" + NextInvoiceNumber++.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (!Invoices.All.Any(i => i.Type == "ACCREC" && string.Equals(i.InvoiceNumber, candidate, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }
    }

    /// <summary>The next free <c>CN-0001</c>-style number for a customer credit note.</summary>
    public string TakeCreditNoteNumber()
    {
        while (true)
        {
            var candidate = "CN-" + NextCreditNoteNumber++.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (!CreditNotes.All.Any(c => c.Type == "ACCRECCREDIT" && string.Equals(c.CreditNoteNumber, candidate, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }
    }

    /// <summary>The next free <c>QU-0001</c>-style quote number.</summary>
    public string TakeQuoteNumber()
    {
        while (true)
        {
            var candidate = "QU-" + NextQuoteNumber++.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (!Quotes.All.Any(q => string.Equals(q.QuoteNumber, candidate, StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }
    }
}
