using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Stores;

/// <summary>A provider's ledger with every store wrapped in <see cref="GuardedStore{TRecord, TDraft, TChanges, TQuery}"/>.</summary>
internal sealed class GuardedLedger : ILedger
{
    public GuardedLedger(ILedger inner, IServiceProvider services)
    {
        ProviderName = inner.ProviderName;
        ConnectionId = inner.ConnectionId;
        Capabilities = inner.Capabilities;
        Contacts = new GuardedContactStore(Guard<Contact, NewContact, ContactChanges, ContactQuery>(inner.Contacts, EntityKind.Contact, services));
        Invoices = new GuardedInvoiceStore(Guard<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(inner.Invoices, EntityKind.Invoice, services));
        Payments = new GuardedPaymentStore(Guard<Payment, NewPayment, PaymentChanges, PaymentQuery>(inner.Payments, EntityKind.Payment, services));
        Expenses = new GuardedExpenseStore(Guard<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(inner.Expenses, EntityKind.Expense, services));
        TimeEntries = new GuardedTimeEntryStore(Guard<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(inner.TimeEntries, EntityKind.TimeEntry, services));
    }

    public string ProviderName { get; }

    public string ConnectionId { get; }

    public LedgerCapabilities Capabilities { get; }

    public IContactStore Contacts { get; }

    public IInvoiceStore Invoices { get; }

    public IPaymentStore Payments { get; }

    public IExpenseStore Expenses { get; }

    public ITimeEntryStore TimeEntries { get; }

    private GuardedStore<TRecord, TDraft, TChanges, TQuery> Guard<TRecord, TDraft, TChanges, TQuery>(
        ILedgerStore<TRecord, TDraft, TChanges, TQuery> store, EntityKind entity, IServiceProvider services)
        where TRecord : LedgerRecord
        where TDraft : class
        where TChanges : class
        where TQuery : RecordQuery, new() =>
        new(store, entity, ProviderName, Capabilities.For(entity),
            services.GetService<IValidator<TDraft>>(),
            services.GetService<IValidator<TChanges>>(),
            services.GetService<IValidator<TQuery>>());

    private sealed class GuardedContactStore(ILedgerStore<Contact, NewContact, ContactChanges, ContactQuery> inner)
        : DelegatingStore<Contact, NewContact, ContactChanges, ContactQuery>(inner), IContactStore;

    private sealed class GuardedInvoiceStore(ILedgerStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery> inner)
        : DelegatingStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(inner), IInvoiceStore;

    private sealed class GuardedPaymentStore(ILedgerStore<Payment, NewPayment, PaymentChanges, PaymentQuery> inner)
        : DelegatingStore<Payment, NewPayment, PaymentChanges, PaymentQuery>(inner), IPaymentStore;

    private sealed class GuardedExpenseStore(ILedgerStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery> inner)
        : DelegatingStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(inner), IExpenseStore;

    private sealed class GuardedTimeEntryStore(ILedgerStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery> inner)
        : DelegatingStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(inner), ITimeEntryStore;
}
