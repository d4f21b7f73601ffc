using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledgerline.Logging;

/// <summary>A ledger whose every store logs its calls through <see cref="LoggingStore{TRecord, TDraft, TChanges, TQuery}"/>.</summary>
internal sealed class LoggingLedger : ILedger
{
    public LoggingLedger(ILedger inner, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        ProviderName = inner.ProviderName;
        ConnectionId = inner.ConnectionId;
        Capabilities = inner.Capabilities;
        Contacts = new LoggingContactStore(inner.Contacts, EntityKind.Contact, ProviderName, ConnectionId, logger);
        Invoices = new LoggingInvoiceStore(inner.Invoices, EntityKind.Invoice, ProviderName, ConnectionId, logger);
        Payments = new LoggingPaymentStore(inner.Payments, EntityKind.Payment, ProviderName, ConnectionId, logger);
        Expenses = new LoggingExpenseStore(inner.Expenses, EntityKind.Expense, ProviderName, ConnectionId, logger);
        TimeEntries = new LoggingTimeEntryStore(inner.TimeEntries, EntityKind.TimeEntry, ProviderName, ConnectionId, logger);
    }

    public string ProviderName { get; }

    public string ConnectionId { get; }

    public LedgerCapabilities Capabilities { get; }

    public IContactStore Contacts { get; }

    public IInvoiceStore Invoices { get; }

    public IPaymentStore Payments { get; }

    public IExpenseStore Expenses { get; }

    public ITimeEntryStore TimeEntries { get; }

    /// <summary>
    /// Wraps <paramref name="ledger"/> when the application registered logging (category <c>Ledgerline</c>); otherwise
    /// returns it as it is, so an app without logging pays nothing. Levels are checked per call, so filters that change
    /// at run time apply to ledgers already open.
    /// </summary>
    public static ILedger Wrap(ILedger ledger, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LedgerLog.Category);
        return logger is null ? ledger : new LoggingLedger(ledger, logger);
    }

    private sealed class LoggingContactStore(IContactStore inner, EntityKind entity, string provider, string connectionId, ILogger logger)
        : LoggingStore<Contact, NewContact, ContactChanges, ContactQuery>(inner, entity, provider, connectionId, logger), IContactStore;

    private sealed class LoggingInvoiceStore(IInvoiceStore inner, EntityKind entity, string provider, string connectionId, ILogger logger)
        : LoggingStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(inner, entity, provider, connectionId, logger), IInvoiceStore;

    private sealed class LoggingPaymentStore(IPaymentStore inner, EntityKind entity, string provider, string connectionId, ILogger logger)
        : LoggingStore<Payment, NewPayment, PaymentChanges, PaymentQuery>(inner, entity, provider, connectionId, logger), IPaymentStore;

    private sealed class LoggingExpenseStore(IExpenseStore inner, EntityKind entity, string provider, string connectionId, ILogger logger)
        : LoggingStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(inner, entity, provider, connectionId, logger), IExpenseStore;

    private sealed class LoggingTimeEntryStore(ITimeEntryStore inner, EntityKind entity, string provider, string connectionId, ILogger logger)
        : LoggingStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(inner, entity, provider, connectionId, logger), ITimeEntryStore;
}
