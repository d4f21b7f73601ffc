using Ledgerline.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.ConformanceTests;

/// <summary>
/// Wraps a raw provider so every call that gets past Ledgerline's guards is counted: the conformance suite's way of proving
/// that a refused call sent nothing, for providers that have no wire to watch.
/// </summary>
internal sealed class CountingLedgerProvider(ILedgerProvider inner, Action onCall) : ILedgerProvider
{
    public string Name => inner.Name;

    public LedgerCapabilities Capabilities => inner.Capabilities;

    public ILedger Open(string connectionId) => new CountingLedger(inner.Open(connectionId), onCall);

    /// <summary>Replaces every (non-keyed) <see cref="ILedgerProvider"/> registration with a counting wrapper around it.</summary>
    public static void Decorate(IServiceCollection services, Action onCall)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILedgerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(
                typeof(ILedgerProvider),
                sp => new CountingLedgerProvider(Resolve(sp, descriptor), onCall),
                descriptor.Lifetime);
        }
    }

    private static ILedgerProvider Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILedgerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class CountingLedger(ILedger inner, Action onCall) : ILedger
    {
        public string ProviderName => inner.ProviderName;

        public string ConnectionId => inner.ConnectionId;

        public LedgerCapabilities Capabilities => inner.Capabilities;

        public IContactStore Contacts { get; } = new ContactStore(inner.Contacts, onCall);

        public IInvoiceStore Invoices { get; } = new InvoiceStore(inner.Invoices, onCall);

        public IPaymentStore Payments { get; } = new PaymentStore(inner.Payments, onCall);

        public IExpenseStore Expenses { get; } = new ExpenseStore(inner.Expenses, onCall);

        public ITimeEntryStore TimeEntries { get; } = new TimeEntryStore(inner.TimeEntries, onCall);
    }

    private class CountingStore<TRecord, TDraft, TChanges, TQuery>(ILedgerStore<TRecord, TDraft, TChanges, TQuery> inner, Action onCall)
        : DelegatingStore<TRecord, TDraft, TChanges, TQuery>(inner)
        where TRecord : LedgerRecord
        where TDraft : class
        where TChanges : class
        where TQuery : RecordQuery
    {
        public override Task<TRecord> GetAsync(string id, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.GetAsync(id, cancellationToken);
        }

        public override IAsyncEnumerable<TRecord> ListAsync(TQuery? query = null, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.ListAsync(query, cancellationToken);
        }

        public override Task<Page<TRecord>> ListPageAsync(TQuery? query = null, string? cursor = null, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.ListPageAsync(query, cursor, cancellationToken);
        }

        public override Task<TRecord> CreateAsync(TDraft draft, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.CreateAsync(draft, cancellationToken);
        }

        public override Task<TRecord> UpdateAsync(string id, TChanges changes, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.UpdateAsync(id, changes, cancellationToken);
        }

        public override Task<TRecord> ArchiveAsync(string id, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.ArchiveAsync(id, cancellationToken);
        }

        public override Task<TRecord> RestoreAsync(string id, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.RestoreAsync(id, cancellationToken);
        }

        public override Task DeleteAsync(string id, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.DeleteAsync(id, cancellationToken);
        }
    }

    private sealed class ContactStore(IContactStore inner, Action onCall)
        : CountingStore<Contact, NewContact, ContactChanges, ContactQuery>(inner, onCall), IContactStore;

    private sealed class InvoiceStore(IInvoiceStore inner, Action onCall)
        : CountingStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(inner, onCall), IInvoiceStore;

    private sealed class PaymentStore(IPaymentStore inner, Action onCall)
        : CountingStore<Payment, NewPayment, PaymentChanges, PaymentQuery>(inner, onCall), IPaymentStore;

    private sealed class ExpenseStore(IExpenseStore inner, Action onCall)
        : CountingStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(inner, onCall), IExpenseStore;

    private sealed class TimeEntryStore(ITimeEntryStore inner, Action onCall)
        : CountingStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(inner, onCall), ITimeEntryStore;
}
