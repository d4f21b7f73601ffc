using System.Globalization;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Hosting;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary>
/// Builds the two default organisations (a New Zealand one in NZD with 15 % GST, an Australian one in AUD with 10 % GST)
/// and their deterministic data: the same seed gives the same tenant ids, record ids, names and amounts.
/// </summary>
internal sealed class Seeder(int seed)
{
    private readonly Random _random = new(seed);

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, like the GUIDs Xero hands out
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public IReadOnlyList<TenantBook> CreateBooks(DateTimeOffset now)
    {
        var nz = new TenantBook(
            new SandboxTenant(NextGuid(), "Ledgerline Demo NZ", "NZD", "NZ", "NEWZEALANDSTANDARDTIME", "!LLnz1"),
            Zone("Pacific/Auckland", "New Zealand Standard Time"),
            new Dictionary<string, decimal>(StringComparer.Ordinal) { ["NZD"] = 1m, ["AUD"] = 0.920000m, ["USD"] = 0.590000m })
        {
            DefaultSalesTax = "OUTPUT2",
            DefaultPurchasesTax = "INPUT2",
            Addresses =
            [
                new Address("POBOX", "PO Box 1010", "Shortland Street", "Auckland", "Auckland", "1140", "New Zealand", null),
                new Address("STREET", "1 Queen Street", null, "Auckland", "Auckland", "1010", "New Zealand", null),
            ],
        };
        foreach (var t in new[]
        {
            Tax("15% GST on Expenses", "INPUT2", 15m, "INPUT", false, true, "GST"),
            Tax("15% GST on Income", "OUTPUT2", 15m, "OUTPUT", true, false, "GST"),
            Tax("GST on Imports", "GSTONIMPORTS", 0m, "GSTONIMPORTS", false, true, "GST"),
            Tax("No GST", "NONE", 0m, "NONE", true, true, "GST"),
            Tax("Zero Rated", "ZERORATED", 0m, "OUTPUT", true, false, "GST"),
        })
        {
            nz.TaxRates.Upsert(t);
        }

        SeedAccounts(nz, "OUTPUT2", "INPUT2", "GST");

        var au = new TenantBook(
            new SandboxTenant(NextGuid(), "Ledgerline Demo AU", "AUD", "AU", "AUSEASTERNSTANDARDTIME", "!LLau1"),
            Zone("Australia/Sydney", "AUS Eastern Standard Time"),
            new Dictionary<string, decimal>(StringComparer.Ordinal) { ["AUD"] = 1m, ["NZD"] = 1.087000m, ["USD"] = 0.650000m })
        {
            DefaultSalesTax = "OUTPUT",
            DefaultPurchasesTax = "INPUT",
            Addresses =
            [
                new Address("POBOX", null, null, null, null, null, null, null),
                new Address("STREET", "1 George Street", null, "Sydney", "NSW", "2000", "Australia", null),
            ],
        };
        foreach (var t in new[]
        {
            Tax("BAS Excluded", "BASEXCLUDED", 0m, "BASEXCLUDED", true, true, "GST"),
            Tax("GST Free Expenses", "EXEMPTEXPENSES", 0m, "EXEMPTEXPENSES", false, true, "GST"),
            Tax("GST Free Income", "EXEMPTOUTPUT", 0m, "EXEMPTOUTPUT", true, false, "GST"),
            Tax("GST on Expenses", "INPUT", 10m, "INPUT", false, true, "GST"),
            Tax("GST on Income", "OUTPUT", 10m, "OUTPUT", true, false, "GST"),
        })
        {
            au.TaxRates.Upsert(t);
        }

        SeedAccounts(au, "OUTPUT", "INPUT", "GST");
        foreach (var a in nz.Accounts.All.Concat(au.Accounts.All).Cast<XeroEntity>().Concat(nz.TaxRates.All).Concat(au.TaxRates.All))
        {
            a.Updated = now;
        }

        return [nz, au];
    }

    private TaxRate Tax(string name, string taxType, decimal rate, string report, bool revenue, bool expenses, string component) => new()
    {
        Id = NextGuid(),
        Name = name,
        TaxType = taxType,
        ReportTaxType = report,
        CanApplyToRevenue = revenue,
        CanApplyToExpenses = expenses,
        Components = [new TaxComponent(component, rate, IsCompound: false)],
        IsSystem = true,
    };

    private static TimeZoneInfo Zone(string iana, string windows)
    {
        // Either id resolves on a machine with ICU or tzdata; without both, UTC keeps the sandbox running.
        if (TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) || TimeZoneInfo.TryFindSystemTimeZoneById(windows, out zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }

    private void SeedAccounts(TenantBook book, string sales, string purchases, string taxName)
    {
        void Add(string code, string name, string type, string cls, string tax, bool payments = false, string? bankType = null, string? number = null, string? currency = null) =>
            book.Accounts.Upsert(new Account
            {
                Id = NextGuid(),
                Code = code,
                Name = name,
                Type = type,
                Class = cls,
                TaxType = tax,
                EnablePaymentsToAccount = payments,
                BankAccountType = bankType,
                BankAccountNumber = number,
                CurrencyCode = bankType is null ? null : currency ?? book.Tenant.BaseCurrency,
            });

        Add("090", "Business Bank Account", "BANK", "ASSET", "NONE", bankType: "BANK", number: "0123456789");
        Add("091", "Business Savings Account", "BANK", "ASSET", "NONE", bankType: "BANK", number: "0987654321");
        Add("092", "Business USD Account", "BANK", "ASSET", "NONE", bankType: "BANK", number: "0555555555", currency: "USD");
        Add("200", "Sales", "REVENUE", "REVENUE", sales);
        Add("260", "Other Revenue", "REVENUE", "REVENUE", sales);
        Add("310", "Cost of Goods Sold", "DIRECTCOSTS", "EXPENSE", purchases);
        Add("400", "Advertising", "EXPENSE", "EXPENSE", purchases);
        Add("429", "General Expenses", "EXPENSE", "EXPENSE", purchases);
        Add("610", "Accounts Receivable", "CURRENT", "ASSET", "NONE");
        Add("800", "Accounts Payable", "CURRLIAB", "LIABILITY", "NONE");
        Add("820", taxName, "CURRLIAB", "LIABILITY", "NONE");
        Add("880", "Owner A Drawings", "CURRLIAB", "LIABILITY", "NONE", payments: true);
        Add("970", "Owner A Funds Introduced", "EQUITY", "EQUITY", "NONE");
    }

    /// <summary>A few contacts and invoices in every status the adapter meets: draft, authorised, paid, a bill, inclusive amounts; a sent and a draft quote.</summary>
    public void SeedDefaultData(TenantBook book, DateTimeOffset now)
    {
        var today = book.Today(now);
        var ridgeway = AddContact(book, "Ridgeway University", "accounts@ridgeway.example", now, "RIDGE01");
        var bayside = AddContact(book, "Bayside Club", "secretary@bayside.example", now, null);
        var power = AddContact(book, "PowerDirect", "billing@powerdirect.example", now, null);
        AddContact(book, "Hamilton Smith Ltd", null, now, null);

        AddInvoice(book, "ACCREC", ridgeway, "AUTHORISED", "Exclusive", today.AddDays(-20), [("Consulting", 10m, 150m, "200"), ("Travel", 1m, 84.35m, "200")], now);
        AddInvoice(book, "ACCREC", bayside, "DRAFT", "Inclusive", today.AddDays(-3), [("Annual membership", 1m, 500m, "200")], now);
        var paid = AddInvoice(book, "ACCREC", ridgeway, "AUTHORISED", "Exclusive", today.AddDays(-40), [("Workshop", 2m, 400m, "200")], now);
        AddPayment(book, paid, today.AddDays(-10), paid.Total, now);
        AddInvoice(book, "ACCPAY", power, "AUTHORISED", "Inclusive", today.AddDays(-15), [("Electricity", 1m, 230m, "429")], now);
        AddSpend(book, power, today.AddDays(-5), ("Office supplies", 1m, 57.50m, "429"), now);
        foreach (var (code, name, price) in new[] { ("CONSULT", "Consulting hour", 150m), ("WORKSHOP", "Workshop day", 1200m) })
        {
            book.Items.Upsert(new Item
            {
                Id = NextGuid(),
                Code = code,
                Name = name,
                Description = name,
                IsPurchased = false,
                SalesDetails = new ItemDetails(price, "200", book.DefaultSalesTax),
                Updated = now,
            });
        }

        AddQuote(book, bayside, "SENT", today.AddDays(-7), today.AddDays(23), ("Venue hire", 1m, 750m, "200"), now);
        AddQuote(book, ridgeway, "DRAFT", today.AddDays(-1), today.AddDays(29), ("Curriculum review", 3m, 150m, "200"), now);
    }

    private void AddQuote(TenantBook book, Contact contact, string status, DateOnly date, DateOnly expiry,
        (string Description, decimal Quantity, decimal Unit, string Account) line, DateTimeOffset now)
    {
        var taxType = book.AccountByCode(line.Account)!.TaxType;
        var amount = InvoiceMath.LineAmount(line.Quantity, line.Unit, null, null);
        var quote = new Quote
        {
            Id = NextGuid(),
            ContactId = contact.Id,
            QuoteNumber = book.TakeQuoteNumber(),
            Status = status,
            Date = date,
            ExpiryDate = expiry,
            CurrencyCode = book.Tenant.BaseCurrency,
            Updated = now,
            LineItems =
            [
                new LineItem
                {
                    LineItemID = NextGuid(),
                    Description = line.Description,
                    Quantity = XeroNumbers.Quantity(line.Quantity),
                    UnitAmount = line.Unit,
                    AccountCode = line.Account,
                    TaxType = taxType,
                    LineAmount = amount,
                    TaxAmount = InvoiceMath.LineTax(amount, book.TaxRate(taxType)!.Rate, "Exclusive"),
                },
            ],
        };
        (quote.SubTotal, quote.TotalTax, quote.Total, quote.TotalDiscount) = InvoiceMath.Totals(quote.LineItems, quote.LineAmountTypes);
        book.Quotes.Upsert(quote);
    }

    private void AddSpend(TenantBook book, Contact contact, DateOnly date, (string Description, decimal Quantity, decimal Unit, string Account) line, DateTimeOffset now)
    {
        var taxType = book.AccountByCode(line.Account)!.TaxType;
        var amount = InvoiceMath.LineAmount(line.Quantity, line.Unit, null, null);
        var spend = new BankTransaction
        {
            Id = NextGuid(),
            Type = "SPEND",
            ContactId = contact.Id,
            BankAccountId = book.AccountByCode("090")!.Id,
            Date = date,
            LineAmountTypes = "Inclusive",
            CurrencyCode = book.Tenant.BaseCurrency,
            Updated = now,
            LineItems =
            [
                new LineItem
                {
                    LineItemID = NextGuid(),
                    Description = line.Description,
                    Quantity = XeroNumbers.Quantity(line.Quantity),
                    UnitAmount = line.Unit,
                    AccountCode = line.Account,
                    TaxType = taxType,
                    LineAmount = amount,
                    TaxAmount = InvoiceMath.LineTax(amount, book.TaxRate(taxType)!.Rate, "Inclusive"),
                },
            ],
        };
        (spend.SubTotal, spend.TotalTax, spend.Total, _) = InvoiceMath.Totals(spend.LineItems, spend.LineAmountTypes);
        book.BankTransactions.Upsert(spend);
    }

    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Adatum", "Litware", "Proseware", "Wingtip", "Fourth Coffee", "Woodgrove"];
    private static readonly string[] Suffixes = ["Ltd", "Trading", "Group", "Partners", "Holdings"];

    public void SeedContacts(TenantBook book, int count, DateTimeOffset now)
    {
        var start = book.Contacts.Count;
        for (var i = 0; i < count; i++)
        {
            var n = (start + i + 1).ToString("D5", CultureInfo.InvariantCulture);
            var name = $"{Companies[_random.Next(Companies.Length)]} {Suffixes[_random.Next(Suffixes.Length)]} {n}";
            AddContact(book, name, $"contact{n}@example.test", now, null);
        }
    }

    public void SeedInvoices(TenantBook book, int count, int linesPerInvoice, DateTimeOffset now)
    {
        if (book.Contacts.Count == 0)
        {
            SeedContacts(book, 10, now);
        }

        var contacts = book.Contacts.All.Where(c => c.ContactStatus == "ACTIVE").ToList();
        var today = book.Today(now);
        string[] statuses = ["DRAFT", "AUTHORISED", "AUTHORISED", "PAID", "SUBMITTED"];
        for (var i = 0; i < count; i++)
        {
            var lines = Enumerable.Range(0, Math.Max(1, linesPerInvoice))
                .Select(l => ($"Service line {l + 1}", (decimal)_random.Next(1, 10), _random.Next(1000, 50000) / 100m, "200")).ToArray();
            var status = statuses[_random.Next(statuses.Length)];
            var types = _random.Next(4) == 0 ? "Inclusive" : "Exclusive";
            var invoice = AddInvoice(book, "ACCREC", contacts[_random.Next(contacts.Count)], status == "PAID" ? "AUTHORISED" : status, types, today.AddDays(-_random.Next(0, 365)), lines, now);
            if (status == "PAID")
            {
                AddPayment(book, invoice, invoice.Date.AddDays(7), invoice.Total, now);
            }
        }
    }

    private Contact AddContact(TenantBook book, string name, string? email, DateTimeOffset now, string? number)
    {
        var contact = new Contact
        {
            Id = NextGuid(),
            Name = name,
            EmailAddress = email,
            ContactNumber = number,
            Updated = now,
            Addresses = [new Address("STREET", null, null, null, null, null, null, null), new Address("POBOX", null, null, null, null, null, null, null)],
            Phones = [new Phone("DEFAULT", null, null, null), new Phone("DDI", null, null, null), new Phone("FAX", null, null, null), new Phone("MOBILE", null, null, null)],
        };
        book.Contacts.Upsert(contact);
        return contact;
    }

    private Invoice AddInvoice(TenantBook book, string type, Contact contact, string status, string lineAmountTypes, DateOnly date,
        IReadOnlyList<(string Description, decimal Quantity, decimal Unit, string Account)> lines, DateTimeOffset now)
    {
        var invoice = new Invoice
        {
            Id = NextGuid(),
            Type = type,
            ContactId = contact.Id,
            Status = status,
            LineAmountTypes = lineAmountTypes,
            Date = date,
            DueDate = date.AddDays(30),
            CurrencyCode = book.Tenant.BaseCurrency,
            Updated = now,
            InvoiceNumber = type == "ACCREC" ? book.TakeInvoiceNumber() : "PD-" + _random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (description, quantity, unit, accountCode) in lines)
        {
            var taxType = book.AccountByCode(accountCode)!.TaxType;
            var amount = InvoiceMath.LineAmount(quantity, unit, null, null);
            invoice.LineItems.Add(new LineItem
            {
                LineItemID = NextGuid(),
                Description = description,
                Quantity = XeroNumbers.Quantity(quantity),
                UnitAmount = unit,
                AccountCode = accountCode,
                TaxType = taxType,
                LineAmount = amount,
                TaxAmount = InvoiceMath.LineTax(amount, book.TaxRate(taxType)!.Rate, lineAmountTypes),
            });
        }

        InvoiceMath.Totals(invoice);
        if (type == "ACCREC")
        {
            contact.IsCustomer = true;
        }
        else
        {
            contact.IsSupplier = true;
        }

        book.Invoices.Upsert(invoice);
        return invoice;
    }

    private void AddPayment(TenantBook book, Invoice invoice, DateOnly date, decimal amount, DateTimeOffset now)
    {
        var payment = new Payment
        {
            Id = NextGuid(),
            InvoiceId = invoice.Id,
            AccountId = book.AccountByCode("090")!.Id,
            Date = date,
            Amount = amount,
            PaymentType = invoice.Type == "ACCREC" ? "ACCRECPAYMENT" : "ACCPAYPAYMENT",
            Updated = now,
        };
        book.Payments.Upsert(payment);
        PaymentLedger.Apply(invoice, payment, now);
    }
}
