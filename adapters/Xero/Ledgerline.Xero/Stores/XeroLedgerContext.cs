using Ledgerline.Mapping;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Connections;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Everything the stores of one ledger share: the connection, the HTTP clients, the settings, and what is read from
/// Xero once per ledger (the organisation's tax rates, the organisation, bank accounts' currencies).
/// </summary>
internal sealed class XeroLedgerContext
{
    private readonly XeroOnce<IReadOnlyDictionary<string, TaxRateWire>> _taxRates;
    private readonly XeroOnce<OrganisationWire> _organisation;
    private readonly Dictionary<string, XeroOnce<CurrencyCode>> _bankCurrencies = new(StringComparer.OrdinalIgnoreCase);

    public XeroLedgerContext(
        XeroConnectionContext connection, IXeroAccountingApi accounting, IXeroSettingsApi settings, IXeroBankTransactionsApi bankTransactions,
        IXeroProjectsApi projects, XeroHttp http, XeroOptions options, LedgerMapper<XeroMapping> mapping)
    {
        Projects = projects;
        Connection = connection;
        Accounting = accounting;
        Settings = settings;
        BankTransactions = bankTransactions;
        Http = http;
        Options = options;
        Mapping = mapping;
        _taxRates = new(ReadTaxRatesAsync);
        _organisation = new(ReadOrganisationAsync);
    }

    public XeroConnectionContext Connection { get; }

    public string ConnectionId => Connection.ConnectionId;

    public IXeroAccountingApi Accounting { get; }

    /// <summary>Items, tax rates, accounts and the organisation.</summary>
    public IXeroSettingsApi Settings { get; }

    /// <summary>Spent and received money.</summary>
    public IXeroBankTransactionsApi BankTransactions { get; }

    /// <summary>The Projects API (<c>/projects.xro/2.0</c>): projects and time entries.</summary>
    public IXeroProjectsApi Projects { get; }

    public XeroHttp Http { get; }

    public XeroOptions Options { get; }

    /// <summary>Wire → canonical mappings: Mapster, or without dynamic code (Native AOT) the same mappings written as code.</summary>
    public LedgerMapper<XeroMapping> Mapping { get; }

    /// <summary>
    /// The organisation's tax rates by <c>TaxType</c>, read once per ledger (an invoice line names its tax only by type).
    /// A failed read is not kept, so the next call tries again.
    /// </summary>
    public Task<IReadOnlyDictionary<string, TaxRateWire>> TaxRatesAsync(CancellationToken cancellationToken) => _taxRates.GetAsync(cancellationToken);

    /// <summary>Drops the tax rates read, after this ledger created, changed or deleted one.</summary>
    public void ForgetTaxRates() => _taxRates.Forget();

    /// <summary>The organisation, read once per ledger (its base currency prices items).</summary>
    public Task<OrganisationWire> OrganisationAsync(CancellationToken cancellationToken) => _organisation.GetAsync(cancellationToken);

    /// <summary>The currency of the bank account with <paramref name="code"/>, read once per ledger: spent money is in it.</summary>
    public Task<CurrencyCode> BankAccountCurrencyAsync(string code, CancellationToken cancellationToken)
    {
        XeroOnce<CurrencyCode> once;
        lock (_bankCurrencies)
        {
            if (!_bankCurrencies.TryGetValue(code, out once!))
            {
                once = new XeroOnce<CurrencyCode>(t => ReadBankCurrencyAsync(code, t));
                _bankCurrencies[code] = once;
            }
        }

        return once.GetAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, TaxRateWire>> ReadTaxRatesAsync(CancellationToken cancellationToken)
    {
        var call = new XeroCall(EntityKind.TaxRate, "list", ConnectionId);
        var tenant = await Connection.TenantIdAsync(call, cancellationToken);
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

    private async Task<OrganisationWire> ReadOrganisationAsync(CancellationToken cancellationToken)
    {
        var call = new XeroCall(EntityKind.Company, "get", ConnectionId);
        var tenant = await Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Http.SendAsync(call, t => Settings.GetOrganisationAsync(tenant, ConnectionId, t), cancellationToken);
        var organisations = XeroEnvelope.Records<OrganisationWire, OrganisationsResult>(answer, OrganisationsResult.ListKey);
        return organisations.Count == 1
            ? organisations[0]
            : throw XeroErrorTable.Invalid(call, answer.Status, answer.Body, $"Xero answered {organisations.Count} organisations where one was expected");
    }

    private async Task<CurrencyCode> ReadBankCurrencyAsync(string code, CancellationToken cancellationToken)
    {
        var call = new XeroCall(EntityKind.Expense, "get", ConnectionId) { Scope = Connections.XeroScope.Settings };
        var tenant = await Connection.TenantIdAsync(call, cancellationToken);
        var query = new XeroListQuery { Where = $"Code=={XeroWhere.Literal(code)} AND Type==\"BANK\"" };
        var answer = await Http.SendAsync(call, t => Settings.ListAccountsAsync(query, tenant, ConnectionId, t), cancellationToken);
        var accounts = XeroEnvelope.Records<AccountWire, AccountsResult>(answer, AccountsResult.ListKey);
        if (accounts.Count != 1)
        {
            throw new LedgerlineException(
                $"Xero has no bank account with code '{code}' ({nameof(XeroOptions)}.{nameof(XeroOptions.ExpenseBankAccountCode)}): spent money is recorded through a bank account.")
            {
                Provider = XeroRequest.ProviderName,
            };
        }

        return CurrencyCode.TryParse(accounts[0].CurrencyCode, out var currency)
            ? currency
            : throw XeroErrorTable.Invalid(call, answer.Status, answer.Body, $"Xero's bank account '{code}' has no readable CurrencyCode");
    }
}
