using Ledgerline.FreshBooks.Sandbox.Accounting;
using Ledgerline.FreshBooks.Sandbox.Data;
using Ledgerline.FreshBooks.Sandbox.Projects;

namespace Ledgerline.FreshBooks.Sandbox;

/// <summary>The sandbox user: one FreshBooks identity.</summary>
/// <param name="Id">Identity id (also <c>identity_id</c> on /users/me).</param>
/// <param name="Uuid">Identity UUID.</param>
/// <param name="Email">Login email.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
public sealed record SandboxIdentity(int Id, string Uuid, string Email, string FirstName, string LastName);

/// <summary>A business the identity belongs to, with its three ids.</summary>
/// <param name="AccountId">Accounting id used in <c>/accounting/account/{accountId}</c> and <c>/events/account/{accountId}</c>.</param>
/// <param name="BusinessId">Numeric id used in <c>/projects/business/{id}</c> and <c>/timetracking/business/{id}</c>.</param>
/// <param name="BusinessUuid">Business UUID.</param>
/// <param name="Name">Business name.</param>
/// <param name="Role">The identity's membership role in this business.</param>
/// <param name="MembershipId">Id of the membership record (not the business id).</param>
public sealed record SandboxBusiness(string AccountId, int BusinessId, string BusinessUuid, string Name, string Role, int MembershipId);

/// <summary>The sandbox's identity, businesses and stored records, with fast deterministic seeding helpers.</summary>
public sealed class SandboxData
{
    private readonly Dictionary<string, Data.AccountState> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Data.AccountState> _byBusiness = [];
    private readonly SandboxClock _clock;

    internal SandboxData(SandboxClock clock, Action<Data.SandboxChange> notify)
    {
        _clock = clock;
        Identity = new SandboxIdentity(712052, "4b1f0c6e-8d4a-4e0b-9a57-5a1d2c3b4e01", "sandy@ledgerline.test", "Sandy", "Boxer");
        PrimaryBusiness = new SandboxBusiness("LL4X7Q", 439001, "9f0d2f3a-1c2b-4d5e-8f60-7a8b9c0d1e02", "Ledgerline Sandbox Co.", "owner", 140131);
        SecondaryBusiness = new SandboxBusiness("ZK82PW", 439002, "2c7e4a1b-5d6f-4a8b-9c0d-1e2f3a4b5c03", "Second Street Studio", "business_manager", 140132);
        foreach (var b in Businesses)
        {
            var state = new Data.AccountState(b, notify);
            _byAccount[b.AccountId] = state;
            _byBusiness[b.BusinessId] = state;
            Seeder.AddExpenseCategories(state, SeedEpoch);
        }
    }

    /// <summary>Fixed instant all seeded timestamps derive from, so seeded data is identical run to run.</summary>
    public static DateTimeOffset SeedEpoch { get; } = new(2024, 1, 15, 14, 30, 0, TimeSpan.Zero);

    /// <summary>The identity every sandbox token belongs to.</summary>
    public SandboxIdentity Identity { get; }

    /// <summary>The business the identity owns; holds the default data.</summary>
    public SandboxBusiness PrimaryBusiness { get; }

    /// <summary>A second business where the identity is a business manager; empty by default.</summary>
    public SandboxBusiness SecondaryBusiness { get; }

    /// <summary>Both businesses, primary first.</summary>
    public IReadOnlyList<SandboxBusiness> Businesses => [PrimaryBusiness, SecondaryBusiness];

    internal Data.AccountState? ByAccount(string accountId) => _byAccount.GetValueOrDefault(accountId);

    internal Data.AccountState? ByBusiness(int businessId) => _byBusiness.GetValueOrDefault(businessId);

    private Data.AccountState Account(string accountId) =>
        ByAccount(accountId) ?? throw new ArgumentException("Unknown account id.", nameof(accountId));

    /// <summary>Seeds the small default data set (clients, taxes, items, invoices with lines, a payment, an expense, a project, a time entry).</summary>
    public void SeedDefaultData(string accountId)
    {
        var state = Account(accountId);
        using (state.Write())
        {
            Seeder.AddDefaultData(state, Identity, SeedEpoch);
        }
    }

    /// <summary>Adds <paramref name="count"/> deterministic clients; returns their ids.</summary>
    public IReadOnlyList<int> SeedClients(string accountId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var state = Account(accountId);
        using (state.Write())
        {
            return Seeder.AddClients(state, count, SeedEpoch);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> deterministic invoices with <paramref name="linesPerInvoice"/> lines each, spread over the
    /// account's clients (seeding clients first if there are none). Without <paramref name="unpaid"/>, a quarter each are
    /// drafts, sent, paid and paid in part; with it, that many (spread evenly) are sent and unpaid, one in four of them paid
    /// in part, and the rest are paid in full.
    /// </summary>
    public IReadOnlyList<int> SeedInvoices(string accountId, int count, int linesPerInvoice = 5, int? unpaid = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(linesPerInvoice);
        if (unpaid is { } u)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(u, nameof(unpaid));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(u, count, nameof(unpaid));
        }

        var state = Account(accountId);
        using (state.Write())
        {
            return Seeder.AddInvoices(state, count, linesPerInvoice, SeedEpoch, unpaid);
        }
    }

    /// <summary>Creates one client directly (no HTTP, no webhook); returns its id.</summary>
    public int AddClient(string accountId, string organization, string? email = null, string currencyCode = "USD")
    {
        var state = Account(accountId);
        using (state.Write())
        {
            var c = Seeder.NewClient(state, _clock.GetUtcNow());
            c.Text["organization"] = organization;
            c.Text["email"] = email ?? "";
            c.Text["currency_code"] = currencyCode;
            state.Clients.Add(c);
            return c.Id;
        }
    }

    /// <summary>Counts stored records of one kind: "clients", "invoices", "payments", "expenses", "items", "taxes", "projects", "time_entries", "callbacks", "estimates", "credit_notes", "bill_vendors", "bills", "bill_payments" (deleted included).</summary>
    public int Count(string accountId, string kind)
    {
        var s = Account(accountId);
        using (s.Read())
        {
            return kind switch
            {
                "clients" => s.Clients.Count,
                "invoices" => s.Invoices.Count,
                "payments" => s.Payments.Count,
                "expenses" => s.Expenses.Count,
                "items" => s.Items.Count,
                "taxes" => s.Taxes.Count,
                "projects" => s.Projects.Count,
                "time_entries" => s.TimeEntries.Count,
                "callbacks" => s.Callbacks.Count,
                "estimates" => s.Estimates.Count,
                "credit_notes" => s.CreditNotes.Count,
                "bill_vendors" => s.BillVendors.Count,
                "bills" => s.Bills.Count,
                "bill_payments" => s.BillPayments.Count,
                _ => throw new ArgumentException("Unknown kind.", nameof(kind)),
            };
        }
    }

    /// <summary>Removes every record (except expense categories) from one account.</summary>
    public void Clear(string accountId)
    {
        var s = Account(accountId);
        using (s.Write())
        {
            s.Clients.Clear();
            s.Invoices.Clear();
            s.Payments.Clear();
            s.Expenses.Clear();
            s.Items.Clear();
            s.Taxes.Clear();
            s.Projects.Clear();
            s.TimeEntries.Clear();
            s.Estimates.Clear();
            s.CreditNotes.Clear();
            s.BillVendors.Clear();
            s.Bills.Clear();
            s.BillPayments.Clear();
        }
    }

    /// <summary>Releases the accounts' locks when the sandbox is disposed; the data cannot be used after that.</summary>
    internal void Close()
    {
        foreach (var state in _byAccount.Values)
        {
            state.Dispose();
        }
    }

    internal static Project NewProject(Data.AccountState s, DateTimeOffset now) =>
        new() { Id = s.Projects.NextId(), Created = now, Updated = now };
}
