using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Ledgerline.Tests.Stores;

/// <summary>A substitute provider whose stores record every call, behind the real Ledgerline guard.</summary>
internal sealed class FakeProvider : IDisposable
{
    public FakeProvider(string name = "Fake", Func<EntityKind, StoreCapabilities>? capabilities = null, Action<LedgerlineBuilder>? configure = null)
    {
        Capabilities = new LedgerCapabilities(Enum.GetValues<EntityKind>().ToDictionary(e => e, capabilities ?? (_ => Everything)));
        Ledger = Substitute.For<ILedger>();
        Ledger.ProviderName.Returns(name);
        Ledger.ConnectionId.Returns("c1");
        Ledger.Capabilities.Returns(Capabilities);
        Ledger.GetStore(typeof(IContactStore)).Returns(Contacts);
        Ledger.GetStore(typeof(IInvoiceStore)).Returns(Invoices);
        Ledger.GetStore(typeof(IPaymentStore)).Returns(Payments);
        Ledger.GetStore(typeof(IExpenseStore)).Returns(Expenses);
        Ledger.GetStore(typeof(ITimeEntryStore)).Returns(TimeEntries);
        Ledger.GetStore(typeof(IItemStore)).Returns(Items);
        Ledger.GetStore(typeof(ITaxRateStore)).Returns(TaxRates);
        Ledger.GetStore(typeof(IEstimateStore)).Returns(Estimates);
        Ledger.GetStore(typeof(ICreditNoteStore)).Returns(CreditNotes);
        Ledger.GetStore(typeof(IVendorStore)).Returns(Substitute.For<IVendorStore>());
        Ledger.GetStore(typeof(IBillStore)).Returns(Substitute.For<IBillStore>());
        Ledger.GetStore(typeof(IBillPaymentStore)).Returns(Substitute.For<IBillPaymentStore>());
        Ledger.GetStore(typeof(IProjectStore)).Returns(Substitute.For<IProjectStore>());
        Ledger.GetStore(typeof(ICompanyStore)).Returns(Substitute.For<ICompanyStore>());
        Provider = Substitute.For<ILedgerProvider>();
        Provider.Name.Returns(name);
        Provider.Capabilities.Returns(Capabilities);
        Provider.Open(Arg.Any<string>()).Returns(Ledger);

        var services = new ServiceCollection();
        var builder = services.AddLedgerline();
        configure?.Invoke(builder);
        services.AddSingleton(Provider);
        Services = services.BuildServiceProvider();
        Guarded = Services.GetRequiredService<ILedgerFactory>().Open("c1");
    }

    public static StoreCapabilities Everything { get; } = new()
    {
        Operations = StoreOperations.All,
        Filters = new HashSet<string>(["UpdatedSince", "ContactId", "Statuses", "IssueDate", "DueDate", "Email", "InvoiceId", "Date"]),
    };

    public LedgerCapabilities Capabilities { get; }

    public ILedgerProvider Provider { get; }

    public ILedger Ledger { get; }

    public IContactStore Contacts { get; } = Substitute.For<IContactStore>();

    public IInvoiceStore Invoices { get; } = Substitute.For<IInvoiceStore>();

    public IPaymentStore Payments { get; } = Substitute.For<IPaymentStore>();

    public IExpenseStore Expenses { get; } = Substitute.For<IExpenseStore>();

    public ITimeEntryStore TimeEntries { get; } = Substitute.For<ITimeEntryStore>();

    public IItemStore Items { get; } = Substitute.For<IItemStore>();

    public ITaxRateStore TaxRates { get; } = Substitute.For<ITaxRateStore>();

    public IEstimateStore Estimates { get; } = Substitute.For<IEstimateStore>();

    public ICreditNoteStore CreditNotes { get; } = Substitute.For<ICreditNoteStore>();

    public ServiceProvider Services { get; }

    /// <summary>The ledger as applications see it: the provider's, wrapped by Ledgerline.</summary>
    public ILedger Guarded { get; }

    public void Dispose() => Services.Dispose();
}
