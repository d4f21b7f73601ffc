using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ledgerline.Diagnostics;

/// <summary>
/// A ledger whose every store logs, traces and meters its calls through
/// <see cref="InstrumentedStore{TRecord, TDraft, TChanges, TQuery}"/>.
/// </summary>
internal sealed class InstrumentedLedger : ILedger
{
    public InstrumentedLedger(ILedger inner, ILogger logger, LedgerTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        telemetry ??= LedgerTelemetry.Shared;
        ProviderName = inner.ProviderName;
        ConnectionId = inner.ConnectionId;
        Capabilities = inner.Capabilities;
        Contacts = new InstrumentedContactStore(inner.Contacts, EntityKind.Contact, ProviderName, ConnectionId, logger, telemetry);
        Invoices = new InstrumentedInvoiceStore(inner.Invoices, EntityKind.Invoice, ProviderName, ConnectionId, logger, telemetry);
        Payments = new InstrumentedPaymentStore(inner.Payments, EntityKind.Payment, ProviderName, ConnectionId, logger, telemetry);
        Expenses = new InstrumentedExpenseStore(inner.Expenses, EntityKind.Expense, ProviderName, ConnectionId, logger, telemetry);
        TimeEntries = new InstrumentedTimeEntryStore(inner.TimeEntries, EntityKind.TimeEntry, ProviderName, ConnectionId, logger, telemetry);
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
    /// Wraps <paramref name="ledger"/> always: traces and metrics cost next to nothing until something listens, and a
    /// listener may attach after the ledger was opened. Logs go to category <c>Ledgerline</c> when the application
    /// registered logging; levels are checked per call, so filters that change at run time apply to ledgers already open.
    /// </summary>
    public static ILedger Wrap(ILedger ledger, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LedgerLog.Category) ?? NullLogger.Instance;
        return new InstrumentedLedger(ledger, logger, LedgerTelemetry.For(services));
    }

    private sealed class InstrumentedContactStore(IContactStore inner, EntityKind entity, string provider, string connectionId, ILogger logger, LedgerTelemetry telemetry)
        : InstrumentedStore<Contact, NewContact, ContactChanges, ContactQuery>(inner, entity, provider, connectionId, logger, telemetry), IContactStore;

    private sealed class InstrumentedInvoiceStore(IInvoiceStore inner, EntityKind entity, string provider, string connectionId, ILogger logger, LedgerTelemetry telemetry)
        : InstrumentedStore<Invoice, NewInvoice, InvoiceChanges, InvoiceQuery>(inner, entity, provider, connectionId, logger, telemetry), IInvoiceStore;

    private sealed class InstrumentedPaymentStore(IPaymentStore inner, EntityKind entity, string provider, string connectionId, ILogger logger, LedgerTelemetry telemetry)
        : InstrumentedStore<Payment, NewPayment, PaymentChanges, PaymentQuery>(inner, entity, provider, connectionId, logger, telemetry), IPaymentStore;

    private sealed class InstrumentedExpenseStore(IExpenseStore inner, EntityKind entity, string provider, string connectionId, ILogger logger, LedgerTelemetry telemetry)
        : InstrumentedStore<Expense, NewExpense, ExpenseChanges, ExpenseQuery>(inner, entity, provider, connectionId, logger, telemetry), IExpenseStore;

    private sealed class InstrumentedTimeEntryStore(ITimeEntryStore inner, EntityKind entity, string provider, string connectionId, ILogger logger, LedgerTelemetry telemetry)
        : InstrumentedStore<TimeEntry, NewTimeEntry, TimeEntryChanges, TimeEntryQuery>(inner, entity, provider, connectionId, logger, telemetry), ITimeEntryStore;
}
