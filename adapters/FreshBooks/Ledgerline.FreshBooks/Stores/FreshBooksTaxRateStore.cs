using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>Tax rates over FreshBooks taxes (<see cref="AccountingEntities.TaxRates"/>): hard delete, no archive or restore.</summary>
internal sealed class FreshBooksTaxRateStore(FreshBooksLedgerContext context)
    : AccountingStore<TaxRate, NewTaxRate, TaxRateChanges, TaxRateQuery, TaxWire, TaxBody, TaxResult>(context, AccountingEntities.TaxRates), ITaxRateStore
{
    protected override ValueTask<TaxBody> CreateBodyAsync(NewTaxRate draft, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TaxBody(Context.Mapping.Map<NewTaxRate, TaxWrite>(draft)));

    protected override ValueTask<TaxBody> UpdateBodyAsync(string id, TaxRateChanges changes, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TaxBody(Context.Mapping.Map<TaxRateChanges, TaxWrite>(changes)));
}
