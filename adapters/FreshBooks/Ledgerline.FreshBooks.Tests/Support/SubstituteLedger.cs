using NSubstitute;

namespace Ledgerline.FreshBooks.Tests.Support;

/// <summary>A substitute <see cref="ILedger"/> whose every canonical store is a substitute too, as <c>ledger.Invoices</c> reads it.</summary>
internal static class SubstituteLedger
{
    public static ILedger Create()
    {
        var ledger = Substitute.For<ILedger>();
        ledger.Capabilities.Returns(new LedgerCapabilities(Enum.GetValues<EntityKind>().ToDictionary(
            e => e, _ => new StoreCapabilities { Operations = StoreOperations.All, Filters = new HashSet<string>() })));
        ledger.GetStore(typeof(IContactStore)).Returns(Substitute.For<IContactStore>());
        ledger.GetStore(typeof(IInvoiceStore)).Returns(Substitute.For<IInvoiceStore>());
        ledger.GetStore(typeof(IPaymentStore)).Returns(Substitute.For<IPaymentStore>());
        ledger.GetStore(typeof(IExpenseStore)).Returns(Substitute.For<IExpenseStore>());
        ledger.GetStore(typeof(ITimeEntryStore)).Returns(Substitute.For<ITimeEntryStore>());
        ledger.GetStore(typeof(IItemStore)).Returns(Substitute.For<IItemStore>());
        ledger.GetStore(typeof(ITaxRateStore)).Returns(Substitute.For<ITaxRateStore>());
        ledger.GetStore(typeof(IEstimateStore)).Returns(Substitute.For<IEstimateStore>());
        ledger.GetStore(typeof(ICreditNoteStore)).Returns(Substitute.For<ICreditNoteStore>());
        ledger.GetStore(typeof(IVendorStore)).Returns(Substitute.For<IVendorStore>());
        ledger.GetStore(typeof(IBillStore)).Returns(Substitute.For<IBillStore>());
        ledger.GetStore(typeof(IBillPaymentStore)).Returns(Substitute.For<IBillPaymentStore>());
        ledger.GetStore(typeof(IProjectStore)).Returns(Substitute.For<IProjectStore>());
        ledger.GetStore(typeof(ICompanyStore)).Returns(Substitute.For<ICompanyStore>());
        return ledger;
    }
}
