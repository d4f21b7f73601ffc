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

/// <summary>Everything stored for one business. Guarded by <see cref="Gate"/>: one writer or reader at a time.</summary>
internal sealed class AccountState(SandboxBusiness business, Action<SandboxChange> notify)
{
    public Lock Gate { get; } = new();

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
