using Ledgerline.Connections;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Stores;
using Microsoft.Extensions.Options;
using Ledgerline.FreshBooks.Connections;

namespace Ledgerline.FreshBooks;

/// <summary>
/// The FreshBooks provider: opens a ledger per connection. Opening does no I/O; the connection's account and business ids
/// and scopes are read from <see cref="IConnectionStore"/> on the first request.
/// </summary>
internal sealed class FreshBooksLedgerProvider(
    IFreshBooksAccountingApi accounting,
    IFreshBooksTimeTrackingApi timeTracking,
    IFreshBooksProjectsApi projects,
    IFreshBooksIdentityApi identity,
    FreshBooksHttp http,
    IConnectionStore connections,
    IOptionsMonitor<FreshBooksOptions> options,
    TimeProvider timeProvider) : ILedgerProvider
{
    public string Name => FreshBooksRequest.ProviderName;

    public LedgerCapabilities Capabilities => FreshBooksCapabilities.Ledger;

    public ILedger Open(string connectionId)
    {
        // As ILedgerFactory.Open refuses it, for an app that opens through the provider itself.
        PublicInput.ConnectionId(nameof(connectionId), connectionId, FreshBooksRequest.ProviderName);
        var context = new FreshBooksLedgerContext(
            new FreshBooksConnectionContext(connectionId, connections, timeProvider),
            accounting, timeTracking, projects, identity, http, options.CurrentValue, FreshBooksMapping.Mapper);
        return new FreshBooksLedger(context);
    }
}

/// <summary>One FreshBooks connection's stores.</summary>
internal sealed class FreshBooksLedger : ILedger
{
    private readonly object[] _stores;

    public FreshBooksLedger(FreshBooksLedgerContext context)
    {
        ConnectionId = context.ConnectionId;
        var invoices = new FreshBooksInvoiceStore(context);
        var taxRates = new FreshBooksTaxRateStore(context);
        var contacts = new FreshBooksContactStore(context);
        var bills = new FreshBooksBillStore(context);
        _stores =
        [
            contacts,
            invoices,
            new FreshBooksPaymentStore(context, invoices),
            new FreshBooksExpenseStore(context),
            new FreshBooksTimeEntryStore(context),
            taxRates,
            new FreshBooksItemStore(context, taxRates),
            new FreshBooksProjectStore(context, contacts),
            new FreshBooksEstimateStore(context, invoices),
            new FreshBooksCreditNoteStore(context),
            new FreshBooksVendorStore(context),
            bills,
            new FreshBooksBillPaymentStore(context, bills),
            new FreshBooksCompanyStore(context),
        ];
    }

    public string ProviderName => FreshBooksRequest.ProviderName;

    public string ConnectionId { get; }

    public LedgerCapabilities Capabilities => FreshBooksCapabilities.Ledger;

    public object? GetStore(Type storeType) => Array.Find(_stores, storeType.IsInstanceOfType);
}
