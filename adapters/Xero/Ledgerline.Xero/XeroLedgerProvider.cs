using Ledgerline.Connections;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Ledgerline.Xero.Stores;
using Microsoft.Extensions.Options;

namespace Ledgerline.Xero;

/// <summary>
/// The Xero provider: opens a ledger per connection. Opening does no I/O; the connection's tenant id is read from
/// <see cref="IConnectionStore"/> on the first request.
/// </summary>
internal sealed class XeroLedgerProvider(
    IXeroAccountingApi accounting,
    IXeroSettingsApi settings,
    IXeroBankTransactionsApi bankTransactions,
    IXeroProjectsApi projects,
    XeroHttp http,
    IConnectionStore connections,
    IOptionsMonitor<XeroOptions> options,
    TimeProvider timeProvider) : ILedgerProvider
{
    public string Name => XeroRequest.ProviderName;

    public LedgerCapabilities Capabilities => XeroCapabilities.Ledger;

    public ILedger Open(string connectionId)
    {
        // As ILedgerFactory.Open refuses it, for an app that opens through the provider itself.
        PublicInput.ConnectionId(nameof(connectionId), connectionId, XeroRequest.ProviderName);
        var context = new XeroLedgerContext(
            new XeroConnectionContext(connectionId, connections, timeProvider), accounting, settings, bankTransactions, projects, http, options.CurrentValue, XeroMapping.Mapper);
        return new XeroLedger(context);
    }
}

/// <summary>One Xero connection's stores.</summary>
internal sealed class XeroLedger : ILedger
{
    private readonly object[] _stores;

    public XeroLedger(XeroLedgerContext context)
    {
        ConnectionId = context.ConnectionId;
        var invoices = new XeroInvoiceStore(context);
        var bills = new XeroBillStore(context);
        var taxRates = new XeroTaxRateStore(context);
        _stores =
        [
            new XeroContactStore(context),
            invoices,
            new XeroPaymentStore(context, invoices),
            new XeroVendorStore(context),
            bills,
            new XeroBillPaymentStore(context, bills),
            new XeroCreditNoteStore(context, invoices),
            new XeroEstimateStore(context, invoices),
            taxRates,
            new XeroItemStore(context, taxRates),
            new XeroExpenseStore(context),
            new XeroCompanyStore(context),
            new XeroProjectStore(context),
            new XeroTimeEntryStore(context),
        ];
    }

    public string ProviderName => XeroRequest.ProviderName;

    public string ConnectionId { get; }

    public LedgerCapabilities Capabilities => XeroCapabilities.Ledger;

    public object? GetStore(Type storeType) => Array.Find(_stores, storeType.IsInstanceOfType);
}
