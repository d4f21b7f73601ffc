using Ledgerline.FreshBooks.Sandbox.Accounting;
using Ledgerline.FreshBooks.Sandbox.Projects;
using Ledgerline.FreshBooks.Sandbox.Webhooks;

namespace Ledgerline.FreshBooks.Sandbox.Data;

/// <summary>A change to a stored record, raised for every write; webhook delivery listens to these.</summary>
/// <param name="AccountId">Account the record lives in.</param>
/// <param name="BusinessId">Business the account belongs to.</param>
/// <param name="Entity">FreshBooks event object name, e.g. "invoice".</param>
/// <param name="Action">"create", "update" or "delete".</param>
/// <param name="ObjectId">Id of the record.</param>
public sealed record SandboxChange(string AccountId, int BusinessId, string Entity, string Action, int ObjectId);

/// <summary>
/// Everything stored for one business. Guarded by one reader-writer lock: reads (<see cref="Read"/>) run side by side,
/// as FreshBooks serves them; a write (<see cref="Write"/>) runs alone, so a reader sees a write whole or not at all.
/// </summary>
internal sealed class AccountState(SandboxBusiness business, Action<SandboxChange> notify) : IDisposable
{
    // No recursion: a section that entered the lock never needs to enter it again, and a read that tried to upgrade
    // itself to a write would deadlock against another reader doing the same.
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);

    public SandboxBusiness Business { get; } = business;

    public EntitySet<Client> Clients { get; } = new(72001);

    public EntitySet<Invoice> Invoices { get; } = new(150001);

    public EntitySet<Payment> Payments { get; } = new(301);

    public EntitySet<Expense> Expenses { get; } = new(4201);

    public EntitySet<ExpenseCategory> Categories { get; } = new(3840001);

    public EntitySet<Item> Items { get; } = new(5101);

    public EntitySet<Tax> Taxes { get; } = new(7701);

    public EntitySet<Estimate> Estimates { get; } = new(2301);

    public EntitySet<CreditNote> CreditNotes { get; } = new(20401);

    public EntitySet<BillVendor> BillVendors { get; } = new(801);

    public EntitySet<Bill> Bills { get; } = new(601);

    public EntitySet<BillPayment> BillPayments { get; } = new(901);

    public EntitySet<Project> Projects { get; } = new(1201);

    public EntitySet<TimeEntry> TimeEntries { get; } = new(88001);

    public EntitySet<Callback> Callbacks { get; } = new(2001);

    public int NextInvoiceNumber { get; set; } = 1;

    public int NextEstimateNumber { get; set; } = 1;

    public int NextCreditNumber { get; set; } = 1;

    /// <summary>
    /// Enters the account to read it, alongside other readers; leave by disposing. Nothing read under it may be changed:
    /// listing, getting and rendering only read the records and keep their own per-request state.
    /// </summary>
    public ReadSection Read()
    {
        _gate.EnterReadLock();
        return new ReadSection(_gate);
    }

    /// <summary>Enters the account to change it, alone; leave by disposing.</summary>
    public WriteSection Write()
    {
        _gate.EnterWriteLock();
        return new WriteSection(_gate);
    }

    /// <summary>
    /// A held read lock. A ref struct, so that (as with <c>lock</c>) it cannot be held across an <c>await</c>: the lock
    /// belongs to the thread that entered it.
    /// </summary>
    internal readonly ref struct ReadSection(ReaderWriterLockSlim gate)
    {
        public void Dispose() => gate.ExitReadLock();
    }

    /// <summary>A held write lock; a ref struct for the same reason as <see cref="ReadSection"/>.</summary>
    internal readonly ref struct WriteSection(ReaderWriterLockSlim gate)
    {
        public void Dispose() => gate.ExitWriteLock();
    }

    /// <summary>Releases the lock's wait handles; called once the server has stopped, so no request holds it.</summary>
    public void Dispose() => _gate.Dispose();

    public void Notify(string entity, string action, int id) =>
        notify(new SandboxChange(Business.AccountId, Business.BusinessId, entity, action, id));

    /// <summary>Re-derives an invoice's paid/outstanding/status from its live payments.</summary>
    public void RecomputeInvoice(Invoice invoice)
    {
        decimal paid = 0;
        DateOnly? last = null;
        foreach (var p in Payments.All)
        {
            if (p.InvoiceId == invoice.Id && p.VisState != 1)
            {
                paid += p.Amount;
                if (last is null || p.Date > last)
                {
                    last = p.Date;
                }
            }
        }

        invoice.ApplyPayments(paid, last);
    }

    /// <summary>Re-derives a credit note's applied amount from the live payments that draw on it.</summary>
    public void RecomputeCredit(CreditNote credit)
    {
        decimal applied = 0;
        foreach (var p in Payments.All)
        {
            if (p.CreditId == credit.Id && p.VisState != 1)
            {
                applied += p.Amount;
            }
        }

        credit.Paid = applied;
    }

    /// <summary>Re-derives a bill's paid amount from its live bill payments.</summary>
    public void RecomputeBill(Bill bill)
    {
        decimal paid = 0;
        foreach (var p in BillPayments.All)
        {
            if (p.BillId == bill.Id && p.VisState != 1)
            {
                paid += p.Amount;
            }
        }

        bill.Paid = paid;
    }
}
