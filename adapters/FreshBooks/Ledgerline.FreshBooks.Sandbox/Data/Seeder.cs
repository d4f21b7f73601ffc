using System.Globalization;
using Ledgerline.FreshBooks.Sandbox.Accounting;
using Ledgerline.FreshBooks.Sandbox.Projects;

namespace Ledgerline.FreshBooks.Sandbox.Data;

/// <summary>Deterministic data: the same options always produce the same records, ids and timestamps.</summary>
internal static class Seeder
{
    private static readonly string[] Words =
    [
        "Acme", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen",
        "Maple", "Nimbus", "Orchid", "Pioneer", "Quartz", "Raven", "Summit", "Tidal", "Umber", "Vertex", "Willow", "Zephyr",
    ];

    private static readonly string[] Suffixes = ["Ltd.", "Inc.", "& Co.", "LLC", "Studio", "Partners", "Group"];

    private static readonly string[] LineNames = ["Consulting", "Design", "Development", "Support", "Hosting", "Training", "Travel"];

    private static string Uuid(int kind, int id) =>
        new Guid(kind, (short)(id >> 16), (short)id, 0x8a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77).ToString();

    public static Client NewClient(AccountState s, DateTimeOffset now)
    {
        var c = new Client { Id = s.Clients.NextId(), Created = now, Updated = now };
        c.Uuid = Uuid(1, c.Id);
        c.Text["currency_code"] = "USD";
        c.Text["language"] = "en";
        return c;
    }

    public static Invoice NewInvoice(AccountState s, DateTimeOffset now)
    {
        var i = new Invoice { Id = s.Invoices.NextId(), Created = now, Updated = now };
        i.Uuid = Uuid(2, i.Id);
        i.Text["invoice_number"] = s.NextInvoiceNumber++.ToString("D7", CultureInfo.InvariantCulture);
        i.Text["language"] = "en";
        i.Text["template"] = "clean-grouped";
        return i;
    }

    /// <summary>Copies the customer's name and address onto the invoice, as FreshBooks does on create.</summary>
    public static void CopyCustomer(Entity invoice, Client client, bool onlyMissing)
    {
        void Set(string target, string value)
        {
            if (!onlyMissing || invoice.StrOrNull(target) is null)
            {
                invoice.Text[target] = value;
            }
        }

        Set("fname", client.Str("fname"));
        Set("lname", client.Str("lname"));
        Set("organization", client.Str("organization"));
        Set("email", client.Str("email"));
        Set("street", client.Str("p_street"));
        Set("street2", client.Str("p_street2"));
        Set("city", client.Str("p_city"));
        Set("province", client.Str("p_province"));
        Set("code", client.Str("p_code"));
        Set("country", client.Str("p_country"));
        Set("currency_code", client.Str("currency_code") is { Length: > 0 } cur ? cur : "USD");
    }

    public static void AddExpenseCategories(AccountState s, DateTimeOffset epoch)
    {
        string[] names =
        [
            "Advertising", "Car & Truck Expenses", "Contractors", "Education and Training", "Employee Benefits",
            "Meals & Entertainment", "Office Expenses & Postage", "Office Supplies", "Rent or Lease", "Travel", "Utilities",
        ];
        foreach (var name in names)
        {
            var c = new ExpenseCategory { Id = s.Categories.NextId(), Created = epoch, Updated = epoch, IsEditable = false };
            c.Text["category"] = name;
            s.Categories.Add(c);
        }

        var sub = new ExpenseCategory { Id = s.Categories.NextId(), Created = epoch, Updated = epoch, ParentId = s.Categories.All[6].Id, IsEditable = true };
        sub.Text["category"] = "Printing";
        s.Categories.Add(sub);
    }

    public static void AddDefaultData(AccountState s, SandboxIdentity identity, DateTimeOffset epoch)
    {
        var hst = AddTax(s, "HST", 13m, "RT0001", epoch);
        AddTax(s, "GST", 5m, "RT0002", epoch);
        AddTax(s, "PST", 7m, "", epoch);

        AddItem(s, "Consulting hour", "Senior consulting, per hour", 120m, hst.Id, epoch);
        AddItem(s, "Support plan", "Monthly support", 49m, 0, epoch);

        var acme = AddClient(s, "Acme Corp", "Ada", "Lovelace", "accounts@acme.test", "USD", epoch);
        var birch = AddClient(s, "Birch & Co.", "Ben", "Birch", "ben@birch.test", "CAD", epoch.AddMinutes(1));
        AddClient(s, "Café Münster", "Zoë", "Müller", "zoe@cafe-muenster.test", "EUR", epoch.AddMinutes(2));

        // Draft invoice: 2 × 120.00 with 13 % tax.
        var draft = NewInvoice(s, epoch.AddMinutes(5));
        draft.CustomerId = acme.Id;
        draft.CreateDate = new DateOnly(2024, 1, 15);
        draft.DueOffsetDays = 30;
        CopyCustomer(draft, acme, false);
        draft.Lines.Add(new InvoiceLine { LineId = 1, Name = "Consulting hour", Qty = 2, UnitCost = 120m, TaxName1 = "HST", TaxAmount1 = 13m, Updated = draft.Updated });
        draft.Recalculate();
        s.Invoices.Add(draft);

        // The FreshBooks documentation's arithmetic: 20.00 + 24.00, 10 % discount, 13 % tax on the first line → 41.94; 20.00 paid.
        var partial = NewInvoice(s, epoch.AddMinutes(6));
        partial.CustomerId = birch.Id;
        partial.CreateDate = new DateOnly(2024, 1, 16);
        partial.DueOffsetDays = 15;
        partial.DiscountValue = 10m;
        partial.Sent = true;
        partial.Status = 2;
        CopyCustomer(partial, birch, false);
        partial.Lines.Add(new InvoiceLine { LineId = 1, Name = "Design", Qty = 1, UnitCost = 20m, TaxName1 = "HST", TaxAmount1 = 13m, Updated = partial.Updated });
        partial.Lines.Add(new InvoiceLine { LineId = 2, Name = "Hosting", Qty = 2, UnitCost = 12m, Updated = partial.Updated });
        partial.Recalculate();
        s.Invoices.Add(partial);
        var payment = new Payment
        {
            Id = s.Payments.NextId(), Created = epoch.AddMinutes(7), Updated = epoch.AddMinutes(7), InvoiceId = partial.Id,
            ClientId = birch.Id, Amount = 20m, Code = "CAD", Date = new DateOnly(2024, 1, 20),
        };
        payment.Text["type"] = "Check";
        payment.Text["note"] = "First instalment";
        s.Payments.Add(payment);
        s.RecomputeInvoice(partial);

        // Sent, unpaid and long past due: reports "overdue".
        var overdue = NewInvoice(s, epoch.AddMinutes(8));
        overdue.CustomerId = acme.Id;
        overdue.CreateDate = new DateOnly(2024, 1, 2);
        overdue.DueOffsetDays = 14;
        overdue.Sent = true;
        overdue.Status = 2;
        CopyCustomer(overdue, acme, false);
        overdue.Lines.Add(new InvoiceLine { LineId = 1, Name = "Support plan", Qty = 1, UnitCost = 49m, Updated = overdue.Updated });
        overdue.Recalculate();
        s.Invoices.Add(overdue);

        var supplies = s.Categories.All.First(c => c.Str("category") == "Office Supplies");
        var expense = new Expense
        {
            Id = s.Expenses.NextId(), Created = epoch.AddMinutes(9), Updated = epoch.AddMinutes(9), Amount = 85.50m, Code = "USD",
            CategoryId = supplies.Id, Date = new DateOnly(2024, 1, 12), TaxAmount1 = 9.84m, TaxPercent1 = 13m, Status = 0,
        };
        expense.Text["vendor"] = "Paper Street Supply";
        expense.Text["notes"] = "Printer paper and toner";
        expense.Text["taxName1"] = "HST";
        s.Expenses.Add(expense);

        var project = new Project
        {
            Id = s.Projects.NextId(), Created = epoch.AddMinutes(10), Updated = epoch.AddMinutes(10), Title = "Website refresh",
            Description = "Redesign of the marketing site", ClientId = acme.Id, DueDate = new DateOnly(2024, 3, 31),
            BillingMethod = "project_rate", Rate = 95m, ProjectType = "hourly_rate",
        };
        s.Projects.Add(project);

        s.TimeEntries.Add(new TimeEntry
        {
            Id = s.TimeEntries.NextId(), Created = epoch.AddMinutes(11), Updated = epoch.AddMinutes(11), IdentityId = identity.Id,
            StartedAt = new DateTimeOffset(2024, 1, 15, 13, 0, 0, TimeSpan.Zero), Duration = 7200, Note = "Wireframes",
            ClientId = acme.Id, ProjectId = project.Id, IsLogged = true,
        });
    }

    private static Tax AddTax(AccountState s, string name, decimal amount, string number, DateTimeOffset at)
    {
        var t = new Tax { Id = s.Taxes.NextId(), Created = at, Updated = at, Amount = amount };
        t.Text["name"] = name;
        t.Text["number"] = number;
        s.Taxes.Add(t);
        return t;
    }

    private static void AddItem(AccountState s, string name, string description, decimal unitCost, int tax1, DateTimeOffset at)
    {
        var item = new Item { Id = s.Items.NextId(), Created = at, Updated = at, UnitCost = unitCost, Qty = 1, Tax1 = tax1 };
        item.Text["name"] = name;
        item.Text["description"] = description;
        item.Text["sku"] = "SKU-" + item.Id.ToString(CultureInfo.InvariantCulture);
        s.Items.Add(item);
    }

    private static Client AddClient(AccountState s, string org, string fname, string lname, string email, string currency, DateTimeOffset at)
    {
        var c = NewClient(s, at);
        c.Text["organization"] = org;
        c.Text["fname"] = fname;
        c.Text["lname"] = lname;
        c.Text["email"] = email;
        c.Text["currency_code"] = currency;
        c.Text["p_street"] = "1 Main Street";
        c.Text["p_city"] = "Toronto";
        c.Text["p_province"] = "Ontario";
        c.Text["p_code"] = "M5V 2T6";
        c.Text["p_country"] = "Canada";
        s.Clients.Add(c);
        return c;
    }

    public static IReadOnlyList<int> AddClients(AccountState s, int count, DateTimeOffset epoch)
    {
        var ids = new List<int>(count);
        for (var n = 0; n < count; n++)
        {
            var serial = s.Clients.Count + 1;
            var c = NewClient(s, epoch.AddMinutes(serial));
            var word = Words[serial % Words.Length];
            c.Text["organization"] = string.Create(CultureInfo.InvariantCulture, $"{word} {Suffixes[serial % Suffixes.Length]} {serial:D5}");
            c.Text["fname"] = Words[(serial * 7) % Words.Length];
            c.Text["lname"] = Words[(serial * 11) % Words.Length] + "son";
            c.Text["email"] = string.Create(CultureInfo.InvariantCulture, $"client{serial:D5}@example.test");
            c.Text["p_city"] = Words[(serial * 3) % Words.Length] + " City";
            c.Text["p_country"] = "United States";
            s.Clients.Add(c);
            ids.Add(c.Id);
        }

        return ids;
    }

    public static IReadOnlyList<int> AddInvoices(AccountState s, int count, int linesPerInvoice, DateTimeOffset epoch, int? unpaid = null)
    {
        if (s.Clients.Count == 0)
        {
            AddClients(s, Math.Max(1, Math.Min(50, count)), epoch);
        }

        var clients = s.Clients.All.Where(c => c.VisState != 1).ToArray();
        var ids = new List<int>(count);
        var firstDate = new DateOnly(2023, 1, 2);
        for (var n = 0; n < count; n++)
        {
            var serial = s.Invoices.Count + 1;
            var at = epoch.AddMinutes(serial);
            var invoice = NewInvoice(s, at);
            var client = clients[serial % clients.Length];
            invoice.CustomerId = client.Id;
            invoice.CreateDate = firstDate.AddDays(serial % 700);
            invoice.DueOffsetDays = 30;
            invoice.DiscountValue = serial % 10 == 0 ? 5m : 0m;
            CopyCustomer(invoice, client, false);
            invoice.Lines.Capacity = linesPerInvoice;
            for (var k = 1; k <= linesPerInvoice; k++)
            {
                var cents = ((serial * 37) + (k * 13)) % 100;
                invoice.Lines.Add(new InvoiceLine
                {
                    LineId = k,
                    Name = LineNames[(serial + k) % LineNames.Length],
                    Description = string.Create(CultureInfo.InvariantCulture, $"Line {k} of invoice {serial}"),
                    Qty = ((serial + k) % 4) + 1,
                    UnitCost = (((serial * 7) + (k * 29)) % 240) + 10 + (cents / 100m),
                    TaxName1 = k % 2 == 1 ? "HST" : null,
                    TaxAmount1 = k % 2 == 1 ? 13m : null,
                    Updated = at,
                });
            }

            invoice.Recalculate();

            // kind 0 draft, 1 sent, 2 paid, 3 paid in part; with a number of unpaid invoices, those are spread evenly
            // (n * unpaid / count steps up once per unpaid invoice) and every other invoice is paid.
            var kind = serial % 4;
            if (unpaid is { } u)
            {
                var ordinal = (long)(n + 1) * u / count;
                var isUnpaid = ordinal > (long)n * u / count;
                kind = !isUnpaid ? 2 : ordinal % 4 == 0 ? 3 : 1;
            }

            if (kind != 0)
            {
                invoice.Sent = true;
                invoice.Status = 2;
            }

            if (kind >= 2 && invoice.Amount > 0)
            {
                var amount = kind == 2 ? invoice.Amount : decimal.Round(invoice.Amount / 2, 2);
                var date = invoice.CreateDate.AddDays(10);
                var p = new Payment
                {
                    Id = s.Payments.NextId(), Created = at, Updated = at, InvoiceId = invoice.Id, ClientId = client.Id,
                    Amount = amount, Code = invoice.Currency, Date = date,
                };
                p.Text["type"] = "Bank Transfer";
                p.Text["note"] = "";
                s.Payments.Add(p);
                invoice.ApplyPayments(amount, date);
            }

            s.Invoices.Add(invoice);
            ids.Add(invoice.Id);
        }

        return ids;
    }
}
