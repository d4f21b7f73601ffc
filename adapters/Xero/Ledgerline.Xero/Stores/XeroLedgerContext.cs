using Ledgerline.Xero.Api;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Mapster;

namespace Ledgerline.Xero.Stores;

/// <summary>Everything the stores of one ledger share: the connection, the HTTP client, the settings, and the organisation's tax rates.</summary>
internal sealed class XeroLedgerContext(
    XeroConnectionContext connection, IXeroAccountingApi accounting, XeroHttp http, XeroOptions options, TypeAdapterConfig mapping)
{
    private Task<IReadOnlyDictionary<string, TaxRateWire>>? _taxRates;

    public XeroConnectionContext Connection { get; } = connection;

    public string ConnectionId => Connection.ConnectionId;

    public IXeroAccountingApi Accounting { get; } = accounting;

    public XeroHttp Http { get; } = http;

    public XeroOptions Options { get; } = options;

    public TypeAdapterConfig Mapping { get; } = mapping;

    /// <summary>
    /// The organisation's tax rates by <c>TaxType</c>, read once per ledger (an invoice line names its tax only by type).
    /// A failed read is not kept, so the next call tries again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TaxRateWire>> TaxRatesAsync(CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _taxRates);
        if (pending is null || pending.IsFaulted || pending.IsCanceled)
        {
            pending = ReadTaxRatesAsync(cancellationToken);
            Volatile.Write(ref _taxRates, pending);
        }

        return await pending.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, TaxRateWire>> ReadTaxRatesAsync(CancellationToken cancellationToken)
    {
        var call = new XeroCall(EntityKind.TaxRate, "list", ConnectionId);
        var tenant = await Connection.TenantIdAsync(cancellationToken);
        var answer = await Http.SendAsync(call, t => Accounting.ListTaxRatesAsync(tenant, ConnectionId, t), cancellationToken);
        var rates = XeroEnvelope.Records(answer, TaxRatesResult.ListKey);
        var byType = new Dictionary<string, TaxRateWire>(StringComparer.Ordinal);
        foreach (var rate in rates)
        {
            if (string.IsNullOrEmpty(rate.TaxType))
            {
                throw XeroErrorTable.Invalid(call, answer.Status, answer.Body, "Xero sent a tax rate without a TaxType");
            }

            byType[rate.TaxType] = rate;
        }

        return byType;
    }
}
