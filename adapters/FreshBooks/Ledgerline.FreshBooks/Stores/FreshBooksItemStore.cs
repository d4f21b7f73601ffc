using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>
/// Items (<see cref="AccountingEntities.Items"/>). FreshBooks stores whatever number is sent as <c>tax1</c>/<c>tax2</c>
/// without checking that a tax has it, so every tax rate id named by a create or update is read first (through the tax
/// rate store, so a missing one is <see cref="RecordNotFoundException"/> for <see cref="EntityKind.TaxRate"/> from the one
/// error table) and nothing is written when one does not exist.
/// </summary>
internal sealed class FreshBooksItemStore(FreshBooksLedgerContext context, ITaxRateStore taxRates)
    : AccountingStore<Item, NewItem, ItemChanges, ItemQuery, ItemWire, ItemBody, ItemResult>(context, AccountingEntities.Items), IItemStore
{
    protected override async ValueTask<ItemBody> CreateBodyAsync(NewItem draft, FreshBooksCall call, CancellationToken cancellationToken)
    {
        await RequireTaxRatesAsync(draft.TaxRateIds, cancellationToken);
        return new ItemBody(Context.Mapping.Map<NewItem, ItemWrite>(draft));
    }

    protected override async ValueTask<ItemBody> UpdateBodyAsync(string id, ItemChanges changes, FreshBooksCall call, CancellationToken cancellationToken)
    {
        if (changes.TaxRateIds is { } ids)
        {
            await RequireTaxRatesAsync(ids, cancellationToken);
        }

        return new ItemBody(Context.Mapping.Map<ItemChanges, ItemWrite>(changes));
    }

    private async Task RequireTaxRatesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await taxRates.GetAsync(id, cancellationToken);
        }
    }
}
