using Ledgerline.InMemory.Bills;
using Ledgerline.InMemory.Companies;
using Ledgerline.InMemory.Contacts;
using Ledgerline.InMemory.CreditNotes;
using Ledgerline.InMemory.Estimates;
using Ledgerline.InMemory.Expenses;
using Ledgerline.InMemory.Invoices;
using Ledgerline.InMemory.Items;
using Ledgerline.InMemory.Payments;
using Ledgerline.InMemory.Projects;
using Ledgerline.InMemory.Storage;
using Ledgerline.InMemory.TaxRates;
using Ledgerline.InMemory.TimeEntries;
using Ledgerline.InMemory.Vendors;

namespace Ledgerline.InMemory;

/// <summary>
/// One connection's data. A single lock guards every table so that writes spanning entities (a payment changing its
/// invoice's amounts and status) are atomic; reads copy a snapshot under the lock and filter outside it.
/// </summary>
internal sealed class InMemoryLedger : ILedger
{
    private readonly object[] _stores;

    public InMemoryLedger(string connectionId, LedgerCapabilities capabilities, TimeProvider timeProvider, Company company)
    {
        ConnectionId = connectionId;
        Capabilities = capabilities;
        TimeProvider = timeProvider;
        InvoiceStore = new InMemoryInvoiceStore(this);
        _stores = [new InMemoryContactStore(this), InvoiceStore, new InMemoryPaymentStore(this), new InMemoryExpenseStore(this), new InMemoryTimeEntryStore(this),
            new InMemoryItemStore(this), new InMemoryTaxRateStore(this), new InMemoryEstimateStore(this),
            new InMemoryCreditNoteStore(this), new InMemoryVendorStore(this), new InMemoryBillStore(this), new InMemoryBillPaymentStore(this),
            new InMemoryProjectStore(this), new InMemoryCompanyStore(this, company)];
    }

    public string ProviderName => InMemoryLedgerProvider.ProviderName;

    public string ConnectionId { get; }

    public LedgerCapabilities Capabilities { get; }

    public object? GetStore(Type storeType) => Array.Find(_stores, storeType.IsInstanceOfType);

    internal Lock Sync { get; } = new();

    /// <summary>The idempotency keys creates on this ledger carried. Use under <see cref="Sync"/>.</summary>
    internal Idempotency.IdempotencyKeys IdempotencyKeys { get; } = new();

    /// <summary>The invoice store, for writes that create invoices from other records (an estimate turned into one).</summary>
    internal InMemoryInvoiceStore InvoiceStore { get; }

    internal TimeProvider TimeProvider { get; }

    internal RecordTable<Contact> ContactTable { get; } = new();

    internal RecordTable<Invoice> InvoiceTable { get; } = new();

    internal RecordTable<Payment> PaymentTable { get; } = new();

    internal RecordTable<Expense> ExpenseTable { get; } = new();

    internal RecordTable<TimeEntry> TimeEntryTable { get; } = new();

    internal RecordTable<Item> ItemTable { get; } = new();

    internal RecordTable<TaxRate> TaxRateTable { get; } = new();

    internal RecordTable<Estimate> EstimateTable { get; } = new();

    internal RecordTable<CreditNote> CreditNoteTable { get; } = new();

    internal RecordTable<Vendor> VendorTable { get; } = new();

    internal RecordTable<Bill> BillTable { get; } = new();

    internal RecordTable<BillPayment> BillPaymentTable { get; } = new();

    internal RecordTable<Project> ProjectTable { get; } = new();

    /// <summary>Recomputes an invoice's paid, credited and due amounts and its status from its payments and credit allocations. Call under <see cref="Sync"/>.</summary>
    internal void SettleInvoice(string invoiceId, DateTimeOffset now)
    {
        if (InvoiceTable.Find(invoiceId) is not { } invoice)
        {
            return;
        }

        var settled = InvoiceCalculator.Settle(invoice, AmountPaid(invoice), AmountCredited(invoice));
        if (settled != invoice)
        {
            InvoiceTable.Replace(settled with { UpdatedAt = now });
        }
    }

    /// <summary>Recomputes a bill's paid and due amounts and its status from its bill payments. Call under <see cref="Sync"/>.</summary>
    internal void SettleBill(string billId, DateTimeOffset now)
    {
        if (BillTable.Find(billId) is not { } bill)
        {
            return;
        }

        var settled = BillCalculator.Settle(bill, BillAmountPaid(bill));
        if (settled != bill)
        {
            BillTable.Replace(settled with { UpdatedAt = now });
        }
    }

    /// <summary>What the bill's payments (not deleted) add up to. Call under <see cref="Sync"/>.</summary>
    internal Money BillAmountPaid(Bill bill) =>
        BillPaymentTable.Where(p => p.BillId == bill.Id && p.State != RecordState.Deleted)
            .Aggregate(Money.Zero(bill.Currency), (sum, p) => sum + p.Amount);

    /// <summary>What credit notes (not deleted) have applied to the invoice. Call under <see cref="Sync"/>.</summary>
    internal Money AmountCredited(Invoice invoice) =>
        CreditNoteTable.Where(c => c.State != RecordState.Deleted)
            .SelectMany(c => c.Allocations)
            .Where(a => a.InvoiceId == invoice.Id)
            .Aggregate(Money.Zero(invoice.Currency), (sum, a) => sum + a.Amount);

    /// <summary>What the invoice's payments add up to: every payment but deleted ones. Call under <see cref="Sync"/>.</summary>
    internal Money AmountPaid(Invoice invoice) =>
        PaymentTable.Where(p => p.InvoiceId == invoice.Id && p.State != RecordState.Deleted)
            .Aggregate(Money.Zero(invoice.Currency), (sum, p) => sum + p.Amount);
}
