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

    /// <summary>
    /// Gets one of the ledger's stores by its interface (<see cref="IInvoiceStore"/>, <see cref="IContactStore"/>, …), or
    /// <see langword="null"/> when the ledger has no store of that type. Applications use the typed shortcuts
    /// (<c>ledger.Invoices</c>, … in <see cref="LedgerStoreExtensions"/>), which never return <see langword="null"/>:
    /// the ledgers Ledgerline hands out answer every canonical store, refusing with
    /// <see cref="OperationNotSupportedException"/> what the provider lacks.
    /// </summary>
    /// <remarks>
    /// For provider authors: return your store for each canonical store interface you implement and
    /// <see langword="null"/> for any other type. A store you do not return is refused for you, before any request, and
    /// reported as unsupported in the capabilities applications see; so an entity added to Ledgerline after your provider
    /// was written never breaks it.
    /// </remarks>
    /// <param name="storeType">The store interface, e.g. <c>typeof(IInvoiceStore)</c>.</param>
    object? GetStore(Type storeType);
}

/// <summary>Opens ledgers by connection id: the way to serve many tenants, each with its own provider account.</summary>
public interface ILedgerFactory
{
    /// <summary>The names of the registered providers.</summary>
    IReadOnlyCollection<string> Providers { get; }

    /// <summary>Opens a ledger on the only registered provider (or the configured default provider).</summary>
    /// <exception cref="InvalidOperationException">
    /// A wiring error: no provider is registered, or several are and no default is configured.
    /// </exception>
    /// <exception cref="LedgerValidationException">
    /// A <paramref name="connectionId"/> that breaks <see cref="ConnectionIdRule"/>: null or blank (code <c>BlankId</c>),
    /// too long (<c>IdTooLong</c>), or holding an invisible or line-breaking character (<c>MalformedId</c>).
    /// </exception>
    ILedger Open(string connectionId);

    /// <summary>Opens a ledger on the named provider (names compare ignoring case).</summary>
    /// <exception cref="LedgerValidationException">
    /// No provider has that name (field <c>providerName</c>, code <c>UnknownProvider</c>, the message listing those
    /// registered), no name is given (<c>ProviderRequired</c>), or a <paramref name="connectionId"/> that breaks
    /// <see cref="ConnectionIdRule"/> (<c>BlankId</c>, <c>IdTooLong</c>, <c>MalformedId</c>): both usually come from an
    /// app's data, so they are refused as input.
    /// </exception>
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
