namespace Ledgerline;

/// <summary>
/// One connection to one provider account: its stores, the provider's name and what it supports.
/// Obtain one from <see cref="ILedgerFactory"/> (one per tenant) or inject the stores directly (one connection).
/// </summary>
public interface ILedger
{
    /// <summary>The provider's name, e.g. <c>FreshBooks</c> or <c>InMemory</c>.</summary>
    string ProviderName { get; }

    /// <summary>The connection this ledger speaks for.</summary>
    string ConnectionId { get; }

    /// <summary>What the provider supports.</summary>
    LedgerCapabilities Capabilities { get; }

    /// <summary>Contacts.</summary>
    IContactStore Contacts { get; }

    /// <summary>Invoices.</summary>
    IInvoiceStore Invoices { get; }

    /// <summary>Payments.</summary>
    IPaymentStore Payments { get; }

    /// <summary>Expenses.</summary>
    IExpenseStore Expenses { get; }

    /// <summary>Time entries.</summary>
    ITimeEntryStore TimeEntries { get; }
}

/// <summary>Opens ledgers by connection id: the way to serve many tenants, each with its own provider account.</summary>
public interface ILedgerFactory
{
    /// <summary>The names of the registered providers.</summary>
    IReadOnlyCollection<string> Providers { get; }

    /// <summary>Opens a ledger on the only registered provider (or the configured default provider).</summary>
    /// <exception cref="InvalidOperationException">Several providers are registered and no default is configured.</exception>
    ILedger Open(string connectionId);

    /// <summary>Opens a ledger on the named provider.</summary>
    /// <exception cref="InvalidOperationException">No provider has that name.</exception>
    ILedger Open(string providerName, string connectionId);
}

/// <summary>
/// What a provider implements to plug into Ledgerline. Opening is cheap and does no I/O: credentials are resolved when a
/// request is made. Ledgerline wraps the ledger it returns with validation and capability guards, so a provider's
/// stores only ever see valid input and supported operations.
/// </summary>
public interface ILedgerProvider
{
    /// <summary>The provider's name.</summary>
    string Name { get; }

    /// <summary>What the provider supports.</summary>
    LedgerCapabilities Capabilities { get; }

    /// <summary>Opens the ledger for one connection.</summary>
    ILedger Open(string connectionId);
}
