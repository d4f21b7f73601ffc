using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;

namespace Ledgerline.FreshBooks.Stores;

/// <summary>Vendors over FreshBooks bill vendors (<see cref="AccountingEntities.Vendors"/>).</summary>
internal sealed class FreshBooksVendorStore(FreshBooksLedgerContext context)
    : AccountingStore<Vendor, NewVendor, VendorChanges, VendorQuery, BillVendorWire, BillVendorBody, BillVendorResult>(context, AccountingEntities.Vendors), IVendorStore
{
    protected override ValueTask<BillVendorBody> CreateBodyAsync(NewVendor draft, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BillVendorBody(Context.Mapping.Map<NewVendor, BillVendorWrite>(draft)));

    protected override ValueTask<BillVendorBody> UpdateBodyAsync(string id, VendorChanges changes, FreshBooksCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BillVendorBody(Context.Mapping.Map<VendorChanges, BillVendorWrite>(changes)));
}
