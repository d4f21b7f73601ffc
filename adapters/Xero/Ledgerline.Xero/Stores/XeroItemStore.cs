using Ledgerline.Xero.Api;
using Ledgerline.Xero.Http;
using Ledgerline.Xero.Mapping;
using Refit;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// Items over Xero items (<c>/Items</c>). Created with <c>PUT</c>, changed with <c>POST /Items/{id}</c>, deleted for good
/// with <c>DELETE /Items/{id}</c> (no archive, no restore). Xero pages no item list: one answer holds every item (bounded,
/// see <see cref="XeroStore{TRecord, TQuery, TWire, TResult}"/>), narrowed by <c>where Code==</c> and
/// <c>If-Modified-Since</c>, then exactly. Xero needs a code (at most 30 characters, unique regardless of case), keeps
/// names up to 50 characters, one sales tax rate and the sales price in the organisation's base currency, and sets stock
/// only through purchases of tracked items; input it cannot take is refused before any write. A new item's sales
/// account is <see cref="XeroOptions.SalesAccountCode"/>.
/// </summary>
internal sealed class XeroItemStore(XeroLedgerContext context, ITaxRateStore taxRates)
    : XeroStore<Item, ItemQuery, ItemWire, ItemsResult>(context), IItemStore
{
    private const int MaxCode = 30;
    private const int MaxName = 50;

    protected override EntityKind Entity => EntityKind.Item;

    protected override string ListKey => ItemsResult.ListKey;

    protected override bool Paged => false;

    public Task<Item> CreateAsync(NewItem draft, CancellationToken cancellationToken = default) => CreateAsync(draft, null, cancellationToken);

    public async Task<Item> CreateAsync(NewItem draft, CreateOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var code = draft.Code ?? throw XeroRefusal.Field(nameof(NewItem.Code), "Xero needs an item code (at most 30 characters).");
        Refuse(code, draft.Name, draft.TaxRateIds, draft.QuantityOnHand);
        await RequireTaxRatesAsync(draft.TaxRateIds, cancellationToken);
        await RequireBaseCurrencyAsync(draft.UnitPrice, cancellationToken);
        var body = new ItemWrite
        {
            Code = code,
            Name = draft.Name,
            Description = draft.Description,
            SalesDetails = draft.UnitPrice is null && draft.TaxRateIds.Count == 0 ? null : new ItemDetailsWrite
            {
                UnitPrice = draft.UnitPrice?.Amount,
                AccountCode = Context.Options.SalesAccountCode,
                TaxType = draft.TaxRateIds.Count == 1 ? draft.TaxRateIds[0] : null,
            },
        };
        var call = CreateCall(options);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Settings.CreateItemAsync(new ItemsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, string.Empty, cancellationToken);
    }

    /// <summary>
    /// Changes an item. Xero replaces the sales details whole, so a price or tax change reads the item first and sends
    /// the details it keeps (its sales account) with the change.
    /// </summary>
    public async Task<Item> UpdateAsync(string id, ItemChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RequireGuid(id);
        if (changes.Code is { Length: 0 })
        {
            throw XeroRefusal.Field(nameof(ItemChanges.Code), "Xero needs an item code; it cannot be cleared.");
        }

        Refuse(changes.Code, changes.Name, changes.TaxRateIds ?? [], changes.QuantityOnHand);
        ItemDetailsWrite? sales = null;
        if (changes.UnitPrice is not null || changes.TaxRateIds is not null)
        {
            await RequireTaxRatesAsync(changes.TaxRateIds ?? [], cancellationToken);
            await RequireBaseCurrencyAsync(changes.UnitPrice, cancellationToken);
            var current = (await CurrentAsync(id, cancellationToken)).SalesDetails;
            sales = new ItemDetailsWrite
            {
                UnitPrice = changes.UnitPrice?.Amount ?? current?.UnitPrice,
                AccountCode = current?.AccountCode ?? Context.Options.SalesAccountCode,
                TaxType = changes.TaxRateIds is { } ids ? (ids.Count > 0 ? ids[0] : null) : current?.TaxType,
            };
        }

        var body = new ItemWrite { Code = changes.Code, Name = changes.Name, Description = changes.Description, SalesDetails = sales };
        var call = Call("update", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Settings.UpdateItemAsync(id, new ItemsBody([body]), tenant, Context.ConnectionId, t), cancellationToken);
        return await ReadOneAsync(answer, id, cancellationToken);
    }

    /// <summary>Deletes an item for good (<c>DELETE /Items/{id}</c>); it is not found afterwards.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        RequireGuid(id);
        var call = Call("delete", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        await Context.Http.SendAsync(call, t => Context.Settings.DeleteItemAsync(id, tenant, Context.ConnectionId, t), cancellationToken);
    }

    /// <summary>Xero has no archive for items (it deletes them); refused before any request.</summary>
    public Task<Item> ArchiveAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Item, nameof(StoreOperations.Archive));

    /// <summary>Xero deletes items for good; there is nothing to restore. Refused before any request.</summary>
    public Task<Item> RestoreAsync(string id, CancellationToken cancellationToken = default) =>
        throw new OperationNotSupportedException(XeroRequest.ProviderName, EntityKind.Item, nameof(StoreOperations.Restore));

    protected override Task<IApiResponse<ItemsResult>> GetCallAsync(string id, string tenantId, CancellationToken cancellationToken) =>
        Context.Settings.GetItemAsync(id, tenantId, Context.ConnectionId, cancellationToken);

    protected override Task<IApiResponse<ItemsResult>> ListCallAsync(XeroListQuery query, string? ifModifiedSince, string tenantId, CancellationToken cancellationToken) =>
        Context.Settings.ListItemsAsync(query, ifModifiedSince, tenantId, Context.ConnectionId, cancellationToken);

    protected override void ServerFilters(ItemQuery query, XeroListQuery list) =>
        list.Where = query.Code is { } code ? $"Code=={Literal(code)}" : null;

    protected override bool ServerFiltersExact(ItemQuery query) => false;

    protected override async ValueTask<Func<ItemWire, Item>> MapperAsync(CancellationToken cancellationToken)
    {
        var currency = await BaseCurrencyAsync(cancellationToken);
        return wire => Context.Mapping.Map<XeroItem, Item>(new XeroItem(wire, currency));
    }

    private static void Refuse(string? code, string? name, IReadOnlyList<string> taxRateIds, decimal? quantityOnHand)
    {
        if (code is { Length: > MaxCode })
        {
            throw XeroRefusal.Field(nameof(NewItem.Code), $"Xero keeps item codes of at most {MaxCode} characters.");
        }

        if (name is { Length: > MaxName })
        {
            throw XeroRefusal.Field(nameof(NewItem.Name), $"Xero keeps item names of at most {MaxName} characters.");
        }

        if (taxRateIds.Count > 1)
        {
            throw XeroRefusal.Field(nameof(NewItem.TaxRateIds), "Xero gives an item one sales tax rate.");
        }

        if (quantityOnHand is not null)
        {
            throw XeroRefusal.Field(nameof(NewItem.QuantityOnHand),
                "Xero sets the stock of a tracked item through its purchases and sales, not directly.");
        }
    }

    /// <summary>Xero does not check an item's tax type against its rates on every path, so each named rate is read first (not found: nothing is written).</summary>
    private async Task RequireTaxRatesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await taxRates.GetAsync(id, cancellationToken);
        }
    }

    private async Task RequireBaseCurrencyAsync(Money? price, CancellationToken cancellationToken)
    {
        if (price is { } given && await BaseCurrencyAsync(cancellationToken) is var currency && given.Currency != currency)
        {
            throw XeroRefusal.Field(nameof(NewItem.UnitPrice),
                $"Xero keeps item prices in the organisation's base currency, {currency}; the price is in {given.Currency}.");
        }
    }

    private async Task<CurrencyCode> BaseCurrencyAsync(CancellationToken cancellationToken)
    {
        var organisation = await Context.OrganisationAsync(cancellationToken);
        return CurrencyCode.TryParse(organisation.BaseCurrency, out var currency)
            ? currency
            : throw Errors.XeroErrorTable.Invalid(new Errors.XeroCall(EntityKind.Company, "get", Context.ConnectionId), 200,
                System.Text.Encoding.UTF8.GetBytes(organisation.BaseCurrency ?? string.Empty),
                "Xero's organisation has no readable BaseCurrency, in which it keeps item prices");
    }

    private async Task<ItemWire> CurrentAsync(string id, CancellationToken cancellationToken)
    {
        var call = Call("get", id);
        var tenant = await Context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await Context.Http.SendAsync(call, t => Context.Settings.GetItemAsync(id, tenant, Context.ConnectionId, t), cancellationToken);
        await ReadOneAsync(answer, id, cancellationToken);
        return XeroEnvelope.Records<ItemWire, ItemsResult>(answer, ListKey)[0];
    }
}
