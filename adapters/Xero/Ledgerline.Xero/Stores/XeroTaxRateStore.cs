using System.Text.RegularExpressions;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;
using Ledgerline.Xero.Http;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Tax rates over Xero tax rates (<c>/TaxRates</c>), their id Xero's <c>TaxType</c>. Created with <c>PUT</c> as one
/// component named like the rate (<see cref="XeroOptions.SalesTaxReportType"/> as <c>ReportTaxType</c>: a canonical tax
/// rate is a sales tax); changed and deleted (<c>Status</c> <c>DELETED</c>, kept readable) with <c>POST /TaxRates</c> naming
/// the <c>TaxType</c>. Xero pages no tax rate list, keeps no change time on a rate (so no <c>UpdatedSince</c>) and no
/// registration number; it cannot archive or bring back a rate. Refused before any write: a registration number, a
/// percent change on a rate of several components, a change to a deleted rate. Xero itself refuses changes to the rates
/// of the organisation's tax regime.
/// </summary>
internal sealed partial class XeroTaxRateStore(XeroLedgerContext context)
    : XeroStore<TaxRate, TaxRateQuery, TaxRateWire, TaxRatesResult>(context), ITaxRateStore
{
    protected override EntityKind Entity => EntityKind.TaxRate;

    protected override string ListKey => TaxRatesResult.ListKey;

    protected override bool Paged => false;

    public Task<TaxRate> CreateAsync(NewTaxRate draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<TaxRate> CreateAsync(NewTaxRate draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RefuseRegistrationNumber(draft.RegistrationNumber);
        var body = new TaxRateWrite
        {
            Name = draft.Name,
            ReportTaxType = Context.Options.SalesTaxReportType,
            TaxComponents = [new TaxComponentWrite(draft.Name, draft.Percent, draft.IsCompound)],
        };
        return await WriteAsync(CreateCall(options), null, t => Context.Settings.CreateTaxRateAsync(new TaxRatesBody([body]), t.Tenant, Context.ConnectionId, t.Token), cancellationToken);
    }

    /// <summary>
    /// Changes a tax rate. The rate is read first: a deleted one is <see cref="RecordDeletedException"/>, and a percent or
    /// compound change rewrites its one component (keeping the component's name); a rate of several components is
    /// refused, since its percent is their effective rate.
    /// </summary>
    public async Task<TaxRate> UpdateAsync(string id, TaxRateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RefuseRegistrationNumber(changes.RegistrationNumber);
        var current = await CurrentAsync(id, cancellationToken);
        IReadOnlyList<TaxComponentWrite>? components = null;
        if (changes.Percent is not null || changes.IsCompound is not null)
        {
            if (current.TaxComponents is not [var component])
            {
                throw XeroRefusal.Field(nameof(TaxRateChanges.Percent),
                    $"Xero tax rate {id} has {current.TaxComponents?.Count ?? 0} components and its percent is their effective rate: change the components in Xero.");
            }

            components = [new TaxComponentWrite(
                component.Name ?? current.Name ?? id,
                changes.Percent ?? component.Rate ?? 0m,
                changes.IsCompound ?? component.IsCompound ?? false)];
        }

        var body = new TaxRateWrite { TaxType = id, Name = changes.Name, TaxComponents = components };
        return await WriteAsync(Call("update", id), id, t => Context.Settings.UpdateTaxRateAsync(new TaxRatesBody([body]), t.Tenant, Context.ConnectionId, t.Token), cancellationToken);
    }

    /// <summary>Deletes a tax rate (<c>Status</c> <c>DELETED</c>): it stays readable and listed as deleted, and no document can use it.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await CurrentAsync(id, cancellationToken);
        var body = new TaxRateWrite { TaxType = id, Status = "DELETED" };
        await WriteAsync(Call("delete", id), id, t => Context.Settings.UpdateTaxRateAsync(new TaxRatesBody([body]), t.Tenant, Context.ConnectionId, t.Token), cancellationToken);
    }

    /// <summary>Xero cannot archive a tax rate through its API; refused before any request.</summary>
    public Task<TaxRate> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.TaxRate, nameof(StoreOperations.Archive));

    /// <summary>Xero cannot bring back a deleted tax rate; refused before any request.</summary>
    public Task<TaxRate> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.TaxRate, nameof(StoreOperations.Restore));

    /// <summary>A <c>TaxType</c> is letters and digits (<c>OUTPUT2</c>, <c>TAX001</c>); anything else names no rate.</summary>
    protected override void RequireId(string id)
    {
        if (!TaxType().IsMatch(id))
        {
            throw new RecordNotFoundException(EntityKind.TaxRate, id) { Provider = XeroRequest.ProviderName };
        }
    }

    protected override Task<IApiResponse<TaxRatesResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Settings.GetTaxRateAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<TaxRatesResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Settings.ListTaxRatesAsync(query, tenantId, Context.ConnectionId, cancellationToken);

    protected override void ServerFilters(TaxRateQuery query, XeroListQuery list) =>
        list.Where = query.States == RecordStates.Active ? "Status==\"ACTIVE\"" : null;

    protected override bool ServerFiltersExact(TaxRateQuery query) => query.NameContains is null;

    protected override ValueTask<Func<TaxRateWire, TaxRate>> MapperAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Func<TaxRateWire, TaxRate>>(wire => Context.Mapping.Map<TaxRateWire, TaxRate>(wire));

    private static void RefuseRegistrationNumber(string? number)
    {
        if (number is { Length: > 0 })
        {
            throw XeroRefusal.Field(nameof(NewTaxRate.RegistrationNumber),
                "Xero keeps no registration number on a tax rate (the organisation's tax number is in Xero's settings).");
        }
    }

    /// <summary>The rate as Xero holds it now; a deleted one cannot change.</summary>
    private async Task<TaxRateWire> CurrentAsync(string id, CancellationToken cancellationToken)
    {
        RequireId(id);
        var call = Call("get", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Settings.GetTaxRateAsync(id, tenant, Context.ConnectionId, t), cancellationToken);
        var current = await ReadOneAsync(answer, id, cancellationToken);
        if (current.State == RecordState.Deleted)
        {
            throw new RecordDeletedException(EntityKind.TaxRate, id) { Provider = XeroRequest.ProviderName };
        }

        return XeroEnvelope.Records<TaxRateWire, TaxRatesResult>(answer, ListKey)[0];
    }

    private async Task<TaxRate> WriteAsync(
        XeroCall call, string? id, Func<(string Tenant, CancellationToken Token), Task<IApiResponse<TaxRatesResult>>> send, CancellationToken cancellationToken)
    {
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        try
        {
            var answer = await Context.Http.SendAsync(call, t => send((tenant, t)), cancellationToken);
            return await ReadOneAsync(answer, id ?? string.Empty, cancellationToken);
        }
        finally
        {
            // Invoices read lines' taxes from the organisation's rates: after any write attempt, read them again.
            Context.ForgetTaxRates();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,50}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TaxType();
}
